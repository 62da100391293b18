package jsapi_test

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/fonts"
	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/internal/testfs"
	"github.com/minisim/minisim/jsapi"
)

// fakeHost answers like a simulator on an iPhone 8, without GL: canvas
// APIs are not exercised here (the simulator's tests cover them).
type fakeHost struct {
	fps    int
	exited bool
	broken bool // SystemInfo panics, as a bug in Go would
	// edit types into an editable prompt's field before it is answered.
	edit  func(*jsapi.TextInput)
	kv    memKV
	cloud *memCloud

	account        *memAccount
	prompts        []jsapi.Prompt
	answers        []bool // scripted answers to prompts, in order
	settingsChange map[string]bool
	functions      jsapi.CloudFunctions
	toasts         []jsapi.Toast
	choices        []int // scripted action sheet answers
	vibrations     []bool
	clipboard      string
	workerSrc      string // the script a test's createWorker runs
	worker         *domains.Domain
	net            fakeNet // the simulated connection (network_test.go)
}

func (h *fakeHost) SystemInfo() jsapi.SystemInfo {
	if h.broken {
		var presets map[string]jsapi.SystemInfo
		presets["x"] = jsapi.SystemInfo{} // assignment to a nil map: a Go panic
	}
	return jsapi.SystemInfo{Brand: "iPhone", Model: "iPhone 8", Platform: "ios", System: "iOS 16.7",
		ScreenWidth: 375, ScreenHeight: 667, WindowWidth: 375, WindowHeight: 667, PixelRatio: 2,
		StatusBarHeight: 20, SafeArea: jsapi.Rect{Right: 375, Top: 20, Bottom: 667, Width: 375, Height: 647},
		Orientation: "portrait", Language: "zh_CN", Version: "8.0.54", SDKVersion: "3.7.3", BenchmarkLevel: -1}
}
func (h *fakeHost) LaunchOptions() jsapi.LaunchOptions {
	return jsapi.LaunchOptions{Scene: 1001, Query: []jsapi.QueryParam{{Key: "k", Value: "v"}}}
}
func (h *fakeHost) Renderer() *gl.Renderer  { return nil }
func (h *fakeHost) Fonts() *fonts.Library   { return fonts.NewLibrary() }
func (h *fakeHost) SetPreferredFPS(fps int) { h.fps = fps }
func (h *fakeHost) Cloud() (jsapi.Cloud, error) {
	if h.cloud == nil {
		return nil, errors.New("no cloud in this test")
	}
	return h.cloud, nil
}

func (h *fakeHost) LocalStorage() (jsapi.KV, error) {
	if h.kv == nil {
		h.kv = memKV{}
	}
	return h.kv, nil
}

// memKV is local storage in memory, for tests of the bindings.
type memKV map[string][]byte

func (m memKV) Put(k string, v []byte) error { m[k] = v; return nil }
func (m memKV) Get(k string) ([]byte, bool, error) {
	v, ok := m[k]
	return v, ok, nil
}
func (m memKV) Delete(keys ...string) error {
	for _, k := range keys {
		delete(m, k)
	}
	return nil
}
func (m memKV) Keys() ([]string, error) {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks, nil
}
func (m memKV) Clear() error { clear(m); return nil }
func (m memKV) Size() (int, error) {
	n := 0
	for k, v := range m {
		n += len(k) + len(v)
	}
	return n, nil
}
func (h *fakeHost) Exit() { h.exited = true }

type clock struct{ now time.Duration }

func (c *clock) Now() time.Duration { return c.now }
func (c *clock) Wall() time.Time    { return time.Unix(0, 0).Add(c.now) }

type env struct {
	d        *domains.Domain
	api      *jsapi.API
	host     *fakeHost
	out, err bytes.Buffer
}

func newEnv(t *testing.T, platform, src string) *env {
	return newEnvWith(t, &fakeHost{}, platform, src)
}

func newEnvWith(t *testing.T, host *fakeHost, platform, src string) *env {
	t.Helper()
	e := openEnv(t, host, map[string]string{"game.js": src}, jsapi.Config{Platform: platform})
	e.d.RunMain("game.js")
	e.d.RunPosted() // async callbacks run on later turns
	return e
}

// openEnv makes a game folder of files (slash paths to contents) and a
// domain on it with the API installed as cfg says; the API closes before
// the domain when the test ends, as in the simulator. Nothing runs yet.
func openEnv(t *testing.T, host *fakeHost, files map[string]string, cfg jsapi.Config) *env {
	t.Helper()
	root := t.TempDir()
	testfs.Write(t, root, files)
	e := &env{host: host}
	d, err := domains.New(domains.Options{Name: "main", Root: root, Stdout: &e.out, Stderr: &e.err, Clock: &clock{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	e.d = d
	e.api = jsapi.Install(d, host, cfg)
	t.Cleanup(e.api.Close)
	return e
}

func TestAsyncConventionCallbacksAndPromise(t *testing.T) {
	e := newEnv(t, "wechat", `
wx.getSystemInfo({
  success: function (r) { console.log('success', r.errMsg, r.windowWidth); },
  fail: function () { console.log('fail'); },
  complete: function (r) { console.log('complete', r.errMsg); }
});
var p = wx.getSystemInfo();
console.log('sync first', p instanceof Promise);
p.then(function (r) { console.log('promise', r.errMsg, r.safeArea.top); });
`)
	want := "sync first true\nsuccess getSystemInfo:ok 375\ncomplete getSystemInfo:ok\npromise getSystemInfo:ok 20\n"
	if e.out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s\nstderr: %s", e.out.String(), want, e.err.String())
	}
}

func TestTouchListenersGetTheEventShape(t *testing.T) {
	e := newEnv(t, "wechat", `
function a(ev) { console.log('a', ev.touches.length, ev.changedTouches[0].identifier, ev.changedTouches[0].pageX, ev.timeStamp); }
function b() { console.log('b'); }
wx.onTouchEnd(a); wx.onTouchEnd(b); wx.offTouchEnd(b);
wx.onTouchStart(function () { throw new Error('listener failed'); });
wx.onTouchStart(function () { console.log('second listener still runs'); });
`)
	e.api.DispatchTouch(jsapi.TouchEnd, []jsapi.Touch{{ID: 3, X: 10.5, Y: 20}}, nil, 1500*time.Millisecond)
	e.api.DispatchTouch(jsapi.TouchStart, []jsapi.Touch{{ID: 0, X: 1, Y: 1}}, []jsapi.Touch{{ID: 0, X: 1, Y: 1}}, 0)
	if got, want := e.out.String(), "a 0 3 10.5 1500\nsecond listener still runs\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !strings.Contains(e.err.String(), "Uncaught Error: listener failed") {
		t.Errorf("a throwing listener was not reported: %s", e.err.String())
	}
}

func TestFrameRateExitAndBadArguments(t *testing.T) {
	e := newEnv(t, "wechat", `
wx.setPreferredFramesPerSecond(120);
try { wx.setPreferredFramesPerSecond('fast'); } catch (err) { console.log(err.name); }
try { wx.onShow(42); } catch (err) { console.log(err.message); }
wx.exitMiniProgram();
`)
	if e.host.fps != 60 || !e.host.exited {
		t.Errorf("fps %d exited %v", e.host.fps, e.host.exited)
	}
	if want := "TypeError\nwx.onShow: the listener must be a function\n"; e.out.String() != want {
		t.Errorf("got %q", e.out.String())
	}
}

func TestGoPanicInABindingIsACatchableError(t *testing.T) {
	e := newEnvWith(t, &fakeHost{broken: true}, "wechat",
		`try { wx.getSystemInfoSync(); } catch (err) { console.log('caught', err.message); }`)
	if e.out.String() != "caught wx.getSystemInfoSync: internal error: assignment to entry in nil map\n" {
		t.Errorf("got %q, stderr %s", e.out.String(), e.err.String())
	}
}

func TestTikTokGetsTTAndCanIUseTellsTheTruth(t *testing.T) {
	e := newEnv(t, "tiktok", `console.log(typeof wx, typeof tt, tt.canIUse('getSystemInfoSync'), tt.canIUse('notAnAPI'), tt.canIUse(''),
  JSON.stringify(tt.getLaunchOptionsSync().query));`)
	if want := "undefined object true false false {\"k\":\"v\"}\n"; e.out.String() != want {
		t.Errorf("got %q, want %q (stderr %s)", e.out.String(), want, e.err.String())
	}
	for _, m := range []string{"createCanvas", "createImage", "getSystemInfoSync", "onTouchStart", "offTouchCancel", "onError"} {
		found := false
		for _, have := range e.api.Methods() {
			found = found || have == m
		}
		if !found {
			t.Errorf("tt.%s is missing", m)
		}
	}
}

func TestLocalStorage(t *testing.T) {
	e := newEnv(t, "wechat", `
wx.setStorageSync('obj', {a: [1, 'x', true], n: null});
wx.setStorageSync('num', 42);
console.log(JSON.stringify(wx.getStorageSync('obj')), wx.getStorageSync('num') + 1, JSON.stringify(wx.getStorageSync('missing')));
try { wx.setStorageSync('big', new Array(600000).join('ab')); } catch (e) { console.log(e.message); }
try { wx.setStorageSync('u', undefined); } catch (e) { console.log(e.message); }
wx.getStorage({ key: 'missing', fail: function (r) { console.log(r.errMsg); } });
wx.setStorage({ key: 'k', data: 'v', success: function (r) {
  console.log(r.errMsg);
  wx.getStorage({ key: 'k' }).then(function (r) { console.log('got', r.data, r.errMsg);
    var info = wx.getStorageInfoSync(); console.log(info.keys.join(','), info.limitSize);
    wx.removeStorageSync('k'); wx.clearStorage({ complete: function (r) { console.log(r.errMsg, wx.getStorageInfoSync().keys.length); } });
  });
} });
`)
	for i := 0; i < 4; i++ {
		e.d.RunPosted()
	}
	want := `{"a":[1,"x",true],"n":null} 43 ""
setStorageSync:fail exceed storage item max length
setStorageSync:fail data cannot be undefined
getStorage:fail data not found
setStorage:ok
got v getStorage:ok
k,num,obj 10240
clearStorage:ok 0
`
	if e.out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s\nstderr: %s", e.out.String(), want, e.err.String())
	}
}
