package simulator

import (
	"math"
	"time"

	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/gl/csscolor"
	"github.com/minisim/minisim/jsapi"
)

// toast is the toast or loading indicator showing, until its time on the
// simulator's clock (a loading one until hidden).
type toast struct {
	jsapi.Toast
	until time.Duration
	image *gl.Texture // the Image option, a file of the game
}

// ShowToast shows t in place of any toast or loading indicator: the
// platform shows one at a time.
func (s *Simulator) ShowToast(t jsapi.Toast) {
	next := &toast{Toast: t, until: s.clock.Now() + t.Duration}
	if t.Image != "" && s.renderer != nil {
		next.image = s.loadGameImage(t.Image)
	}
	s.setToast(next)
}

// HideToast hides the toast showing, when it is of the kind asked for.
func (s *Simulator) HideToast(loading bool) {
	if s.toast != nil && s.toast.Loading == loading {
		s.setToast(nil)
	}
}

// setToast replaces the toast, freeing the old one's image.
func (s *Simulator) setToast(t *toast) {
	if s.toast != nil && s.toast.image != nil {
		s.toast.image.Delete()
	}
	s.toast = t
}

// activeToast is the toast showing now, nil when none.
func (s *Simulator) activeToast() *toast {
	if s.toast != nil && !s.toast.Loading && s.clock.Now() >= s.toast.until {
		s.setToast(nil)
	}
	return s.toast
}

// touchesMasked reports whether a toast's mask keeps touches from the game.
func (s *Simulator) touchesMasked() bool {
	t := s.activeToast()
	return t != nil && t.Mask
}

// drawToast draws the toast as the platform does: a dark rounded square
// with an icon over the title, or, with icon "none", the title alone.
func (s *Simulator) drawToast(x *gl.Context2D, t *toast) {
	font, color := uiStyle(x)
	w, h := s.device.Width, s.device.Height
	radius := corners(8)
	font("15px sans-serif")
	x.SetTextAlign(gl.AlignCenter)
	defer x.SetTextAlign(gl.AlignStart)
	if t.Icon == "none" && t.Image == "" {
		lines := s.wrapText(x, t.Title, w-120)
		if len(lines) > 2 { // the platform shows two lines at most
			lines = lines[:2]
		}
		bw, bh := 0.0, 20+22*float64(len(lines))
		for _, l := range lines {
			bw = math.Max(bw, x.MeasureText(s.fonts, l).Width)
		}
		bw += 32
		color("rgba(17, 17, 17, 0.8)")
		x.BeginPath()
		x.RoundRect((w-bw)/2, (h-bh)/2, bw, bh, radius)
		x.Fill(false)
		color("#ffffff")
		for i, l := range lines {
			x.FillText(s.fonts, l, w/2, (h-bh)/2+28+22*float64(i), bw)
		}
		return
	}
	const size = 120.0
	x0, y0 := (w-size)/2, (h-size)/2
	color("rgba(17, 17, 17, 0.8)")
	x.BeginPath()
	x.RoundRect(x0, y0, size, size, radius)
	x.Fill(false)
	cx, cy := w/2, y0+46
	x.SetLineWidth(4)
	x.SetLineCap(gl.CapRound)
	x.SetStrokeColor(csscolor.RGBA{R: 1, G: 1, B: 1, A: 1})
	x.BeginPath()
	switch {
	case t.image != nil: // the game's own icon, 40 px
		iw, ih := t.image.Size()
		x.DrawImage(t.image, 0, 0, float64(iw), float64(ih), cx-20, cy-20, 40, 40)
	case t.Icon == "success":
		x.MoveTo(cx-16, cy)
		x.LineTo(cx-5, cy+11)
		x.LineTo(cx+17, cy-12)
	case t.Icon == "error":
		x.MoveTo(cx-13, cy-13)
		x.LineTo(cx+13, cy+13)
		x.MoveTo(cx+13, cy-13)
		x.LineTo(cx-13, cy+13)
	default: // loading: an arc turning with the clock
		a := math.Mod(s.clock.Now().Seconds()*2*math.Pi, 2*math.Pi)
		x.Arc(cx, cy, 18, a, a+1.5*math.Pi, false)
	}
	x.Stroke()
	color("#ffffff")
	x.FillText(s.fonts, t.Title, w/2, y0+size-22, size-12)
}
