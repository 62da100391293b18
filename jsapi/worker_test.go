package jsapi_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/jsapi"
)

// CreateWorker runs h.workerSrc in a domain of its own, as the simulator
// does with the workers folder.
func (h *fakeHost) CreateWorker(script string, deliver func(msg any)) (jsapi.WorkerHandle, error) {
	if h.workerSrc == "" {
		return nil, errors.New("game.json declares no workers folder")
	}
	root, err := os.MkdirTemp("", "worker")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(root, "w.js"), []byte(h.workerSrc), 0o644); err != nil {
		return nil, err
	}
	d, err := domains.New(domains.Options{Name: "worker", Root: root, Clock: &clock{}, Stdout: os.Stdout, Stderr: os.Stderr})
	if err != nil {
		return nil, err
	}
	post := jsapi.InstallWorkerGlobal(d, deliver)
	d.RunMain("w.js")
	h.worker = d
	return fakeWorker{d, post, root}, nil
}

type fakeWorker struct {
	d    *domains.Domain
	post func(any)
	root string
}

func (w fakeWorker) Post(msg any) { w.post(msg) }
func (w fakeWorker) Terminate()   { w.d.Close(); os.RemoveAll(w.root) }

func TestWorkerMessagesAreCopiedBothWays(t *testing.T) {
	host := &fakeHost{workerSrc: `
worker.onMessage(function (m) {
  m.list.push(4);
  var bytes = new Uint8Array(m.buf);
  bytes[0] = 99;
  worker.postMessage({echo: m, sum: m.list.reduce(function (a, b) { return a + b; }, 0),
    typeofWx: typeof wx, first: bytes[0], nothing: undefined, none: null});
});
`}
	e := newEnvWith(t, host, "wechat", `
var w = wx.createWorker('workers/w.js');
var sent = {list: [1, 2, 3], name: '李', buf: new Uint8Array([7, 8]).buffer, nested: {ok: true}};
w.onMessage(function (r) {
  console.log(r.sum, r.echo.name, r.echo.nested.ok, r.echo.list.length, sent.list.length, r.typeofWx,
    r.first, new Uint8Array(sent.buf)[0], 'nothing' in r, r.nothing, r.none);
});
w.postMessage(sent);
try { wx.createWorker('workers/w.js'); } catch (e) { console.log(e.message); }
try { w.postMessage({f: function () {}}); } catch (e) { console.log(e.name, e.message); }
var cyc = {}; cyc.self = cyc;
try { w.postMessage(cyc); } catch (e) { console.log(e.message); }
globalThis.w = w;
`)
	host.worker.RunPosted() // the worker's turn
	e.d.RunPosted()         // the reply's turn
	want := "wx.createWorker: only one Worker may run at a time: call terminate() on the current one first\n" +
		"TypeError Worker.postMessage: f: a function cannot be sent to or from a Worker\n" +
		"Worker.postMessage: self: the message refers to itself (a cycle)\n" +
		"10 李 true 4 3 undefined 99 7 true undefined null\n"
	if got := e.out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s\nstderr: %s", got, want, e.err.String())
	}
	e.out.Reset()
	e.d.VM().RunString(`w.terminate(); var w2 = wx.createWorker('workers/w.js'); console.log(typeof w2.postMessage);`)
	if got := e.out.String(); got != "function\n" {
		t.Errorf("after terminate: %q, stderr: %s", got, e.err.String())
	}
}

func TestCreateWorkerWithoutAWorkersFolderThrows(t *testing.T) {
	e := newEnv(t, "tiktok", `try { tt.createWorker('workers/a.js'); } catch (e) { console.log(e.message); }`)
	if got := e.out.String(); got != "tt.createWorker: game.json declares no workers folder\n" {
		t.Errorf("got %q", got)
	}
}

func TestAWorkerMayPostFromItsFirstTurn(t *testing.T) {
	host := &fakeHost{workerSrc: `worker.postMessage('ready');`}
	e := newEnvWith(t, host, "tiktok", `
var w = tt.createWorker('workers/w.js');
w.onMessage(function (m) { console.log('got', m); });
`)
	e.d.RunPosted()
	if got := e.out.String(); got != "got ready\n" {
		t.Errorf("got %q, stderr: %s", got, e.err.String())
	}
}
