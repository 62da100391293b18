package simulator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// writeGame writes a small game whose module prints its version every
// 100 ms, so a run shows which code is live.
func writeGame(t *testing.T, dir, version string) {
	t.Helper()
	os.WriteFile(filepath.Join(dir, "game.json"), []byte(`{}`), 0o644)
	os.WriteFile(filepath.Join(dir, "game.js"), []byte(`var v = require('./js/version'); setInterval(function () { console.log('running ' + v); }, 100);`), 0o644)
	os.MkdirAll(filepath.Join(dir, "js"), 0o755)
	os.WriteFile(filepath.Join(dir, "js", "version.js"), []byte(version), 0o644)
}

// runWatching runs the game in real time with --watch while edit changes
// its files from another goroutine.
func runWatching(t *testing.T, dir string, frames int, edit func(), flags ...string) (stdout, stderr string) {
	t.Helper()
	if flags == nil {
		flags = []string{"--headless", "--realtime", "--watch"}
	}
	cfg, err := ParseArgs(append(flags, "--frames", strconv.Itoa(frames), dir))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	cfg.Stdout, cfg.Stderr = &out, &errOut
	go edit()
	onMain(func() { err = Run(context.Background(), cfg) })
	return out.String(), errOut.String()
}

func TestHotReloadRunsTheNewCode(t *testing.T) {
	dir := t.TempDir()
	writeGame(t, dir, `module.exports = 'v1';`)
	out, errOut := runWatching(t, dir, 90, func() {
		time.Sleep(500 * time.Millisecond)
		os.WriteFile(filepath.Join(dir, "js", "version.js"), []byte(`module.exports = 'v2';`), 0o644)
		os.WriteFile(filepath.Join(dir, ".version.js.swp"), []byte(`junk`), 0o644) // ignored
	})
	if !strings.Contains(out, "running v1") || !strings.Contains(out, "running v2") {
		t.Errorf("the new code did not run:\nstdout: %s\nstderr: %s", out, errOut)
	}
	if strings.Contains(out[strings.Index(out, "running v2"):], "running v1") {
		t.Errorf("the old code kept running after the reload:\n%s", out)
	}
	if n := strings.Count(errOut, "reloaded"); n != 1 {
		t.Errorf("%d reloads, want 1 (one save, debounced; editor temp files ignored):\n%s", n, errOut)
	}
}

func TestHotReloadRecoversFromASyntaxError(t *testing.T) {
	dir := t.TempDir()
	writeGame(t, dir, `module.exports = 'broken`)
	out, errOut := runWatching(t, dir, 90, func() {
		time.Sleep(500 * time.Millisecond)
		os.WriteFile(filepath.Join(dir, "js", "version.js"), []byte(`module.exports = 'fixed';`), 0o644)
	})
	if !strings.Contains(errOut, "SyntaxError") || !strings.Contains(out, "running fixed") {
		t.Errorf("no recovery from the syntax error:\nstdout: %s\nstderr: %s", out, errOut)
	}
}

func TestUnrelatedFilesDoNotReload(t *testing.T) {
	dir := t.TempDir()
	writeGame(t, dir, `module.exports = 'v1';`)
	_, errOut := runWatching(t, dir, 45, func() {
		time.Sleep(300 * time.Millisecond)
		os.WriteFile(filepath.Join(dir, "notes.txt"), []byte(`not part of the game`), 0o644)
		os.MkdirAll(filepath.Join(dir, "art", "new"), 0o755)
	})
	if strings.Contains(errOut, "reloaded") {
		t.Errorf("reloaded for a file the game never loaded:\n%s", errOut)
	}
}

func TestErrorOverlayShowsAndRecovers(t *testing.T) {
	dir := t.TempDir()
	writeGame(t, dir, "module.exports = 'broken")
	// A window (so --watch is on by default) under the tests' display.
	cfg := Config{GameDir: dir, Device: DefaultDeviceName, FPS: 60,
		Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, ScriptTimeout: 5 * time.Second}
	var before, after [4]uint8
	var started bool
	onMain(func() {
		s, err := Open(cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.Step(2)
		if s.startErr == nil {
			t.Fatal("the broken game started")
		}
		img := s.decorate(s.frameCanvas()).ReadPixels()
		c := img.RGBAAt(10, 300)
		before = [4]uint8{c.R, c.G, c.B, c.A}
		os.WriteFile(filepath.Join(dir, "js", "version.js"), []byte(`module.exports = 'fixed';`), 0o644)
		deadline := time.Now().Add(5 * time.Second)
		for s.reloads == 0 && time.Now().Before(deadline) {
			s.Step(1)
		}
		s.Step(2)
		started = s.startErr == nil
		if shown := s.decorate(s.frameCanvas()); shown != nil { // nil: no canvas, a black screen
			c = shown.ReadPixels().RGBAAt(10, 300)
			after = [4]uint8{c.R, c.G, c.B, c.A}
		}
	})
	if before[0] < 15 || before[1] > 5 { // the overlay's dark red
		t.Errorf("no error overlay: pixel %v", before)
	}
	if !started || after[0] != 0 {
		t.Errorf("no recovery: started %v, pixel %v", started, after)
	}
}

func TestHotReloadInAWindow(t *testing.T) {
	dir := t.TempDir()
	writeGame(t, dir, `module.exports = 'v1';`)
	// A visible window under the tests' display: --watch is on by default.
	out, errOut := runWatching(t, dir, 90, func() {
		time.Sleep(500 * time.Millisecond)
		os.WriteFile(filepath.Join(dir, "js", "version.js"), []byte(`module.exports = 'v2';`), 0o644)
	}, "--fps", "60")
	if !strings.Contains(out, "running v2") || !strings.Contains(errOut, "reloaded") {
		t.Errorf("no reload in the window:\nstdout: %s\nstderr: %s", out, errOut)
	}
}

// A saved --mock file reloads the game even when it lies outside the game
// folder and one path is absolute while the other is relative.
func TestSavedMockOutsideTheGameReloads(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "game.json"), []byte(`{}`), 0o644)
	os.WriteFile(filepath.Join(dir, "game.js"), []byte(`wx.login({success: function (r) { console.log('code', r.code); }});`), 0o644)
	mockFile := filepath.Join(t.TempDir(), "mock.json") // absolute, outside dir
	os.WriteFile(mockFile, []byte(`{"login": {"code": "first"}}`), 0o644)
	wd, _ := os.Getwd()
	relDir, err := filepath.Rel(wd, dir)
	if err != nil || filepath.IsAbs(relDir) {
		t.Fatalf("no relative path to the game: %q, %v", relDir, err)
	}
	out, errOut := runWatching(t, relDir, 90, func() {
		time.Sleep(500 * time.Millisecond)
		os.WriteFile(mockFile, []byte(`{"login": {"code": "second"}}`), 0o644)
	}, "--headless", "--realtime", "--watch", "--data", t.TempDir(), "--mock", mockFile)
	if !strings.Contains(out, "code first") || !strings.Contains(out, "code second") {
		t.Errorf("the saved mock did not reload the game:\nstdout: %s\nstderr: %s", out, errOut)
	}
}
