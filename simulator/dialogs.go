package simulator

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/jsapi"
)

// A dialog is the host's own UI over the game: an authorization or
// privacy prompt, a share card, or the settings panel. One shows at a
// time; while it does, the mouse talks to it and not to the game.
type dialog struct {
	prompt jsapi.Prompt
	answer func(allow bool)
	// closeAt closes a Fixed prompt by itself.
	closeAt time.Time

	// The settings panel: scopes and their switches; done gets the changes.
	settings []setting
	done     func(changed map[string]bool)
	// forward, when set, adds the share menu's Forward button.
	forward func()
	// An action sheet: its items; choose gets the index, -1 for cancel.
	items  []string
	choose func(index int)

	buttons []dialogButton // laid out by the last draw
	// image is a share card's picture, loaded on first draw.
	image       *gl.Texture
	imageLoaded bool
}

type setting struct {
	scope     string
	on, start bool
}

type dialogButton struct {
	x, y, w, h float64
	label      string
	primary    bool
	press      func()
}

// fixedPromptTime is how long a share card stays up in the window.
const fixedPromptTime = 1500 * time.Millisecond

// Ask shows p and calls answer with the player's choice. Headless nobody
// can click: the prompt's Headless answer is given at once, and logged.
func (s *Simulator) Ask(p jsapi.Prompt, answer func(allow bool)) {
	if s.cfg.Headless || s.win == nil {
		label := map[bool]string{true: p.Allow, false: p.Deny}[p.Headless]
		how := "answered by --headless"
		if p.Fixed {
			how = "as the mock says"
		}
		s.warnf("%s: %s → %s (%s)", p.Title, promptText(p), label, how)
		answer(p.Headless)
		return
	}
	d := &dialog{prompt: p, answer: answer}
	if p.Fixed {
		d.closeAt = time.Now().Add(fixedPromptTime)
	}
	s.dialogs = append(s.dialogs, d)
}

// promptText is the prompt in one line, for logs.
func promptText(p jsapi.Prompt) string {
	if c := p.Card; c != nil {
		parts := []string{c.API}
		for _, f := range []struct{ k, v string }{{"title", c.Title}, {"subtitle", c.Subtitle}, {"imageUrl", c.ImageURL}, {"to", c.To}} {
			if f.v != "" {
				parts = append(parts, fmt.Sprintf("%s %q", f.k, f.v))
			}
		}
		return strings.Join(parts, ", ")
	}
	if in := p.Input; in != nil {
		return fmt.Sprintf("text field %q (placeholder %q)", in.Text, in.Placeholder)
	}
	return p.Message
}

// Choose shows an action sheet. Headless, the first item is picked, and
// logged.
func (s *Simulator) Choose(title string, items []string, answer func(int)) {
	if s.cfg.Headless || s.win == nil {
		s.warnf("action sheet %q: [%s] → %q (answered by --headless)", title, strings.Join(items, ", "), items[0])
		answer(0)
		return
	}
	s.dialogs = append(s.dialogs, &dialog{prompt: jsapi.Prompt{Title: title}, items: items, choose: answer})
}

// OpenSettings shows the settings panel; headless it closes at once with
// nothing changed.
func (s *Simulator) OpenSettings(decided map[string]bool, done func(changed map[string]bool)) {
	if s.cfg.Headless || s.win == nil {
		s.warnf("settings panel: %s (closed unchanged by --headless)", describeSettings(decided))
		done(map[string]bool{})
		return
	}
	s.dialogs = append(s.dialogs, settingsDialog(decided, done))
}

func settingsDialog(decided map[string]bool, done func(map[string]bool)) *dialog {
	d := &dialog{done: done}
	for _, scope := range slices.Sorted(maps.Keys(decided)) {
		d.settings = append(d.settings, setting{scope: scope, on: decided[scope], start: decided[scope]})
	}
	return d
}

func describeSettings(decided map[string]bool) string {
	if len(decided) == 0 {
		return "no scope requested yet"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(decided)) {
		parts = append(parts, fmt.Sprintf("%s %v", k, decided[k]))
	}
	return strings.Join(parts, ", ")
}

// openSettingsPanel is the M key: the settings the player decided, to
// change, plus the share menu's Forward for WeChat games.
func (s *Simulator) openSettingsPanel() {
	decided, err := s.Account().Decided()
	if err != nil {
		s.warnf("settings panel: %v", err)
		return
	}
	acc := s.Account()
	d := settingsDialog(decided, func(changed map[string]bool) {
		for _, scope := range slices.Sorted(maps.Keys(changed)) {
			if err := acc.Decide(scope, changed[scope]); err != nil {
				s.warnf("settings panel: %v", err)
			}
		}
	})
	if api := s.api; api != nil && s.project.Platform == "wechat" {
		d.forward = api.ForwardFromMenu
	}
	s.dialogs = append(s.dialogs, d)
}

// closeDialog answers the front dialog and shows the next.
func (s *Simulator) closeDialog(allow bool) {
	if len(s.dialogs) == 0 {
		return
	}
	d := s.popDialog()
	switch {
	case d.answer != nil:
		d.answer(allow)
	case d.choose != nil:
		d.choose(map[bool]int{true: 0, false: -1}[allow])
	case d.done != nil:
		changed := map[string]bool{}
		for _, st := range d.settings {
			if st.on != st.start {
				changed[st.scope] = st.on
			}
		}
		d.done(changed)
	}
}

// popDialog takes the front dialog off the screen.
func (s *Simulator) popDialog() *dialog {
	d := s.dialogs[0]
	s.dialogs = s.dialogs[1:]
	if d.image != nil {
		d.image.Delete()
	}
	return d
}

// clearDialogs drops every dialog unanswered, freeing their images.
func (s *Simulator) clearDialogs() {
	for len(s.dialogs) > 0 {
		s.popDialog()
	}
}

// tickDialogs closes a share card whose time is up.
func (s *Simulator) tickDialogs() {
	if len(s.dialogs) > 0 && s.dialogs[0].prompt.Fixed && time.Now().After(s.dialogs[0].closeAt) {
		s.closeDialog(s.dialogs[0].prompt.Headless)
	}
}

// clickDialog presses the button under (x, y), logical pixels.
func (s *Simulator) clickDialog(x, y float64) {
	if len(s.dialogs) == 0 {
		return
	}
	for _, b := range s.dialogs[0].buttons {
		if x >= b.x && x <= b.x+b.w && y >= b.y && y <= b.y+b.h {
			b.press()
			return
		}
	}
}

// drawDialog draws the front dialog on x, scaled to logical pixels, and
// lays out its buttons for clickDialog.
func (s *Simulator) drawDialog(x *gl.Context2D) {
	d := s.dialogs[0]
	w, h := s.device.Width, s.device.Height
	font, color := uiStyle(x)
	color("rgba(0, 0, 0, 0.5)")
	x.FillRect(0, 0, w, h)

	cardW := w - 48
	var lines []string
	title := d.prompt.Title
	if d.done != nil { // the settings panel
		title = "Settings"
		if len(d.settings) == 0 {
			lines = []string{"The game has not requested any scope yet."}
		}
	}
	font("14px sans-serif")
	if text := promptText(d.prompt); text != "" && d.prompt.Input == nil {
		lines = append(lines, s.wrapText(x, text, cardW-32)...)
	}
	height := 56 + float64(len(lines))*20 + float64(len(d.settings))*40 + float64(len(d.items))*44 + 60
	if d.prompt.Input != nil {
		height += textFieldHeight + 12
	}
	if d.forward != nil {
		height += 44
	}
	if !d.imageLoaded && d.prompt.Card != nil {
		d.imageLoaded = true
		d.image = s.loadGameImage(d.prompt.Card.ImageURL)
	}
	const imageW, imageH = 160.0, 128.0 // share images are 5:4
	if d.image != nil {
		height += imageH + 12
	}
	x0, y0 := 24.0, (h-height)/2
	color("#ffffff")
	x.BeginPath()
	x.RoundRect(x0, y0, cardW, height, corners(12))
	x.Fill(false)

	color("#111111")
	font("bold 17px sans-serif")
	x.FillText(s.fonts, title, x0+16, y0+32, cardW-32)
	font("14px sans-serif")
	color("#444444")
	y := y0 + 60
	for _, line := range lines {
		x.FillText(s.fonts, line, x0+16, y, cardW-32)
		y += 20
	}
	if in := d.prompt.Input; in != nil {
		s.drawTextField(x, in, x0+16, y-8, cardW-32)
		y += textFieldHeight + 12
	}
	if d.image != nil {
		iw, ih := d.image.Size()
		x.DrawImage(d.image, 0, 0, float64(iw), float64(ih), x0+(cardW-imageW)/2, y-4, imageW, imageH)
		y += imageH + 12
	}
	d.buttons = d.buttons[:0]
	for i := range d.settings {
		st := &d.settings[i]
		color("#111111")
		x.FillText(s.fonts, st.scope, x0+16, y+16, cardW-100)
		label := map[bool]string{true: "on", false: "off"}[st.on]
		d.buttons = append(d.buttons, dialogButton{x: x0 + cardW - 76, y: y, w: 60, h: 28, label: label, primary: st.on,
			press: func() { st.on = !st.on }})
		y += 40
	}
	for i, item := range d.items {
		i := i
		d.buttons = append(d.buttons, dialogButton{x: x0 + 16, y: y, w: cardW - 32, h: 36, label: item,
			press: func() { s.popDialog().choose(i) }})
		y += 44
	}
	if d.forward != nil {
		fwd := d.forward
		d.buttons = append(d.buttons, dialogButton{x: x0 + 16, y: y, w: cardW - 32, h: 32, label: "Forward (share menu)",
			press: func() { s.closeDialog(true); fwd() }})
		y += 44
	}
	bw := (cardW - 48) / 2
	by := y0 + height - 52
	switch {
	case d.done != nil:
		d.buttons = append(d.buttons, dialogButton{x: x0 + 16, y: by, w: cardW - 32, h: 36, label: "Done", primary: true,
			press: func() { s.closeDialog(true) }})
	case d.choose != nil:
		d.buttons = append(d.buttons, dialogButton{x: x0 + 16, y: by, w: cardW - 32, h: 36, label: "Cancel",
			press: func() { s.closeDialog(false) }})
	case d.prompt.Deny == "": // a modal without cancel
		d.buttons = append(d.buttons, dialogButton{x: x0 + 16, y: by, w: cardW - 32, h: 36, label: d.prompt.Allow, primary: true,
			press: func() { s.closeDialog(true) }})
	case d.prompt.Fixed:
		outcome := map[bool]string{true: d.prompt.Allow, false: d.prompt.Deny}[d.prompt.Headless]
		d.buttons = append(d.buttons, dialogButton{x: x0 + 16, y: by, w: cardW - 32, h: 36, label: outcome + " (mock)", primary: true,
			press: func() { s.closeDialog(d.prompt.Headless) }})
	default:
		d.buttons = append(d.buttons,
			dialogButton{x: x0 + 16, y: by, w: bw, h: 36, label: d.prompt.Deny, press: func() { s.closeDialog(false) }},
			dialogButton{x: x0 + 32 + bw, y: by, w: bw, h: 36, label: d.prompt.Allow, primary: true, press: func() { s.closeDialog(true) }})
	}
	font("15px sans-serif")
	x.SetTextAlign(gl.AlignCenter)
	for _, b := range d.buttons {
		color(map[bool]string{true: "#07c160", false: "#e5e5e5"}[b.primary])
		x.BeginPath()
		x.RoundRect(b.x, b.y, b.w, b.h, corners(6))
		x.Fill(false)
		color(map[bool]string{true: "#ffffff", false: "#111111"}[b.primary])
		x.FillText(s.fonts, b.label, b.x+b.w/2, b.y+b.h/2+5, b.w-8)
	}
	x.SetTextAlign(gl.AlignStart)
}

// wrapText breaks text into lines no wider than width in x's font.
func (s *Simulator) wrapText(x *gl.Context2D, text string, width float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := strings.TrimSpace(line + " " + word)
			if line != "" && x.MeasureText(s.fonts, try).Width > width {
				out = append(out, line)
				try = word
			}
			line = try
		}
		out = append(out, line)
	}
	return out
}

// loadGameImage decodes an image (a share card's, a toast's) when it is a
// file of the game; nil for a URL (the host UI fetches nothing) or a file
// that does not decode.
func (s *Simulator) loadGameImage(url string) *gl.Texture {
	rel := filepath.FromSlash(strings.TrimPrefix(url, "/"))
	if url == "" || strings.Contains(url, "://") || !filepath.IsLocal(rel) {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(s.project.Root, rel))
	if err != nil {
		return nil
	}
	rgba, err := jsapi.DecodeImage(data)
	if err != nil {
		return nil
	}
	return s.renderer.NewTexture(rgba)
}
