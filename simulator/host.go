package simulator

import (
	"time"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/gl"
)

// Vibrate shows the phone vibrating: a badge at the top of the screen for
// as long as the vibration lasts (15 ms short, 400 ms long), on the
// simulator's clock. Headless there is nothing to feel or see.
func (s *Simulator) Vibrate(long bool) {
	d := 15 * time.Millisecond
	if long {
		d = 400 * time.Millisecond
	}
	// A 15 ms badge would last one frame: keep it up long enough to see.
	s.vibrateUntil = s.clock.Now() + max(d, 150*time.Millisecond)
}

func (s *Simulator) vibrating() bool { return s.clock.Now() < s.vibrateUntil }

func (s *Simulator) drawVibration(x *gl.Context2D) {
	font, color := uiStyle(x)
	w := s.device.Width
	color("rgba(17, 17, 17, 0.8)")
	x.BeginPath()
	x.RoundRect(w/2-44, 6, 88, 24, corners(12))
	x.Fill(false)
	color("#ffffff")
	font("13px sans-serif")
	x.SetTextAlign(gl.AlignCenter)
	x.FillText(s.fonts, "((( vibrate )))", w/2, 23, 80)
	x.SetTextAlign(gl.AlignStart)
}

// SetClipboard writes the desktop's clipboard (the X selection under
// --headless's display); Clipboard reads it.
func (s *Simulator) SetClipboard(text string) {
	s.clipboard = text
	if s.win != nil {
		glfw.SetClipboardString(text)
	}
}

func (s *Simulator) Clipboard() string {
	if s.win != nil {
		if text := glfw.GetClipboardString(); text != "" {
			return text
		}
	}
	return s.clipboard // no window, or a clipboard GLFW cannot read
}
