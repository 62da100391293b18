package simulator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minisim/minisim/internal/display"
	"github.com/minisim/minisim/internal/golden"
	"github.com/minisim/minisim/internal/mainthread"
)

// TestMain serves the main thread to GL work (mainthread.Call), with a
// display: an Xvfb of our own when there is none.
func TestMain(m *testing.M) {
	stop, err := display.Ensure(true, func(string) {})
	if err != nil {
		fmt.Fprintln(os.Stderr, "simulator tests:", err)
		os.Exit(1)
	}
	mainthread.Run(m, stop)
}

// onMain runs f on the main thread, where GLFW and GL must run.
func onMain(f func()) { mainthread.Call(f) }

type result struct {
	stdout, stderr string
	err            error
	screenshot     *image.RGBA
}

// runGame runs a test game headless with command-line flags, as a user's
// CI script would.
func runGame(t *testing.T, game string, flags ...string) result {
	t.Helper()
	return runGameAt(t, filepath.Join("testdata", "games", game), flags...)
}

// runGameAt is runGame for a game folder anywhere.
func runGameAt(t *testing.T, dir string, flags ...string) result {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "shot.png")
	args := append([]string{"--headless", "--screenshot", shot}, flags...)
	args = append(args, dir)
	cfg, err := ParseArgs(args)
	if err != nil {
		t.Fatalf("ParseArgs(%q): %v", args, err)
	}
	var out, errOut bytes.Buffer
	cfg.Stdout, cfg.Stderr = &out, &errOut
	onMain(func() { err = Run(context.Background(), cfg) })
	r := result{stdout: out.String(), stderr: errOut.String(), err: err}
	if f, ferr := os.Open(shot); ferr == nil {
		img, derr := png.Decode(f)
		f.Close()
		if derr != nil {
			t.Fatalf("screenshot: %v", derr)
		}
		r.screenshot = img.(*image.RGBA)
	}
	return r
}

// mustRunGame is runGame for a run that must succeed.
func mustRunGame(t *testing.T, game string, flags ...string) result {
	t.Helper()
	r := runGame(t, game, flags...)
	if r.err != nil {
		t.Fatalf("%s: %v\n%s", game, r.err, r.stderr)
	}
	return r
}

func wantLines(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q; got:\n%s", w, got)
		}
	}
}

func TestSceneRendersAsGolden(t *testing.T) {
	r := mustRunGame(t, "scene", "--frames", "30")
	wantLines(t, r.stdout,
		"screen canvas 375x667\n",
		"images 32x32 64x32 complete=true\n",
		"fillStyle kept rgba(0, 0, 0, 0) font 14px monospace\n",
	)
	if !strings.Contains(r.stdout, "frame at ") {
		t.Errorf("no animation frame ran: %s", r.stdout)
	}
	if r.screenshot == nil {
		t.Fatal("no screenshot written")
	}
	if b := r.screenshot.Bounds(); b.Dx() != 750 || b.Dy() != 1334 {
		t.Errorf("screenshot is %v, want logical size x pixel ratio 750x1334", b.Size())
	}
	golden.Check(t, "scene", r.screenshot, golden.Default)
}

func TestHeadlessRunsAreDeterministic(t *testing.T) {
	a := runGame(t, "scene", "--frames", "10")
	b := runGame(t, "scene", "--frames", "10")
	if a.stdout != b.stdout {
		t.Errorf("two runs printed differently:\n%s\n---\n%s", a.stdout, b.stdout)
	}
	if bad, _, err := golden.Diff(a.screenshot, b.screenshot, 0); err != nil || bad != 0 {
		t.Errorf("two runs rendered differently: %d pixels, %v", bad, err)
	}
	// The first frame is one period after start under virtual time.
	wantLines(t, a.stdout, "frame at 16.667\n")
}

func TestScriptedTouchesReachTheGame(t *testing.T) {
	input := filepath.Join(t.TempDir(), "input.json")
	os.WriteFile(input, []byte(`[
		{"frame": 3, "type": "start", "id": 0, "x": 100, "y": 200},
		{"frame": 4, "type": "start", "id": 1, "x": 300, "y": 400.5},
		{"frame": 5, "type": "move", "id": 0, "x": 110, "y": 210},
		{"frame": 6, "type": "end", "id": 0, "x": 110, "y": 210},
		{"frame": 7, "type": "cancel", "id": 1, "x": 300, "y": 400.5},
		{"frame": 8, "type": "move", "id": 5, "x": 1, "y": 1}
	]`), 0o644)
	r := mustRunGame(t, "touch", "--frames", "10", "--input", input)
	want := "start id=0 x=100 y=200 touches=1 ts=66.7\n" +
		"start id=1 x=300 y=400.5 touches=2 ts=83.3\n" +
		"move id=0 x=110 y=210 touches=2 ts=100.0\n" +
		"end id=0 x=110 y=210 touches=1 ts=116.7\n" +
		"cancel id=1 x=300 y=400.5 touches=0 ts=133.3\n"
	if r.stdout != want {
		t.Errorf("touch log:\n%s\nwant:\n%s", r.stdout, want)
	}
}

func TestScriptedKeysReachTheGameAndItsSoftKeyboard(t *testing.T) {
	input := filepath.Join(t.TempDir(), "input.json")
	os.WriteFile(input, []byte(`[
		{"frame": 1, "type": "keydown", "key": "ArrowLeft"},
		{"frame": 2, "type": "keyup", "key": "a"},
		{"frame": 3, "type": "start", "id": 0, "x": 100, "y": 200},
		{"frame": 4, "type": "end", "id": 0, "x": 100, "y": 200},
		{"frame": 5, "type": "text", "text": "b李"},
		{"frame": 6, "type": "keydown", "key": "ArrowLeft"},
		{"frame": 6, "type": "keydown", "key": "Backspace"},
		{"frame": 7, "type": "text", "text": "xyzw"},
		{"frame": 8, "type": "keydown", "key": "Enter"},
		{"frame": 9, "type": "keydown", "key": "z"}
	]`), 0o644)
	r := mustRunGame(t, "keyboard", "--frames", "12", "--input", input)
	want := "down ArrowLeft ArrowLeft 33.3\n" +
		"up a KeyA\n" +
		"showKeyboard:ok\n" +
		"input \"Bob李\"\n" + // one event per piece of typed text
		"input \"Bob\"\n" + // keys go to the keyboard while it is up
		"input \"Bobxyz\"\n" + // cut at maxLength 6
		"confirm \"Bobxyz\"\ncomplete \"Bobxyz\"\n" +
		"down z KeyZ 166.7\n"
	if r.stdout != want {
		t.Errorf("log:\n%s\nwant:\n%s", r.stdout, want)
	}
}

func TestWorkersAndSubpackagesFromGameJSON(t *testing.T) {
	r := mustRunGame(t, "worker", "--frames", "10")
	want := "main: require(\"workers/calc/primes.js\"): workers/calc/primes.js: it is in the workers folder, which only a Worker loads (wx.createWorker)\n" +
		"[worker] typeof wx in the worker: undefined\n" +
		"primes below 1000: 168 took a copy: 3\n" +
		"stage says two\n"
	if r.stdout != want {
		t.Errorf("log:\n%s\nwant:\n%s\nstderr: %s", r.stdout, want, r.stderr)
	}
}

func TestUncaughtErrorsArePrintedAndFailTheHeadlessRun(t *testing.T) {
	r := runGame(t, "errors", "--frames", "8")
	if !errors.Is(r.err, ErrUncaught) {
		t.Errorf("err = %v, want ErrUncaught", r.err)
	}
	wantLines(t, r.stderr,
		"Uncaught TypeError: Cannot read property 'boom' of undefined",
		"at tick (game.js:8:5)",
		"Uncaught SyntaxError",
	)
	wantLines(t, r.stdout,
		"caught: Failed to execute 'fillRect' on 'CanvasRenderingContext2D': 4 arguments required, but only 2 present.",
		"onError saw: TypeError: Cannot read property 'boom' of undefined",
		"still running after the error",
	)
}

func TestEndlessLoopIsInterrupted(t *testing.T) {
	r := runGame(t, "loop", "--frames", "12", "--script-timeout", "300ms")
	wantLines(t, r.stderr, "script ran longer than 300ms and was interrupted", "at spin (game.js:2:")
	wantLines(t, r.stdout, "alive after the endless loop")
}

func TestESModulesMixedWithRequire(t *testing.T) {
	r := runGame(t, "esm", "--frames", "3")
	wantLines(t, r.stdout, "hello esm 1 2 legacy\n")
	wantLines(t, r.stderr, "Uncaught Error: thrown from legacy", "at fail (js/legacy.js:4:11)")
}

func TestTikTokProjectGetsTT(t *testing.T) {
	r := mustRunGame(t, "tiktok", "--frames", "5")
	wantLines(t, r.stdout,
		"wx is undefined, tt.canIUse(createCanvas)=true, canIUse(createVideo)=false, appName=Douyin",
		"blocked: require(\"./open/index.js\"): open/index.js is inside the open data domain's folder open/",
	)
}

func TestLandscapeGameSeesRotatedScreen(t *testing.T) {
	r := mustRunGame(t, "landscape", "--frames", "5", "--device", "iPhone X")
	wantLines(t, r.stdout, "812x375 landscape safe ", "canvas 812x375", "async getSystemInfo:ok 812", "promise getSystemInfo:ok")
	if b := r.screenshot.Bounds(); b.Dx() != 2436 || b.Dy() != 1125 {
		t.Errorf("screenshot %v, want 2436x1125", b.Size())
	}
}

func TestBrowserGlobalsGetAHint(t *testing.T) {
	r := runGame(t, "browserglobals", "--frames", "1")
	wantLines(t, r.stderr, "ReferenceError: window is not defined", "at game.js:1:9", "weapp-adapter")
}

func TestBadProjectsFailClearly(t *testing.T) {
	for _, tc := range []struct{ game, want string }{
		{"badjson", "game.json:4:1: malformed JSON"},
		{"nogamejs", "game.js is not there"},
		{"does-not-exist", "no such folder"},
	} {
		cfg, err := ParseArgs([]string{"--headless", filepath.Join("testdata", "games", tc.game)})
		if err != nil {
			t.Fatal(err)
		}
		onMain(func() { err = Run(context.Background(), cfg) })
		var pe *ProjectError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err = %v, want a one-line ProjectError containing %q", tc.game, err, tc.want)
		}
	}
}

func TestParseArgsRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--fps", "0", "g"},
		{"--device", "Nokia 3310", "g"},
		{"--realtime", "g"},
		{"--platform", "alipay", "g"},
		{"--user", "", "g"},
		{"g", "h"},
	} {
		if _, err := ParseArgs(args); err == nil {
			t.Errorf("ParseArgs(%q) accepted", args)
		}
	}
	cfg, err := ParseArgs([]string{"--query", "b=x%20y&a=1&b=2", "--no-watch", "g"})
	if err != nil || fmt.Sprint(cfg.Query) != "[{b 2} {a 1}]" || cfg.Watch == nil || *cfg.Watch {
		t.Errorf("cfg = %+v, %v", cfg, err)
	}
}

func TestPreferredFramesPerSecondLowersTheRate(t *testing.T) {
	r := mustRunGame(t, "fps", "--frames", "20")
	want := "dt=16.667\ndt=16.667\ndt=33.333\ndt=33.333\ndt=33.333\n"
	if r.stdout != want {
		t.Errorf("rAF intervals:\n%s\nwant:\n%s", r.stdout, want)
	}
}

func TestPlatformAPIsReportThePreset(t *testing.T) {
	r := mustRunGame(t, "apis", "--frames", "30", "--query", "level=3&name=a%20b", "--device", "iPhone X")
	want := `launch 1001 {"level":"3","name":"a b"}
system iPhone iPhone X<iPhone10,3> ios iOS 16.7 375 812 375 812 3 44 {"left":0,"right":375,"top":44,"bottom":778,"width":375,"height":734} zh_CN
window 375 3 device iPhone -1 base string
globals undefined undefined undefined undefined true
clock 0 2025-01-01T00:00:00.000Z
random 0.6046602879796196
canIUse true false undefined
onerror image load failed: ftp://example.com/a.png: images load from the game, temp and user files, data: and http(s) URLs, not ftp: URLs
onerror image load failed: images/nope.png: file not found
later 116.667 116
`
	if r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
}

func TestCanvasExportsRoundTrip(t *testing.T) {
	r := mustRunGame(t, "export", "--frames", "30")
	wantLines(t, r.stdout,
		"dataURL data:image/png;base64,\n",
		"sync path wxfile://tmp_1.png\n",
		"async toTempFilePath:ok\n",
		"no canvas: canvasToTempFilePath:fail canvas is required",
		"png data url 40x20 last pixel 0 0 255 255\n",
		"sync temp 10x10 last pixel 0 0 255 255\n",
		"wx.canvasToTempFilePath 40x20 last pixel 0 0 255 255\n",
	)
	// JPEG: no alpha, lossy; blue stays mostly blue.
	for _, label := range []string{"jpeg data url 40x20 last pixel", "async temp 40x20 last pixel"} {
		if !strings.Contains(r.stdout, label) {
			t.Errorf("no %q line:\n%s", label, r.stdout)
		}
	}
}

func TestLoadFontRegistersTheDeclaredFamily(t *testing.T) {
	dir := t.TempDir()
	ttf, err := os.ReadFile(filepath.Join("..", "fonts", "data", "LiberationMono-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "game.json"), []byte(`{}`), 0o644)
	os.WriteFile(filepath.Join(dir, "my.ttf"), ttf, 0o644)
	os.WriteFile(filepath.Join(dir, "game.js"), []byte(`
var name = wx.loadFont('my.ttf');
console.log('family', name, 'missing', wx.loadFont('nope.ttf'));
var ctx = wx.createCanvas().getContext('2d');
ctx.font = '20px "' + name + '"';
var mono = ctx.measureText('iiii').width;
ctx.font = '20px sans-serif';
console.log('monospaced', mono > ctx.measureText('iiii').width);
ctx.direction = 'rtl'; ctx.imageSmoothingQuality = 'high'; ctx.imageSmoothingQuality = 'bogus';
console.log(ctx.direction, ctx.imageSmoothingQuality);
wx.exitMiniProgram();
`), 0o644)
	cfg, _ := ParseArgs([]string{"--headless", "--frames", "3", dir})
	var out, errOut bytes.Buffer
	cfg.Stdout, cfg.Stderr = &out, &errOut
	onMain(func() { err = Run(context.Background(), cfg) })
	wantLines(t, out.String(), "family Liberation Mono missing null\n", "monospaced true\n", "rtl high\n")
	wantLines(t, errOut.String(), `wx.loadFont("nope.ttf")`)
}

func TestOpenDataDomain(t *testing.T) {
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) { testOpenDataDomain(t, platform) })
	}
}

func testOpenDataDomain(t *testing.T, platform string) {
	r := mustRunGame(t, "opendata", "--frames", "10", "--platform", platform)
	wantLines(t, r.stdout,
		"main sees undefined undefined shared 375x667\n",
		"refused post function: OpenDataContext.postMessage: message.f: functions cannot be sent to the open data domain\n",
		"refused post cycle: OpenDataContext.postMessage: message.self: the data contains a cycle\n",
		"refused post canvas: OpenDataContext.postMessage: message.c: canvases and images cannot be sent",
		"[open] open sees undefined function util\n",
		"[open] webgl null\n",
		"[open] confined: require(\"../../game.js\"): game.js is outside this domain's folder src/open/",
		"[open] plugin: requirePlugin(\"leaderboard\"): no such plugin in game.json \"plugins\" (it declares none)",
		`[open] got {"cmd":"rank","list":[{"name":"Ann","score":30},{"name":"小明","score":20}]} size 200x100`+"\n",
		`[open] got {"cmd":"second"} size 200x100`+"\n",
		"refused getSharedCanvas in main: Object has no member 'getSharedCanvas'",
	)
	// Posting is asynchronous and in order: the main domain finishes first.
	if strings.Index(r.stdout, "posted") > strings.Index(r.stdout, "[open] got") {
		t.Errorf("a message was delivered synchronously:\n%s", r.stdout)
	}
	wantLines(t, r.stderr, "[open] minisim: sharedCanvas width and height can only be set in the main domain")
	if platform == "tiktok" {
		return // TikTok composites the shared canvas itself (TestTikTokSharedCanvasOverlay)
	}
	// The open domain's red leaderboard shows where the main domain drew
	// the shared canvas: (50, 100) to (250, 200) logical, x2 on screen.
	img := r.screenshot
	if c := img.RGBAAt(300, 300); c.R != 255 || c.G != 0 {
		t.Errorf("inside the shared canvas: %v, want red", c)
	}
	if c := img.RGBAAt(60, 60); c.R != 0 {
		t.Errorf("outside the shared canvas: %v, want black", c)
	}
}

func TestOpenDataDomainSecuritySuite(t *testing.T) {
	wechat := filepath.Join("testdata", "games", "opensecurity")
	// The same game as a TikTok project: a project.config.json with app_id.
	tiktok := filepath.Join(t.TempDir(), "opensecurity-tiktok")
	if err := copyTree(wechat, tiktok); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(tiktok, "project.config.json"), []byte(`{"app_id": "tt0000000000000002", "openDataContext": "open"}`), 0o644)
	for _, game := range []string{wechat, tiktok} {
		r := runGameAt(t, game, "--frames", "30")
		if strings.Contains(r.stdout, "LEAK") || strings.Contains(r.stdout, "[open]") {
			t.Errorf("%s: open data leaked to the main domain:\n%s", game, r.stdout)
		}
		if n := strings.Count(r.stdout, "blocked "); n < 20 {
			t.Errorf("%s: %d attempts blocked, want at least 20:\n%s", game, n, r.stdout)
		}
		wantLines(t, r.stdout, "blocked guessed temp file of the open domain", "attempts 24")
	}
}

func TestTikTokSharedCanvasOverlay(t *testing.T) {
	r := mustRunGame(t, "ttopen", "--frames", "5")
	wantLines(t, r.stdout, "namespaces true true undefined\n", "style 50vw 100px 10vh 25vw\n",
		"[open] open namespaces true undefined\n")
	wantLines(t, r.stderr, `sharedCanvas.style.width = "wide"`)
	// The overlay covers x 25%..75% of 375 and y 66.7..166.7 logical px,
	// drawn at pixel ratio 2; the rest of the screen is black.
	img := r.screenshot
	if c := img.RGBAAt(375, 230); c.G != 255 || c.R != 0 {
		t.Errorf("inside the overlay: %v, want green", c)
	}
	for _, p := range [][2]int{{100, 230}, {375, 400}, {375, 100}} {
		if c := img.RGBAAt(p[0], p[1]); c.G != 0 {
			t.Errorf("outside the overlay at %v: %v, want black", p, c)
		}
	}
}

func TestScreenshotsAtChosenFrames(t *testing.T) {
	dir := t.TempDir()
	pattern := filepath.Join(dir, "shot-%d.png")
	mustRunGame(t, "fps", "--frames", "20", "--screenshot-at", "2,4:"+pattern)
	for _, n := range []string{"2", "4"} {
		if _, err := os.Stat(filepath.Join(dir, "shot-"+n+".png")); err != nil {
			t.Errorf("no screenshot after frame %s: %v", n, err)
		}
	}
	if _, err := ParseArgs([]string{"--screenshot-at", "60,x:o-%d.png", "g"}); err == nil {
		t.Error("a bad frame list was accepted")
	}
}

func TestStyleValuesAreConvertedAsInABrowser(t *testing.T) {
	r := mustRunGame(t, "styles", "--frames", "3")
	if want := "object #ff0000\nnumber #ff0000\nsymbol TypeError #000000\n"; r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
}

func TestHostileCanvasArgumentsNeverPanic(t *testing.T) {
	r := runGame(t, "torture", "--frames", "3")
	if !strings.Contains(r.stdout, "internal errors 0") || strings.Contains(r.stdout, "INTERNAL") {
		t.Errorf("a Go panic reached the game:\n%s\n%s", r.stdout, r.stderr)
	}
	wantLines(t, r.stdout, "survived ")
}

func TestLocalStoragePersistsAcrossRuns(t *testing.T) {
	data := t.TempDir()
	for run := 1; run <= 2; run++ {
		r := mustRunGame(t, "storage", "--frames", "10", "--data", data)
		wantLines(t, r.stdout, fmt.Sprintf("run %d setStorage:ok keys last,runs\n", run))
	}
	if _, err := os.Stat(filepath.Join(data, "minisim.db")); err != nil {
		t.Errorf("no store under --data: %v", err)
	}
}

func TestTwoPlayersOnOneDataFolderSeeEachOther(t *testing.T) {
	data := t.TempDir()
	mockFile := filepath.Join("testdata", "games", "cloud", "mock.json")
	run := func(user, score string, want ...string) {
		t.Helper()
		flags := []string{"--frames", "5", "--data", data, "--mock", mockFile, "--user", user, "--query", "score=" + score}
		if user == "o_alice" { // Alice opens the game from her team's share card
			flags = append(flags, "--share-ticket", "tk_team")
		}
		r := mustRunGame(t, "cloud", flags...)
		wantLines(t, r.stdout, want...)
	}
	// Bob's seeded 120 is his until he plays; Dave never played, so he is
	// no one's leaderboard entry; Carol is in the team but no friend.
	run("o_alice", "50", "setUserCloudStorage:ok\n", "scene 1044\n", "friends Alice=50,Bob=120\n", "team Alice=50,Carol=5\n", "avatar Bob 32x32\n")
	run("o_bob", "70", "scene 1001\n", "friends Bob=70,Alice=50\n")
	// The seed is written once: Bob's own 70 stays.
	run("o_alice", "55", "friends Alice=55,Bob=70\n")
}

func TestBadMockFailsClearly(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "mock.json")
	if err := os.WriteFile(bad, []byte(`{"me": "o_x", "friends": {"o_x": ["o_nobody"]}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{
		{"--mock", filepath.Join(t.TempDir(), "missing.json")},
		{"--mock", bad},
		{"--user", "o_stranger"},
		{"--share-ticket", "tk_nobody"},
	} {
		r := runGame(t, "cloud", append([]string{"--frames", "1", "--data", t.TempDir()}, flags...)...)
		if r.err == nil || r.stdout != "" {
			t.Errorf("%q: err %v, stdout %q; want a clear error before the game runs", flags, r.err, r.stdout)
		} else {
			t.Logf("%q: %v", flags, r.err)
		}
	}
}

func TestMalformedSubpackagesWorkersPluginsAndOpenDataContextAreProjectErrors(t *testing.T) {
	for _, tc := range []struct{ gameJSON, want string }{
		{`{"subpackages": {"name": "a"}}`, `"subpackages" must be an array of {name, root}`},
		{`{"subpackages": [{"name": "a", "root": "../x"}]}`, `subpackages[0] needs a "root" inside the game`},
		{`{"workers": 3}`, `"workers" must name a folder inside the game`},
		{`{"workers": "a/../.."}`, `"workers" must name a folder inside the game`},
		{`{"openDataContext": ".."}`, `"openDataContext" must name a folder inside the game, not ".."`},
		{`{"openDataContext": "."}`, `"openDataContext" must name a folder inside the game, not "."`},
		{`{"plugins": ["x"]}`, `"plugins" must be an object of {alias: {provider, version, path}}`},
		{`{"plugins": {"x": "wx1"}}`, `plugins.x must be an object {provider, version, path}`},
		{`{"plugins": {"x": {"path": "../up"}}}`, `plugins.x.path must name a folder inside the game`},
		{`{"plugins": {"x": {"path": "nothing"}}}`, `plugins.x.path: open`},
		{`{"plugins": {"x": {"path": "nomain"}}}`, `plugin.json: "main" must name the plugin's entry file inside its folder, not null`},
		{`{"plugins": {"x": {"path": "lost"}}}`, `plugin.json: "main" names lost/gone.js, which is not a file`},
		{`{"plugins": {"x": {"contexts": [{"type": "pageContext"}]}}}`, `plugins.x.contexts: {"type":"pageContext"} is not`},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "game.json"), []byte(tc.gameJSON), 0o644)
		os.WriteFile(filepath.Join(dir, "game.js"), nil, 0o644)
		os.MkdirAll(filepath.Join(dir, "nomain"), 0o755)
		os.WriteFile(filepath.Join(dir, "nomain", "plugin.json"), []byte(`{}`), 0o644)
		os.MkdirAll(filepath.Join(dir, "lost"), 0o755)
		os.WriteFile(filepath.Join(dir, "lost", "plugin.json"), []byte(`{"main": "gone.js"}`), 0o644)
		_, err := LoadProject(dir, "")
		var pe *ProjectError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want a ProjectError containing %q", tc.gameJSON, err, tc.want)
		}
	}
}

// Plugins shipped in the project (game.json plugins.<alias>.path) run once
// per domain they are declared for; others fail with what to do.
func TestRequirePluginRunsPluginsShippedInTheProject(t *testing.T) {
	r := mustRunGame(t, "plugins", "--frames", "2")
	wantLines(t, r.stdout,
		"[open] open: layout 1.0 (helper) runs 1\n",
		`[open] open engine: requirePlugin("engine"): the plugin is not declared for this context: add {"type": "openDataContext"} to game.json plugins.engine.contexts`+"\n",
		"main: layout 1.0 (helper) runs 1 same true\n",
		"engine 2.0\n",
		`online: requirePlugin("online"): plugin wx6d5bd79e1be68f1c version 2.10.4 is only published online, which minisim cannot fetch: ship it in the project and set game.json plugins.online.path to its folder`+"\n",
		`missing: requirePlugin("missing"): no such plugin in game.json "plugins" (it declares "engine", "layout", "online")`+"\n",
	)
}
