package main

import (
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The adapter example is web-style game code on weapp-adapter-like globals:
// its chime plays (silently, headless) to its ended event, a request to a
// local server fills the screen, and localStorage survives a restart.
func TestAdapterExampleRunsOnTheAPIsUnderneath(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/scores.json" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`[{"name": "Ana", "score": 420}, {"name": "李雷", "score": 390}, {"name": "Bo", "score": 120}]`))
	}))
	defer srv.Close()
	data := t.TempDir()
	example := filepath.Join("..", "..", "examples", "adapter")
	for run := 1; run <= 2; run++ {
		shot := filepath.Join(t.TempDir(), "shot.png")
		out, errOut, status := minisim(t, "--headless", "--frames", "60", "--data", data,
			"--query", "server="+srv.URL, "--screenshot", shot, example)
		if status != 0 {
			t.Fatalf("run %d: status %d\n%s\n%s", run, status, out, errOut)
		}
		for _, want := range []string{
			"run " + string(rune('0'+run)) + "\n", // localStorage kept the count
			"chime ended after 400 ms of 400\n",
			"3 scores from " + srv.URL + ": Ana 420, 李雷 390, Bo 120\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("run %d: stdout lacks %q:\n%s\nstderr: %s", run, want, out, errOut)
			}
		}
		f, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		// The first score row is drawn at y 160..198 (logical) in #24507f.
		if r, g, b, _ := img.At(40*2, 165*2).RGBA(); r>>8 != 0x24 || g>>8 != 0x50 || b>>8 != 0x7f {
			t.Errorf("run %d: no score row on screen: pixel %02x%02x%02x", run, r>>8, g>>8, b>>8)
		}
	}
}
