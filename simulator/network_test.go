package simulator

import (
	"bytes"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestNetworkTimeoutsFromGameJSON(t *testing.T) {
	var stderr bytes.Buffer
	s := &Simulator{cfg: Config{Stderr: &stderr}, project: &Project{GameJSON: map[string]any{
		"networkTimeout": map[string]any{"request": 5000.0, "uploadFile": -1.0, "downloadFile": "10s"},
	}}}
	for kind, want := range map[string]time.Duration{
		"request": 5 * time.Second, "connectSocket": time.Minute, "uploadFile": time.Minute, "downloadFile": time.Minute,
	} {
		if got := s.NetworkTimeout(kind); got != want {
			t.Errorf("%s: %v, want %v", kind, got, want)
		}
	}
	s.NetworkTimeout("downloadFile") // warned once only
	got := stderr.String()
	for _, w := range []string{
		"minisim: game.json: networkTimeout.uploadFile must be a positive number of milliseconds, not -1; using 60000\n",
		"minisim: game.json: networkTimeout.downloadFile must be a positive number of milliseconds, not \"10s\"; using 60000\n",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("no warning %q in:\n%s", w, got)
		}
	}
	if strings.Count(got, "\n") != 2 {
		t.Errorf("one warning per entry expected:\n%s", got)
	}

	none := &Simulator{project: &Project{}}
	if got := none.NetworkTimeout("request"); got != time.Minute {
		t.Errorf("without game.json: %v", got)
	}
	if none.NetworkType() != "wifi" {
		t.Errorf("default network type %q", none.NetworkType())
	}
	none.SetNetworkType("none") // no game running: nobody to tell
	if none.NetworkType() != "none" {
		t.Errorf("after SetNetworkType: %q", none.NetworkType())
	}

	stderr.Reset()
	tiktok := &Simulator{cfg: Config{Network: "5g", Stderr: &stderr}, project: &Project{Platform: PlatformTikTok}}
	if got := tiktok.NetworkType() + " " + tiktok.NetworkType(); got != "unknown unknown" {
		t.Errorf("5g on TikTok reads %q", got)
	}
	if got := stderr.String(); got != "minisim: network 5g: tiktok games are not told of it, they read \"unknown\"\n" {
		t.Errorf("warnings %q", got)
	}
}

// A game's requests time out as its game.json says, and what it downloads
// createImage shows.
func TestNetworkInAGame(t *testing.T) {
	var dot bytes.Buffer
	png.Encode(&dot, image.NewNRGBA(image.Rect(0, 0, 2, 3)))
	mux := http.NewServeMux()
	mux.HandleFunc("/dot.png", func(w http.ResponseWriter, r *http.Request) { w.Write(dot.Bytes()) })
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	r := mustRunGame(t, "network", "--frames", "10", "--query", "base="+srv.URL)
	wantLines(t, r.stdout, "network wifi\n", "request request:fail timeout\n", "image 2 3\n", "remote image 2 3\n")
	if !strings.Contains(r.stderr, `networkTimeout.downloadFile must be a positive number of milliseconds, not "soon"`) {
		t.Errorf("no warning about game.json's downloadFile timeout:\n%s", r.stderr)
	}
}

func TestNetworkFlagSetsTheConnection(t *testing.T) {
	r := runGame(t, "network", "--frames", "3", "--network", "none", "--query", "base=http://127.0.0.1:1")
	wantLines(t, r.stdout, "network none\n")
	if strings.Contains(r.stdout, "image 2 3") {
		t.Errorf("offline, the download should fail:\n%s", r.stdout)
	}
	wantLines(t, r.stdout, "remote image error image load failed: http://127.0.0.1:1/dot.png: net::ERR_INTERNET_DISCONNECTED\n")
	if _, err := ParseArgs([]string{"--network", "6g", "game"}); err == nil || !strings.Contains(err.Error(), `--network "6g": must be one of wifi, 2g, 3g, 4g, 5g, unknown, none`) {
		t.Errorf("a bad --network: %v", err)
	}
}
