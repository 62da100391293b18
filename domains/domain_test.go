package domains

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/internal/testfs"
	"github.com/minisim/minisim/jsapi"
)

// fakeClock is a virtual clock the test moves by hand.
type fakeClock struct{ now time.Duration }

func (c *fakeClock) Now() time.Duration { return c.now }
func (c *fakeClock) Wall() time.Time    { return time.Unix(1700000000, 0).Add(c.now) }

type harness struct {
	t        *testing.T
	d        *Domain
	clock    *fakeClock
	out, err bytes.Buffer
	frames   int
}

// newHarness writes files into a temp game folder and opens a domain on it.
func newHarness(t *testing.T, files map[string]string, mod func(*Options)) *harness {
	t.Helper()
	root := t.TempDir()
	testfs.Write(t, root, files)
	h := &harness{t: t, clock: &fakeClock{}}
	opts := Options{Name: "main", Root: root, Stdout: &h.out, Stderr: &h.err, Clock: h.clock, Seed: 1, ScriptTimeout: 2 * time.Second}
	if mod != nil {
		mod(&opts)
	}
	d, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	h.d = d
	return h
}

func (h *harness) frame() {
	h.frames++
	h.clock.now = time.Duration(h.frames) * time.Second / 60
	h.d.RunPosted()
	h.d.RunTimers(h.clock.now)
	h.d.RunAnimationFrame(h.clock.now)
}

func TestRequireForms(t *testing.T) {
	h := newHarness(t, map[string]string{
		"game.js":             `var a = require('./js/a'); var b = require('libs/b.js'); var c = require('js/dir'); console.log(a.name, b, c.x, require('./js/a') === a, GameGlobal === GameGlobal.GameGlobal);`,
		"js/a.js":             `exports.name = 'a:' + __filename + ':' + __dirname; exports.other = require('../libs/b');`,
		"libs/b.js":           `module.exports = 'b';`,
		"js/dir/index.js":     `module.exports = {x: require('./leaf.json').v};`,
		"js/dir/leaf.json":    `{"v": 7}`,
		"js/cycle1.js":        `exports.early = 1; exports.two = require('./cycle2');`,
		"js/cycle2.js":        `module.exports = require('./cycle1').early;`,
		"cycles.js":           `console.log(require('./js/cycle1').two)`,
		"js/unused/x.js":      `throw new Error('never loaded')`,
		"js/broken_caller.js": `require('./nope')`,
	}, nil)
	if err := h.d.RunMain("game.js"); err != nil {
		t.Fatalf("RunMain: %v\n%s", err, h.err.String())
	}
	if got, want := h.out.String(), "a:js/a.js:js b 7 true true\n"; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
	h.out.Reset()
	if err := h.d.RunMain("cycles.js"); err != nil {
		t.Fatal(err)
	}
	if got := h.out.String(); got != "1\n" {
		t.Errorf("cycle output = %q", got)
	}
	if err := h.d.RunMain("js/broken_caller.js"); err == nil || !strings.Contains(h.err.String(), `require("./nope"): module not found`) {
		t.Errorf("missing module: err=%v stderr=%s", err, h.err.String())
	}
	loaded := strings.Join(h.d.LoadedFiles(), ",")
	if strings.Contains(loaded, "unused") || !strings.Contains(loaded, "js/dir/index.js") {
		t.Errorf("loaded files = %s", loaded)
	}
}

func TestESModulesMixWithRequireAndKeepPositions(t *testing.T) {
	h := newHarness(t, map[string]string{
		"game.js":    "import helper, { twice } from './js/util.js';\nconst cjs = require('./js/cjs');\nconsole.log(helper(), twice(21), cjs.n);\nimport './js/boom.js';\n",
		"js/util.js": "export default function helper() { return 'esm'; }\nexport const twice = (x) => x * 2;\n",
		"js/cjs.js":  "module.exports = { n: 3 };\n",
		"js/boom.js": "export function boom() {\n  const o = null;\n  return o.field;\n}\n",
		"run.js":     "import { boom } from './js/boom.js';\nsetTimeout(() => boom(), 0);\n",
	}, nil)
	if err := h.d.RunMain("game.js"); err != nil {
		t.Fatalf("RunMain: %v\n%s", err, h.err.String())
	}
	if got := h.out.String(); got != "esm 42 3\n" {
		t.Errorf("output = %q", got)
	}
	if err := h.d.RunMain("run.js"); err != nil {
		t.Fatal(err)
	}
	h.frame()
	if !strings.Contains(h.err.String(), "js/boom.js:3:") {
		t.Errorf("stack does not point at js/boom.js line 3:\n%s", h.err.String())
	}
}

func TestErrorPositionsAndHint(t *testing.T) {
	h := newHarness(t, map[string]string{
		"game.js":  "var x = 1;\nfunction f() {\n  undefinedThing.go();\n}\nsetTimeout(f, 10);\nrequestAnimationFrame(function () { window.foo = 1; });\n",
		"bad.js":   "var a = 1;\nvar b = ;\n",
		"first.js": "null.x",
	}, nil)
	if err := h.d.RunMain("game.js"); err != nil {
		t.Fatal(err)
	}
	h.frame()
	h.frame()
	e := h.err.String()
	for _, want := range []string{
		"Uncaught ReferenceError: undefinedThing is not defined",
		"at f (game.js:3:3)",
		"Uncaught ReferenceError: window is not defined",
		"hint: mini games have no browser globals",
	} {
		if !strings.Contains(e, want) {
			t.Errorf("stderr lacks %q:\n%s", want, e)
		}
	}
	h.err.Reset()
	h.d.RunMain("bad.js")
	if !strings.Contains(h.err.String(), "SyntaxError") || !strings.Contains(h.err.String(), "bad.js:2:9") {
		t.Errorf("syntax error report: %s", h.err.String())
	}
	h.err.Reset()
	h.d.RunMain("first.js")
	if !strings.Contains(h.err.String(), "first.js:1:6") {
		t.Errorf("line-1 column not corrected: %s", h.err.String())
	}
	if h.d.UncaughtErrors() != 4 {
		t.Errorf("UncaughtErrors = %d, want 4", h.d.UncaughtErrors())
	}
}

func TestTimersAndAnimationFramesFollowTheClock(t *testing.T) {
	h := newHarness(t, map[string]string{
		"game.js": `
var log = [];
setTimeout(function () { log.push('t50@' + Date.now() % 100000); }, 50);
setTimeout(function (a, b) { log.push('t0:' + a + b); }, 0, 'x', 'y');
var n = 0, iv = setInterval(function () { if (++n === 3) { clearInterval(iv); log.push('iv3'); } }, 20);
var cancelled = setTimeout(function () { log.push('never'); }, 5); clearTimeout(cancelled);
requestAnimationFrame(function (ts) { log.push('raf@' + ts.toFixed(3)); requestAnimationFrame(function (ts2) { log.push('raf2@' + ts2.toFixed(3)); }); });
var c = requestAnimationFrame(function () { log.push('cancelled raf'); }); cancelAnimationFrame(c);
Promise.resolve().then(function () { log.push('microtask'); });
GameGlobal.dump = function () { console.log(log.join(' ')); };
`,
	}, nil)
	if err := h.d.RunMain("game.js"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 6; i++ {
		h.frame()
	}
	h.d.Guard(func() { h.d.VM().RunString("dump()") })
	// Date.now follows the virtual clock: t50 fires in the frame at 50 ms.
	want := "microtask t0:xy raf@16.667 raf2@33.333 t50@50 iv3\n"
	if got := h.out.String(); got != want {
		t.Errorf("order = %q\nwant    %q\nstderr: %s", got, want, h.err.String())
	}
}

func TestWatchdogInterruptsEndlessLoopAndLoopGoesOn(t *testing.T) {
	h := newHarness(t, map[string]string{
		"game.js": "requestAnimationFrame(function spin() { while (true) {} });\nsetTimeout(function () { console.log('still alive'); }, 100);\n",
	}, func(o *Options) { o.ScriptTimeout = 200 * time.Millisecond })
	if err := h.d.RunMain("game.js"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for i := 0; i < 8; i++ {
		h.frame()
	}
	if time.Since(start) > 5*time.Second {
		t.Fatal("the endless loop was not interrupted in time")
	}
	if !strings.Contains(h.err.String(), "script ran longer than 200ms") || !strings.Contains(h.err.String(), "at spin (game.js:1:") {
		t.Errorf("stderr: %s", h.err.String())
	}
	if h.out.String() != "still alive\n" {
		t.Errorf("the loop did not go on after the interrupt: %q", h.out.String())
	}
}

func TestScopeRules(t *testing.T) {
	files := map[string]string{
		"game.js":        "require('./open/secret.js')",
		"open/index.js":  "require('../game.js')",
		"open/secret.js": "",
		"open/ok.js":     "module.exports = 1",
		"open/useok.js":  "console.log(require('./ok'))",
	}
	h := newHarness(t, files, func(o *Options) { o.Forbidden = []string{"open"} })
	h.d.RunMain("game.js")
	if !strings.Contains(h.err.String(), "inside the open data domain's folder open/") {
		t.Errorf("main domain loaded the open domain's file: %s", h.err.String())
	}
	o := newHarness(t, files, func(o *Options) { o.Scope = "open/"; o.LinePrefix = "[open] " })
	o.d.RunMain("open/index.js")
	if !strings.Contains(o.err.String(), "[open] ") || !strings.Contains(o.err.String(), "outside this domain's folder open/") {
		t.Errorf("open domain left its folder: %s", o.err.String())
	}
	o.d.RunMain("open/useok.js")
	if o.out.String() != "[open] 1\n" {
		t.Errorf("open output = %q", o.out.String())
	}
}

func TestConsoleFormatting(t *testing.T) {
	h := newHarness(t, map[string]string{
		"game.js": `var o = {a: 1, b: 'x', c: [1, 2, {d: null}], f: function named() {}}; o.self = o;
console.log('n=%d s=%s', 42.9, 'str', 'extra', o, undefined, 1e21, 0.1, -0);
console.error(new Error('boom').message);`,
	}, nil)
	if err := h.d.RunMain("game.js"); err != nil {
		t.Fatal(err)
	}
	want := `n=42 s=str extra {a: 1, b: "x", c: [1, 2, {d: null}], f: [Function: named], self: [Circular]} undefined 1e+21 0.1 0` + "\nboom\n"
	if got := h.out.String(); got != want {
		t.Errorf("console = %q\nwant      %q", got, want)
	}
}

func TestGoPanicInAPIBecomesJSError(t *testing.T) {
	h := newHarness(t, map[string]string{"game.js": "try { explode(); } catch (e) { console.log('caught', e.message); }"}, nil)
	h.d.SetGlobal("explode", jsapi.Native(h.d.VM(), "explode", func(goja.FunctionCall) goja.Value {
		var m map[string]int
		m["x"] = 1
		return nil
	}))
	if err := h.d.RunMain("game.js"); err != nil {
		t.Fatalf("%v\n%s", err, h.err.String())
	}
	if !strings.Contains(h.out.String(), "caught explode: internal error: assignment to entry in nil map") {
		t.Errorf("out = %q", h.out.String())
	}
}

func TestUnhandledRejectionIsReported(t *testing.T) {
	h := newHarness(t, map[string]string{"game.js": "Promise.reject(new TypeError('nope')); Promise.reject(1).catch(function(){});"}, nil)
	h.d.RunMain("game.js")
	if !strings.Contains(h.err.String(), "Uncaught (in promise)") || strings.Count(h.err.String(), "Uncaught") != 1 {
		t.Errorf("stderr = %s", h.err.String())
	}
}

func TestAsyncResultsRunInTheOrderTheirWorkStarted(t *testing.T) {
	h := newHarness(t, map[string]string{"game.js": ""}, nil)
	var got []int
	for i := 0; i < 5; i++ {
		i := i
		h.d.Go(func() func() {
			time.Sleep(time.Duration(5-i) * 5 * time.Millisecond) // the last started finishes first
			return func() { got = append(got, i) }
		})
	}
	h.d.WaitAsync()
	h.d.RunPosted()
	if fmt.Sprint(got) != "[0 1 2 3 4]" {
		t.Errorf("results ran in order %v", got)
	}
}

func TestAfterRunsGoTimersOnTheDomainClock(t *testing.T) {
	h := newHarness(t, map[string]string{"game.js": ""}, nil)
	d := h.d
	var ran []string
	d.After(20*time.Millisecond, func() { ran = append(ran, "b") })
	d.After(10*time.Millisecond, func() { ran = append(ran, "a") })
	cancel := d.After(15*time.Millisecond, func() { ran = append(ran, "cancelled") })
	cancel()
	d.After(30*time.Millisecond, func() { panic("boom") })
	d.RunTimers(25 * time.Millisecond)
	if strings.Join(ran, ",") != "a,b" {
		t.Errorf("ran %v, want a,b", ran)
	}
	d.RunTimers(40 * time.Millisecond) // a panicking Go timer is reported, not fatal
	if d.UncaughtErrors() != 1 {
		t.Errorf("uncaught = %d, want 1", d.UncaughtErrors())
	}
}

func TestClearTimeoutFromJSNeverCancelsGoTimers(t *testing.T) {
	h := newHarness(t, map[string]string{"game.js": ""}, nil)
	d := h.d
	ran := false
	d.After(10*time.Millisecond, func() { ran = true })
	// Games clear every timer by counting ids down from the newest one.
	h.d.Guard(func() {
		if _, err := d.VM().RunString(`var id = setTimeout(function () {}, 5); while (id >= 0) { clearTimeout(id); clearInterval(id); id--; }`); err != nil {
			t.Fatal(err)
		}
	})
	d.RunTimers(20 * time.Millisecond)
	if !ran {
		t.Error("clearTimeout from the game cancelled a Go timer")
	}
}
