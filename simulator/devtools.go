package simulator

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/fonts"
	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/gl/csscolor"
	"github.com/minisim/minisim/jsapi"
)

// KeyHelp lists the window's keys (printed by -h and the README).
const KeyHelp = `keys (in the window; Enter / Esc answer a prompt):
  R  reload the game            S  save a screenshot (minisim-<time>.png)
  P  pause / resume             N  step one frame while paused
  D  next device preset         O  rotate (portrait / landscape)
  F  FPS and frame-time overlay M  settings panel (scopes, share menu)
  W  memory warning             I  audio interruption begins / ends
  C  network: wifi, 4g, 2g, offline (onNetworkStatusChange)
When the game listens to wx.onKeyDown/onKeyUp or has its soft keyboard up,
keys go to the game and these need Ctrl (Cmd on macOS).
`

// onKey queues the action of a key for the start of the next frame, where
// the loop is between JS turns.
func (s *Simulator) onKey(_ *glfw.Window, key glfw.Key, _ int, action glfw.Action, mods glfw.ModifierKey) {
	if len(s.dialogs) > 0 {
		if action != glfw.Release && s.editDialogInput(key, mods) {
			return
		}
		if action == glfw.Press && (key == glfw.KeyEnter || key == glfw.KeyEscape) {
			s.actions = append(s.actions, func() { s.closeDialog(key == glfw.KeyEnter) })
		}
		return
	}
	if s.gameKey(key, action, mods) || action != glfw.Press {
		return
	}
	var act func()
	switch key {
	case glfw.KeyR:
		act = func() { s.reload("R pressed") }
	case glfw.KeyS:
		act = s.saveScreenshot
	case glfw.KeyP:
		act = func() {
			s.paused = !s.paused
			if s.mixer != nil { // the sounds keep time with the game
				s.mixer.Hold(s.paused)
			}
			s.warnf("%s", map[bool]string{true: "paused (N steps a frame, P resumes)", false: "resumed"}[s.paused])
		}
	case glfw.KeyN:
		act = func() { s.stepOnce = true }
	case glfw.KeyD:
		act = s.nextDevice
	case glfw.KeyO:
		act = func() { s.rotated = !s.rotated; s.switchDevice(s.baseDevice) }
	case glfw.KeyF:
		act = func() { s.showFPS = !s.showFPS }
	case glfw.KeyM:
		act = s.openSettingsPanel
	case glfw.KeyW:
		act = func() {
			s.warnf("memory warning sent to the game")
			s.eachDomain(func(_ *domains.Domain, api *jsapi.API) { api.DispatchMemoryWarning() })
		}
	case glfw.KeyC:
		act = s.nextNetwork
	case glfw.KeyI:
		act = func() {
			s.interrupted = !s.interrupted
			s.warnf("%s", map[bool]string{true: "audio interrupted (I ends it)", false: "audio interruption ended"}[s.interrupted])
			s.eachDomain(func(_ *domains.Domain, api *jsapi.API) { api.DispatchAudioInterruption(s.interrupted) })
		}
	default:
		return
	}
	s.actions = append(s.actions, act)
}

// runActions performs queued key actions.
func (s *Simulator) runActions() {
	acts := s.actions
	s.actions = nil
	for _, a := range acts {
		a()
	}
}

func (s *Simulator) saveScreenshot() {
	name := fmt.Sprintf("minisim-%s.png", time.Now().Format("20060102-150405.000"))
	if err := s.writeScreenshot(name); err != nil {
		s.warnf("screenshot: %v", err)
		return
	}
	abs, _ := filepath.Abs(name)
	s.warnf("screenshot saved to %s", abs)
}

// nextDevice switches to the next preset.
func (s *Simulator) nextDevice() {
	all := Devices()
	i := 0
	for k, d := range all {
		if d.Name == s.baseDevice.Name {
			i = k
		}
	}
	s.switchDevice(all[(i+1)%len(all)])
}

// switchDevice restarts the game on another device (or orientation): the
// window takes the new screen's size and the game sees the new info.
func (s *Simulator) switchDevice(d Device) {
	s.baseDevice = d
	s.device = d.Oriented(s.project.Landscape != s.rotated)
	if s.win != nil && !s.cfg.Headless {
		w, h := s.windowSize()
		s.win.SetSize(w, h)
		s.win.SetTitle(s.title())
	}
	s.composed, s.ui = nil, nil // sized for the old screen; freed with the domains
	s.reload("device " + d.Name)
}

// uiCanvas is a renderer canvas the size of the device screen for the
// window's own drawing (overlays), with its 2D context.
func (s *Simulator) uiCanvas() (*gl.Canvas, *gl.Context2D) {
	pw, ph := s.physicalSize()
	if s.ui == nil {
		c, err := s.renderer.NewCanvas(pw, ph)
		if err != nil {
			return nil, nil
		}
		s.ui = c
		s.uiCtx = s.renderer.NewContext2D(c)
	}
	return s.ui, s.uiCtx
}

// decorate returns what the window shows: the game's frame, or the error
// overlay when the game failed to start, with the error badge and the FPS
// overlay on top when they apply. Screenshots with --screenshot never
// include these.
func (s *Simulator) decorate(frame *gl.Canvas) *gl.Canvas {
	errors := s.UncaughtErrors()
	toast := s.activeToast()
	kb := s.softKeyboard()
	if s.startErr == nil && errors == 0 && !s.showFPS && len(s.dialogs) == 0 && toast == nil && !s.vibrating() && !kb.Shown {
		return frame
	}
	ui, x := s.uiCanvas()
	if ui == nil {
		return frame
	}
	s.renderer.ComposeFrame(ui, frame, nil)
	x.Reset()
	k := s.device.PixelRatio
	x.Scale(k, k)
	w := s.device.Width
	font, color := uiStyle(x)
	if s.startErr != nil {
		color("rgba(20, 0, 0, 0.92)")
		x.FillRect(0, 0, w, s.device.Height)
		color("#ff6666")
		font("bold 15px sans-serif")
		x.FillText(s.fonts, "The game failed to start", 12, 40, w-24)
		color("#ffffff")
		font("13px monospace")
		y := 70.0
		for _, line := range wrap(s.errorText(), 44) {
			x.FillText(s.fonts, line, 12, y, w-24)
			y += 18
		}
		color("#aaaaaa")
		font("12px sans-serif")
		x.FillText(s.fonts, "Save a fix: minisim reloads by itself.", 12, y+16, w-24)
	} else if errors > 0 {
		color("#e53935")
		x.BeginPath()
		x.Arc(w-22, 22, 14, 0, 7, false)
		x.Fill(false)
		color("#ffffff")
		font("bold 13px sans-serif")
		x.SetTextAlign(gl.AlignCenter)
		x.FillText(s.fonts, strconv.Itoa(errors), w-22, 27, 40)
		x.SetTextAlign(gl.AlignStart)
	}
	if s.showFPS {
		color("rgba(0, 0, 0, 0.6)")
		x.FillRect(0, s.device.Height-24, w, 24)
		color("#7CFC00")
		font("12px monospace")
		fps := 0.0
		if s.frameDelta > 0 {
			fps = float64(time.Second) / float64(s.frameDelta)
		}
		x.FillText(s.fonts, fmt.Sprintf("%4.1f fps  js %.2f ms  gl %.2f ms  batches %d", fps,
			ms(s.Stats.JS), ms(s.Stats.Composite), s.renderer.Stats.Batches), 8, s.device.Height-8, w-16)
	}
	if kb.Shown {
		s.drawKeyboard(x, kb)
	}
	if toast != nil {
		s.drawToast(x, toast)
	}
	if s.vibrating() {
		s.drawVibration(x)
	}
	if len(s.dialogs) > 0 {
		s.drawDialog(x)
	}
	s.renderer.Flush()
	return ui
}

// corners is RoundRect's radii for the same round corner all round.
func corners(r float64) [4][2]float64 {
	return [4][2]float64{{r, r}, {r, r}, {r, r}, {r, r}}
}

// uiStyle returns setters of x's font and fill colour from CSS text, for
// the window's own drawing (the specs are ours, so they always parse).
func uiStyle(x *gl.Context2D) (font, color func(string)) {
	font = func(spec string) {
		f, _ := fonts.ParseFont(spec)
		x.SetFont(f)
	}
	color = func(c string) {
		col, _ := csscolor.Parse(c)
		x.SetFillColor(col)
	}
	return font, color
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

var errorPos = regexp.MustCompile(`([\w./-]+\.js):(\d+):(\d+)`)

// errorText is the start error as the overlay shows it: message,
// position, and the source line it points at.
func (s *Simulator) errorText() string {
	text := s.startErr.Error()
	if s.main != nil {
		text = s.main.FormatError(s.startErr)
	}
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) > 6 {
		lines = lines[:6]
	}
	out := strings.Join(lines, "\n")
	if m := errorPos.FindStringSubmatch(out); m != nil {
		n, _ := strconv.Atoi(m[2])
		if src, err := os.ReadFile(filepath.Join(s.project.Root, filepath.FromSlash(m[1]))); err == nil {
			if all := strings.Split(string(src), "\n"); n >= 1 && n <= len(all) {
				out += "\n\n" + strings.TrimSpace(all[n-1])
			}
		}
	}
	return out
}

// wrap breaks text into lines of at most n runes.
func wrap(text string, n int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		r := []rune(strings.ReplaceAll(line, "\t", "  "))
		for len(r) > n {
			out = append(out, string(r[:n]))
			r = r[n:]
		}
		out = append(out, string(r))
	}
	return out
}
