package simulator

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minisim/minisim/jsapi"
)

func TestDecisionsAreRememberedUntilTheMockChanges(t *testing.T) {
	data := t.TempDir()
	mockFile := filepath.Join("testdata", "games", "account", "mock.json")
	run := func(mock string) result {
		t.Helper()
		r := mustRunGame(t, "account", "--frames", "30", "--data", data, "--mock", mock)
		return r
	}
	// First run: the werun prompt and the privacy popup are answered by
	// --headless and logged; the share card resolves as the mock says.
	r := run(mockFile)
	wantLines(t, r.stdout, "login alice-code\n", `before {"scope.userInfo":true}`+"\n", "authorize:ok\n",
		"user getUserInfo:ok Alice\n", "privacy needed false\n", `after {"scope.userInfo":true,"scope.werun":true}`+"\n")
	for _, want := range []string{"Authorization: wx_account_test would like to read your WeRun step count (scope.werun). → Allow (answered by --headless)",
		"Privacy: ", "→ Agree (answered by --headless)",
		`Share to a chat: shareAppMessage, title "Beat Alice", imageUrl "share.png" → Cancel (as the mock says)`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}

	// Second run: both decisions are remembered, so nothing is asked.
	r = run(mockFile)
	wantLines(t, r.stdout, `before {"scope.userInfo":true,"scope.werun":true}`+"\n", "authorize:ok\n")
	if strings.Contains(r.stderr, "Authorization:") || strings.Contains(r.stderr, "Privacy:") {
		t.Errorf("asked again:\n%s", r.stderr)
	}

	// The mock file now denies werun: its new answer wins.
	src, _ := os.ReadFile(mockFile)
	changed := filepath.Join(t.TempDir(), "mock.json")
	os.WriteFile(changed, []byte(strings.Replace(string(src), `"scope.werun": "ask"`, `"scope.werun": "deny"`, 1)), 0o644)
	r = run(changed)
	wantLines(t, r.stdout, `before {"scope.userInfo":true,"scope.werun":false}`+"\n", "authorize:fail auth deny\n")
}

func TestSharesAreRecorded(t *testing.T) {
	data := t.TempDir()
	cfg := Config{GameDir: filepath.Join("testdata", "games", "account"), Headless: true, DataDir: data,
		Mock: filepath.Join("testdata", "games", "account", "mock.json"), Stdout: &strings.Builder{}, Stderr: &strings.Builder{}}
	var shares []jsapi.ShareRecord
	var err error
	withSimulator(t, cfg, func(s *Simulator) {
		s.Step(30)
		shares, err = s.Shares()
	})
	if err != nil {
		t.Fatal(err)
	}
	want := jsapi.ShareRecord{API: "shareAppMessage", Title: "Beat Alice", ImageURL: "share.png", Query: "from=alice", Outcome: "cancel"}
	if len(shares) != 1 || shares[0] != want {
		t.Fatalf("shares %+v, want [%+v]", shares, want)
	}
}

// The window's dialogs: drawn over the game, answered by a click on their
// buttons (headless runs never show them, so the test puts one up itself).
func TestDialogIsDrawnAndTakesClicks(t *testing.T) {
	cfg := Config{GameDir: filepath.Join("testdata", "games", "cloud"), Headless: true, DataDir: t.TempDir(),
		Stdout: &strings.Builder{}, Stderr: &strings.Builder{}}
	var answers []bool
	var dim, card [4]uint8
	withSimulator(t, cfg, func(s *Simulator) {
		s.Step(1)
		for _, allow := range []bool{true, false} {
			s.dialogs = append(s.dialogs, &dialog{prompt: jsapi.Prompt{Title: "Authorization", Message: "May we?", Allow: "Allow", Deny: "Deny"},
				answer: func(b bool) { answers = append(answers, b) }})
			img := s.decorate(s.frameCanvas()).ReadPixels()
			k := s.device.PixelRatio
			c := img.RGBAAt(int(4*k), int(4*k))
			dim = [4]uint8{c.R, c.G, c.B, c.A}
			c = img.RGBAAt(int(s.device.Width/2*k), int((s.device.Height/2-40)*k))
			card = [4]uint8{c.R, c.G, c.B, c.A}
			label := map[bool]string{true: "Allow", false: "Deny"}[allow]
			for _, b := range s.dialogs[0].buttons {
				if b.label == label {
					s.clickDialog(b.x+b.w/2, b.y+b.h/2)
				}
			}
		}
		if len(s.dialogs) != 0 {
			t.Errorf("%d dialogs left open", len(s.dialogs))
		}
		// A share card shows the game's image.
		card := &jsapi.ShareRecord{API: "shareAppMessage", Title: "Beat me", ImageURL: "avatars/bob.png"}
		s.dialogs = append(s.dialogs, &dialog{prompt: jsapi.Prompt{Title: "Share", Card: card, Allow: "Send", Deny: "Cancel", Fixed: true, Headless: true},
			answer: func(b bool) { answers = append(answers, b) }})
		img := s.decorate(s.frameCanvas()).ReadPixels()
		if s.dialogs[0].image == nil {
			t.Error("the share card's image was not loaded")
		}
		if os.Getenv("MINISIM_DIALOG_PNG") != "" {
			writePNG(t, os.Getenv("MINISIM_DIALOG_PNG"), img)
		}
		s.closeDialog(s.dialogs[0].prompt.Headless)
	})
	if len(answers) != 3 || !answers[0] || answers[1] || !answers[2] {
		t.Errorf("answers %v, want [true false true]", answers)
	}
	if card != [4]uint8{255, 255, 255, 255} {
		t.Errorf("the card is not drawn: %v", card)
	}
	if dim[3] != 255 || dim[0] > 200 {
		t.Errorf("the game is not dimmed: %v", dim)
	}
}

// A cloud function round trip through the CLI: getWeRunData's cloudID is
// replaced by its open data, and once five minutes of virtual time have
// passed, by the expiry error.
func TestCloudFunctionReadsCloudIDUntilItExpires(t *testing.T) {
	r := mustRunGame(t, "wxcloud", "--fps", "1", "--frames", "305", "--data", t.TempDir(),
		"--mock", filepath.Join("testdata", "games", "wxcloud", "mock.json"))
	wantLines(t, r.stdout,
		`fresh {"appid":"wx_cloud_fn","env":"dev-1","openid":"o_walker","steps":5000,"sum":5}`+"\n",
		`late {"appid":"wx_cloud_fn","env":"dev-1","openid":"o_walker","steps":"-601006 cloudID expired.","sum":0}`+"\n")
}

// A saved mock file applies on the next reload.
func TestMockFileAppliesOnReload(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "game.json"), []byte(`{}`), 0o644)
	os.WriteFile(filepath.Join(dir, "game.js"), []byte(`wx.login({success: function (r) { console.log('code', r.code); }});`), 0o644)
	mockFile := filepath.Join(dir, "mock.json")
	os.WriteFile(mockFile, []byte(`{"login": {"code": "first"}}`), 0o644)
	var out strings.Builder
	cfg := Config{GameDir: dir, Headless: true, DataDir: t.TempDir(), Mock: mockFile, Stdout: &out, Stderr: &strings.Builder{}}
	withSimulator(t, cfg, func(s *Simulator) {
		s.Step(2)
		os.WriteFile(mockFile, []byte(`{"login": {"code": "second"}}`), 0o644)
		s.reload("test")
		s.Step(2)
	})
	if got := out.String(); got != "code first\ncode second\n" {
		t.Errorf("stdout %q", got)
	}
}

func writePNG(t *testing.T, path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// withSimulator opens a simulator on the main thread and runs f with it.
func withSimulator(t *testing.T, cfg Config, f func(s *Simulator)) {
	t.Helper()
	onMain(func() {
		s, err := Open(cfg)
		if err != nil {
			t.Error(err)
			return
		}
		defer s.Close()
		f(s)
	})
}
