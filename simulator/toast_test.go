package simulator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/jsapi"
)

// brightPixels counts near-white pixels in a rectangle of logical pixels.
func brightPixels(s *Simulator, x0, y0, x1, y1 float64) int {
	shown := s.decorate(s.frameCanvas())
	if shown == nil { // no canvas and nothing over it: a black screen
		return 0
	}
	img := shown.ReadPixels()
	k := s.device.PixelRatio
	n := 0
	for y := int(y0 * k); y < int(y1*k); y++ {
		for x := int(x0 * k); x < int(x1*k); x++ {
			if c := img.RGBAAt(x, y); c.R > 200 && c.G > 200 && c.B > 200 {
				n++
			}
		}
	}
	return n
}

func TestToastShowsForItsDurationAndMasksTouches(t *testing.T) {
	cfg := Config{GameDir: filepath.Join("testdata", "games", "cloud"), Headless: true, DataDir: t.TempDir(),
		Stdout: &strings.Builder{}, Stderr: &strings.Builder{}}
	withSimulator(t, cfg, func(s *Simulator) {
		s.Step(1)
		cx, cy := s.device.Width/2, s.device.Height/2
		if n := brightPixels(s, cx-60, cy-60, cx+60, cy+60); n != 0 {
			t.Fatalf("%d bright pixels before any toast", n)
		}
		s.ShowToast(jsapi.Toast{Title: "Saved", Icon: "success", Duration: 1500e6, Mask: true})
		if n := brightPixels(s, cx-60, cy-60, cx+60, cy+60); n < 100 {
			t.Errorf("the toast's icon and title are not drawn: %d bright pixels", n)
		}
		if os.Getenv("MINISIM_DIALOG_PNG") != "" {
			writePNG(t, os.Getenv("MINISIM_DIALOG_PNG"), s.decorate(s.frameCanvas()).ReadPixels())
		}
		if !s.touchesMasked() {
			t.Error("a masked toast lets touches through")
		}
		s.Step(95) // 1.58 s of virtual time
		if s.activeToast() != nil || s.touchesMasked() {
			t.Error("the toast outlived its duration")
		}
		s.ShowToast(jsapi.Toast{Title: "Mine", Icon: "success", Image: "avatars/bob.png", Duration: 1500e6})
		if s.activeToast().image == nil {
			t.Error("the toast's image was not loaded")
		}
		s.ShowToast(jsapi.Toast{Title: "Loading", Icon: "loading", Loading: true})
		s.HideToast(false) // hideToast leaves a loading indicator up
		s.Step(200)
		if s.activeToast() == nil {
			t.Error("the loading indicator went away by itself")
		}
		s.HideToast(true)
		if s.activeToast() != nil {
			t.Error("hideLoading did not hide it")
		}
	})
}

func TestActionSheetItemsAreClickable(t *testing.T) {
	cfg := Config{GameDir: filepath.Join("testdata", "games", "cloud"), Headless: true, DataDir: t.TempDir(),
		Stdout: &strings.Builder{}, Stderr: &strings.Builder{}}
	var picked []int
	withSimulator(t, cfg, func(s *Simulator) {
		s.Step(1)
		for _, want := range []string{"Blue", "Cancel"} {
			s.dialogs = append(s.dialogs, &dialog{items: []string{"Red", "Blue"}, choose: func(i int) { picked = append(picked, i) }})
			s.decorate(s.frameCanvas())
			for _, b := range s.dialogs[0].buttons {
				if b.label == want {
					s.clickDialog(b.x+b.w/2, b.y+b.h/2)
				}
			}
		}
	})
	if len(picked) != 2 || picked[0] != 1 || picked[1] != -1 {
		t.Errorf("picked %v, want [1 -1]", picked)
	}
}

func TestClipboardRoundTripsThroughTheDesktop(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "game.json"), []byte(`{}`), 0o644)
	os.WriteFile(filepath.Join(dir, "game.js"), []byte(`
wx.setClipboardData({data: 'hello 你好', success: function () {
  wx.getClipboardData({success: function (r) { console.log('clip', r.data); }});
}});`), 0o644)
	var out strings.Builder
	cfg := Config{GameDir: dir, Headless: true, DataDir: t.TempDir(), Stdout: &out, Stderr: &strings.Builder{}}
	withSimulator(t, cfg, func(s *Simulator) {
		s.Step(5)
		if got := glfw.GetClipboardString(); got != "hello 你好" {
			t.Errorf("the desktop clipboard holds %q", got)
		}
		s.Vibrate(true)
		if !s.vibrating() {
			t.Error("no vibration shown")
		}
		s.Step(30)
		if s.vibrating() {
			t.Error("the vibration badge outlived the vibration")
		}
	})
	if out.String() != "clip hello 你好\n" {
		t.Errorf("stdout %q", out.String())
	}
}

// An editable modal's field takes typed text (IME commits arrive the same
// way), Backspace and a paste, and answers with what it holds.
func TestEditableModalTakesTyping(t *testing.T) {
	cfg := Config{GameDir: filepath.Join("testdata", "games", "cloud"), Headless: true, DataDir: t.TempDir(),
		Stdout: &strings.Builder{}, Stderr: &strings.Builder{}}
	in := &jsapi.TextInput{Text: "Bo", Placeholder: "Your name"}
	var confirmed []bool
	withSimulator(t, cfg, func(s *Simulator) {
		s.Step(1)
		s.dialogs = append(s.dialogs, &dialog{prompt: jsapi.Prompt{Title: "Name", Allow: "OK", Deny: "Cancel", Input: in},
			answer: func(ok bool) { confirmed = append(confirmed, ok) }})
		for _, r := range "bx名" {
			s.onChar(nil, r)
		}
		s.onKey(nil, glfw.KeyBackspace, 0, glfw.Press, 0)
		glfw.SetClipboardString("!")
		s.onKey(nil, glfw.KeyV, 0, glfw.Press, glfw.ModControl)
		s.runActions()
		s.decorate(s.frameCanvas())
		for _, b := range s.dialogs[0].buttons {
			if b.label == "OK" {
				s.clickDialog(b.x+b.w/2, b.y+b.h/2)
			}
		}
	})
	if len(confirmed) != 1 || !confirmed[0] || in.Text != "Bobx!" {
		t.Errorf("answers %v with %q, want [true] with %q", confirmed, in.Text, "Bobx!")
	}
}

// A text field shows the end of a text too long for it: the longest tail
// that fits with the caret.
func TestTailThatFitsKeepsTheEndInView(t *testing.T) {
	withSimulator(t, Config{GameDir: filepath.Join("testdata", "games", "scene"), Headless: true, DataDir: t.TempDir(),
		Stdout: &strings.Builder{}, Stderr: &strings.Builder{}}, func(s *Simulator) {
		c, err := s.renderer.NewCanvas(100, 100)
		if err != nil {
			t.Fatal(err)
		}
		x := s.renderer.NewContext2D(c)
		font, _ := uiStyle(x)
		font("15px sans-serif")
		width := func(t string) float64 { return x.MeasureText(s.fonts, t+"|").Width }
		text := strings.Repeat("abc中文 ", 20)
		room := width("中文 abc中文 ")
		got := s.tailThatFits(x, text, "|", room)
		if !strings.HasSuffix(text, got) || width(got) > room {
			t.Fatalf("%q is not an end of the text that fits", got)
		}
		front := text[:len(text)-len(got)]
		_, size := utf8.DecodeLastRuneInString(front)
		if longer := text[len(front)-size:]; width(longer) <= room {
			t.Errorf("%q fits too, but %q was kept", longer, got)
		}
		if got := s.tailThatFits(x, "short", "|", 1000); got != "short" {
			t.Errorf("a text that fits became %q", got)
		}
		if got := s.tailThatFits(x, text, "|", 1); got != "" {
			t.Errorf("nothing fits in 1px, got %q", got)
		}
	})
}
