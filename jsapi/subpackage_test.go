package jsapi_test

import (
	"strings"
	"testing"

	"github.com/minisim/minisim/jsapi"
)

// newGameEnv opens a main domain on a game folder of several files.
func newGameEnv(t *testing.T, platform string, files map[string]string, cfg jsapi.Config) *env {
	t.Helper()
	cfg.Platform = platform
	e := openEnv(t, &fakeHost{}, files, cfg)
	e.d.RunMain("game.js")
	e.settle()
	return e
}

// settle runs turns until no async work or posted turn is left.
func (e *env) settle() {
	for i := 0; i < 100; i++ {
		e.d.WaitAsync()
		e.d.RunPosted()
	}
}

func TestSubpackagesLoadOnDemandWithProgress(t *testing.T) {
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			files := map[string]string{
				"game.js": `
var api = typeof wx !== 'undefined' ? wx : tt;
try { require('stage1/level.js'); } catch (e) { console.log('before:', e.message); }
api.loadSubpackage({name: 'nope', fail: function (r) { console.log(r.errMsg); }});
var task = api.loadSubpackage({
  name: 'stage1',
  success: function (r) { console.log('success', r.errMsg, globalThis.stage1, require('stage1/level.js').n); },
  fail: function (r) { console.log('fail', r.errMsg); }
});
task.onProgressUpdate(function (p) { console.log('progress', p.progress, p.totalBytesWritten, p.totalBytesExpectedToWrite); });
api.loadSubpackage({name: 'stage2.js', success: function () {
  console.log('stage2', globalThis.stage2);
  api.loadSubpackage({name: 'stage1', success: function () { console.log('again', globalThis.stage1); }});
}});
`,
				"stage1/game.js":  `globalThis.stage1 = (globalThis.stage1 || 0) + 1;`,
				"stage1/level.js": `exports.n = 42;`,
				"stage2.js":       `globalThis.stage2 = 'ran';`,
			}
			e := newGameEnv(t, platform, files, jsapi.Config{Subpackages: []jsapi.Subpackage{
				{Name: "stage1", Root: "stage1"}, {Name: "s2", Root: "stage2.js"},
			}})
			out := e.out.String()
			api := map[string]string{"wechat": "wx", "tiktok": "tt"}[platform]
			for _, want := range []string{
				"before: require(\"stage1/level.js\"): stage1/level.js: it belongs to subpackage \"stage1\", which is not loaded yet: call " + api + ".loadSubpackage({name: \"stage1\"}) first",
				`loadSubpackage:fail subpackage "nope" not found: game.json declares "stage1", "s2"`,
				"progress 76 49 64\nprogress 100 64 64\n", // byte counts of the two files
				"success loadSubpackage:ok 1 42",
				"stage2 ran",
				"again 1", // loaded once: the entry does not run twice
			} {
				if !strings.Contains(out, want) {
					t.Errorf("missing %q in:\n%s\nstderr: %s", want, out, e.err.String())
				}
			}
		})
	}
}

func TestSubpackageWithAFailingEntryFailsItsLoad(t *testing.T) {
	e := newGameEnv(t, "wechat", map[string]string{
		"game.js":        `wx.loadSubpackage({name: 'b', fail: function (r) { console.log(r.errMsg); }});`,
		"broken/game.js": `throw new Error('level data missing');`,
	}, jsapi.Config{Subpackages: []jsapi.Subpackage{{Name: "b", Root: "broken"}}})
	if !strings.Contains(e.out.String(), "loadSubpackage:fail") || !strings.Contains(e.out.String(), "level data missing") {
		t.Errorf("out: %s", e.out.String())
	}
	if !strings.Contains(e.err.String(), "level data missing") {
		t.Errorf("the error should also be reported as uncaught; stderr: %s", e.err.String())
	}
}

func TestPreDownloadFetchesWithoutRunning(t *testing.T) {
	e := newGameEnv(t, "wechat", map[string]string{
		"game.js": `
var task = wx.preDownloadSubpackage({name: 'lvl', success: function (r) {
  console.log(r.errMsg, typeof globalThis.lvl);
  try { require('lvl/game.js'); } catch (e) { console.log('still locked'); }
  wx.loadSubpackage({name: 'lvl', success: function () { console.log('loaded', globalThis.lvl); }});
}});
task.onProgressUpdate(function (p) { console.log('progress', p.progress, this === task); });
`,
		"lvl/game.js": `globalThis.lvl = 'ran';`,
	}, jsapi.Config{Subpackages: []jsapi.Subpackage{{Name: "lvl", Root: "lvl"}}})
	want := "progress 100 true\npreDownloadSubpackage:ok undefined\nstill locked\nloaded ran\n"
	if got := e.out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s\nstderr: %s", got, want, e.err.String())
	}
}
