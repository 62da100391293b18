package simulator

import (
	"fmt"
	"image"
	"math"
	"path/filepath"
	"time"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/jsapi"
)

// openWindow creates the GLFW window and its GL 3.3 core context: visible
// and sized to the device screen, or hidden for --headless (GL still needs
// a context; the canvases render to framebuffer objects either way).
func (s *Simulator) openWindow() error {
	gl.TuneDriver()
	if err := glfw.Init(); err != nil {
		return fmt.Errorf("glfw: %w", err)
	}
	glfw.DefaultWindowHints()
	glfw.WindowHint(glfw.ContextVersionMajor, 3)
	glfw.WindowHint(glfw.ContextVersionMinor, 3)
	glfw.WindowHint(glfw.OpenGLProfile, glfw.OpenGLCoreProfile)
	glfw.WindowHint(glfw.OpenGLForwardCompatible, glfw.True)
	glfw.WindowHint(glfw.DoubleBuffer, glfw.True)
	w, h := 64, 64
	if s.cfg.Headless {
		glfw.WindowHint(glfw.Visible, glfw.False)
	} else {
		w, h = s.windowSize()
		glfw.WindowHint(glfw.Resizable, glfw.True)
	}
	win, err := glfw.CreateWindow(w, h, s.title(), nil, nil)
	if err != nil {
		glfw.Terminate()
		return fmt.Errorf("creating the window (OpenGL 3.3 core is required): %w", err)
	}
	s.win = win
	win.MakeContextCurrent()
	if s.cfg.Headless {
		glfw.SwapInterval(0)
		return nil
	}
	glfw.SwapInterval(1)
	if mon := glfw.GetPrimaryMonitor(); mon != nil {
		if mode := mon.GetVideoMode(); mode != nil {
			s.refreshHz = mode.RefreshRate
		}
	}
	win.SetMouseButtonCallback(s.onMouseButton)
	win.SetKeyCallback(s.onKey)
	win.SetCharCallback(s.onChar)
	win.SetCursorPosCallback(s.onCursorPos)
	win.SetFocusCallback(func(_ *glfw.Window, focused bool) { s.setHidden(!focused) })
	win.SetIconifyCallback(func(_ *glfw.Window, iconified bool) { s.setHidden(iconified) })
	return nil
}

func (s *Simulator) closeWindow() {
	if s.win != nil {
		s.win.Destroy()
		s.win = nil
		glfw.Terminate()
	}
	if s.stopDisplay != nil {
		s.stopDisplay()
		s.stopDisplay = nil
	}
}

func (s *Simulator) title() string {
	d := s.device
	return fmt.Sprintf("minisim — %s — %s (%g×%g @%g)", filepath.Base(s.project.Root), d.Name, d.Width, d.Height, d.PixelRatio)
}

// windowSize is the device screen in pixels, scaled down to fit the
// monitor's work area (the game still sees the preset's sizes).
func (s *Simulator) windowSize() (int, int) {
	pw, ph := s.physicalSize()
	w, h := float64(pw), float64(ph)
	if mon := glfw.GetPrimaryMonitor(); mon != nil {
		cs, _ := mon.GetContentScale()
		if cs > 0 {
			w, h = w/float64(cs), h/float64(cs) // window sizes are in screen units on HiDPI
		}
		_, _, ww, wh := mon.GetWorkarea()
		if ww > 0 && wh > 0 {
			fit := math.Min(1, math.Min(0.95*float64(ww)/w, 0.92*float64(wh)/h))
			w, h = w*fit, h*fit
		}
	}
	return max(int(w), 1), max(int(h), 1)
}

// screenRect is where the device screen sits in the window's framebuffer:
// as large as fits, centred, keeping its aspect (letterboxed).
func (s *Simulator) screenRect() image.Rectangle {
	fw, fh := s.win.GetFramebufferSize()
	pw, ph := s.physicalSize()
	k := math.Min(float64(fw)/float64(pw), float64(fh)/float64(ph))
	w, h := int(math.Round(float64(pw)*k)), int(math.Round(float64(ph)*k))
	x0, y0 := (fw-w)/2, (fh-h)/2
	return image.Rect(x0, y0, x0+w, y0+h)
}

// composite finishes the frame: the on-screen canvas is stretched over the
// device screen and presented.
func (s *Simulator) composite() {
	if s.cfg.Headless {
		s.renderer.EndFrame()
		return
	}
	fw, fh := s.win.GetFramebufferSize()
	s.renderer.Present(s.decorate(s.frameCanvas()), fw, fh, s.screenRect())
	// Drivers may drop the swap interval (a window moved to another
	// monitor); re-applying it is cheap.
	glfw.SwapInterval(1)
	start := time.Now()
	s.win.SwapBuffers()
	s.pacer.swapped(time.Since(start))
}

// mouseToLogical maps a cursor position in window coordinates to logical
// pixels of the device screen.
func (s *Simulator) mouseToLogical(x, y float64) (float64, float64) {
	ww, wh := s.win.GetSize()
	fw, fh := s.win.GetFramebufferSize()
	if ww == 0 || wh == 0 {
		return 0, 0
	}
	fx, fy := x*float64(fw)/float64(ww), y*float64(fh)/float64(wh)
	r := s.screenRect()
	lx := (fx - float64(r.Min.X)) / float64(r.Dx()) * s.device.Width
	ly := (fy - float64(r.Min.Y)) / float64(r.Dy()) * s.device.Height
	return lx, ly
}

// The mouse is finger 0: pressing the left button touches the screen,
// dragging moves, releasing lifts. Presses outside the screen are ignored.
func (s *Simulator) onMouseButton(_ *glfw.Window, button glfw.MouseButton, action glfw.Action, _ glfw.ModifierKey) {
	if button != glfw.MouseButtonLeft {
		return
	}
	x, y := s.mouseToLogical(s.win.GetCursorPos())
	if action == glfw.Press && s.softKeyboard().Shown && s.keyboardButtonHit(x, y) {
		s.keys = append(s.keys, keyInput{down: true, key: "Enter", code: "Enter"})
		return
	}
	if len(s.dialogs) > 0 && !(action == glfw.Release && s.mouseDown) { // a dialog takes the mouse from the game
		if action == glfw.Press {
			s.actions = append(s.actions, func() { s.clickDialog(x, y) })
		}
		return
	}
	switch {
	case action == glfw.Press && !s.mouseDown:
		if x < 0 || y < 0 || x > s.device.Width || y > s.device.Height {
			return
		}
		s.mouseDown = true
		s.queueTouch(jsapi.TouchStart, x, y)
	case action == glfw.Release && s.mouseDown:
		s.mouseDown = false
		s.queueTouch(jsapi.TouchEnd, x, y)
	}
}

func (s *Simulator) onCursorPos(_ *glfw.Window, cx, cy float64) {
	if !s.mouseDown {
		return
	}
	x, y := s.mouseToLogical(cx, cy)
	// Consecutive moves within one frame collapse into the latest, as a
	// phone delivers at most one touchmove per frame.
	if n := len(s.pending); n > 0 && s.pending[n-1].phase == jsapi.TouchMove {
		s.pending[n-1].touch.X, s.pending[n-1].touch.Y = x, y
		return
	}
	s.queueTouch(jsapi.TouchMove, x, y)
}

func (s *Simulator) queueTouch(phase string, x, y float64) {
	s.pending = append(s.pending, touchEvent{phase: phase, touch: jsapi.Touch{ID: 0, X: x, Y: y, Force: 1}})
}

// setHidden reports the window losing focus or being minimised as the app
// going to the background (wx.onHide), and coming back as wx.onShow.
// A finger down when the window goes away is cancelled.
func (s *Simulator) setHidden(hidden bool) {
	if hidden == s.hidden {
		return
	}
	s.hidden = hidden
	if hidden {
		if s.mouseDown {
			s.mouseDown = false
			x, y := s.mouseToLogical(s.win.GetCursorPos())
			s.queueTouch(jsapi.TouchCancel, x, y)
		}
		s.eachDomain(func(_ *domains.Domain, api *jsapi.API) { api.DispatchHide() })
	} else {
		s.eachDomain(func(_ *domains.Domain, api *jsapi.API) { api.DispatchShow() })
	}
}
