// Package conformance compares minisim's Canvas 2D rendering with headless
// Chromium's: every scene in scenes/ is drawn by both, Chromium's PNG is
// the golden (golden/, made by `make goldens`), and minisim must match it
// within the tolerance below. Scenes that do not match yet are listed in
// failing.txt with the reason; the test fails if a listed scene passes, so
// the list stays honest.
package conformance

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/minisim/minisim/internal/display"
	"github.com/minisim/minisim/internal/golden"
	"github.com/minisim/minisim/internal/mainthread"
	"github.com/minisim/minisim/simulator"
)

// tolerance: at most 1% of pixels may differ by more than 16 in any
// channel (premultiplied), the budget for antialiasing and rasterizer
// rounding differences between Skia and our GL renderer.
var tolerance = golden.Tolerance{ChannelDelta: 16, MaxBadFraction: 0.01}

func TestMain(m *testing.M) {
	stop, err := display.Ensure(true, func(string) {})
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(1)
	}
	mainthread.Run(m, stop)
}

// runner is game.js for one scene: the same arguments the Chromium page
// gives the scene's body.
const runner = `var W = 200, H = 200;
var canvas = wx.createCanvas(); canvas.width = W; canvas.height = H;
var ctx = canvas.getContext('2d');
function makeCanvas(w, h) { var c = wx.createCanvas(); c.width = w; c.height = h; return c; }
var img = wx.createImage();
img.onerror = function (e) { console.error('checker.png: ' + e.errMsg); };
img.onload = function () {
  (function (ctx, canvas, img, makeCanvas, W, H) {
%s
  })(ctx, canvas, img, makeCanvas, W, H);
};
img.src = 'checker.png';
`

func TestScenesMatchChromium(t *testing.T) {
	scenes, _ := filepath.Glob(filepath.Join("scenes", "*.js"))
	if len(scenes) == 0 {
		t.Fatal("no scenes")
	}
	failing := readFailing(t)
	checker, err := os.ReadFile(filepath.Join("images", "checker.png"))
	if err != nil {
		t.Fatal(err)
	}
	passed := 0
	for _, scene := range scenes {
		name := strings.TrimSuffix(filepath.Base(scene), ".js")
		t.Run(name, func(t *testing.T) {
			problem := renderAndCompare(t, scene, name, checker)
			reason, listed := failing[name]
			switch {
			case problem == "" && listed:
				t.Errorf("passes now: remove it from failing.txt (listed as: %s)", reason)
			case problem == "":
				passed++
			case listed:
				t.Logf("known failure (%s): %s", reason, problem)
			default:
				t.Errorf("%s", problem)
			}
		})
	}
	t.Logf("conformance: %d of %d scenes within tolerance (%.0f%%)", passed, len(scenes), 100*float64(passed)/float64(len(scenes)))
}

// renderAndCompare draws one scene in minisim and returns what is wrong
// ("" when it matches the golden).
func renderAndCompare(t *testing.T, scene, name string, checker []byte) string {
	body, err := os.ReadFile(scene)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "game.json"), []byte(`{}`), 0o644)
	os.WriteFile(filepath.Join(dir, "game.js"), []byte(fmt.Sprintf(runner, body)), 0o644)
	os.WriteFile(filepath.Join(dir, "checker.png"), checker, 0o644)

	var out, errOut bytes.Buffer
	cfg := simulator.Config{GameDir: dir, Device: simulator.DefaultDeviceName, FPS: 60, Headless: true,
		Stdout: &out, Stderr: &errOut, ScriptTimeout: 5 * time.Second}
	var got *image.RGBA
	var openErr error
	var uncaught int
	mainthread.Call(func() {
		s, err := simulator.Open(cfg)
		if err != nil {
			openErr = err
			return
		}
		defer s.Close()
		s.Step(3)
		got, _ = s.ScreenCanvasPixels()
		uncaught = s.UncaughtErrors()
	})
	if openErr != nil {
		return openErr.Error()
	}
	if uncaught > 0 {
		return "the scene threw: " + firstLine(errOut.String())
	}
	want, err := golden.ReadPNG(filepath.Join("golden", name+".png")) // premultiplied, as we read back
	if err != nil {
		return fmt.Sprintf("no golden (run make goldens): %v", err)
	}
	bad, total, err := golden.Diff(got, want, tolerance.ChannelDelta)
	if err != nil {
		return err.Error()
	}
	t.Logf("%.2f%% of pixels differ by more than %d", 100*float64(bad)/float64(total), tolerance.ChannelDelta)
	if float64(bad) > tolerance.MaxBadFraction*float64(total) {
		golden.WritePNG(filepath.Join("golden", name+"_got.png"), got)
		return fmt.Sprintf("%.2f%% of pixels differ by more than %d (allowed %.0f%%); wrote golden/%s_got.png",
			100*float64(bad)/float64(total), tolerance.ChannelDelta, 100*tolerance.MaxBadFraction, name)
	}
	return ""
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// readFailing reads failing.txt: "scene-name: reason" lines, # comments.
func readFailing(t *testing.T) map[string]string {
	out := map[string]string{}
	f, err := os.Open("failing.txt")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("failing.txt: %q is not 'scene: reason'", line)
		}
		out[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	names := make([]string, 0, len(out))
	for n := range out {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, err := os.Stat(filepath.Join("scenes", n+".js")); err != nil {
			t.Errorf("failing.txt lists %s, which is not a scene", n)
		}
	}
	return out
}
