package simulator

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/jsapi"
)

// keyInput is one key event or piece of typed text, from the desktop
// keyboard or an --input script, queued for the input phase of a frame.
type keyInput struct {
	down      bool   // a key press (or repeat); false for a release
	key, code string // the web's KeyboardEvent.key and .code
	text      string // typed text (a char callback or a script's "text")
	shift     bool
}

// keyboardBarHeight is the soft keyboard's input bar, in logical pixels.
const keyboardBarHeight = 52.0

// softKeyboard is the main domain's soft keyboard state (hidden when there
// is no game).
func (s *Simulator) softKeyboard() jsapi.Keyboard {
	if s.api == nil {
		return jsapi.Keyboard{}
	}
	return s.api.Keyboard()
}

// dispatchKeys delivers queued key input. While the game's soft keyboard is
// up, typing edits it (Enter confirms, Shift+Enter is a new line in a
// multi-line one, Backspace deletes, Esc closes); otherwise keys go to
// onKeyDown/onKeyUp.
func (s *Simulator) dispatchKeys(now time.Duration) {
	keys := s.keys
	s.keys = nil
	if s.api == nil {
		return
	}
	for _, k := range keys {
		kb := s.api.Keyboard()
		switch {
		case kb.Shown && k.text != "":
			s.api.TypeText(k.text)
		case kb.Shown && k.down && k.key == "Enter":
			if kb.Multiple && k.shift {
				s.api.TypeText("\n")
			} else {
				s.api.ConfirmKeyboard()
			}
		case kb.Shown && k.down && k.key == "Backspace":
			s.api.Backspace()
		case kb.Shown && k.down && k.key == "Escape":
			s.api.DismissKeyboard()
		case kb.Shown || k.text != "":
			// typing belongs to the soft keyboard; text without one is dropped
		default:
			s.api.DispatchKey(k.down, k.key, k.code, now)
		}
	}
}

// onChar receives typed characters, IME compositions included.
func (s *Simulator) onChar(_ *glfw.Window, r rune) {
	if in := s.dialogInput(); in != nil {
		s.actions = append(s.actions, func() { in.Text += string(r) })
		return
	}
	if s.softKeyboard().Shown {
		s.keys = append(s.keys, keyInput{text: string(r)})
	}
}

// gameKey routes a desktop key to the game: to the soft keyboard while it
// is up, to onKeyDown/onKeyUp when the game listens. It reports whether the
// game took the key (the developer keys then need Ctrl or Cmd).
func (s *Simulator) gameKey(key glfw.Key, action glfw.Action, mods glfw.ModifierKey) bool {
	kb := s.softKeyboard()
	if mods&(glfw.ModControl|glfw.ModSuper) != 0 {
		if kb.Shown && key == glfw.KeyV && action == glfw.Press {
			s.keys = append(s.keys, keyInput{text: s.Clipboard()})
			return true
		}
		return false
	}
	if !kb.Shown && (s.api == nil || !s.api.ListensToKeys()) {
		return false
	}
	name, code := webKey(key, mods&glfw.ModShift != 0)
	if code == "" {
		return kb.Shown
	}
	s.keys = append(s.keys, keyInput{down: action != glfw.Release, key: name, code: code, shift: mods&glfw.ModShift != 0})
	return true
}

// webKey names a GLFW key as the web's KeyboardEvent does (key, code); ""
// for keys without a name here.
func webKey(k glfw.Key, shift bool) (key, code string) {
	switch {
	case k >= glfw.KeyA && k <= glfw.KeyZ:
		r := rune('a' + k - glfw.KeyA)
		if shift {
			r = unicode.ToUpper(r)
		}
		return string(r), "Key" + strings.ToUpper(string(rune('a'+k-glfw.KeyA)))
	case k >= glfw.Key0 && k <= glfw.Key9:
		d := string(rune('0' + k - glfw.Key0))
		return d, "Digit" + d
	case k >= glfw.KeyF1 && k <= glfw.KeyF12:
		f := "F" + strconv.Itoa(int(k-glfw.KeyF1)+1)
		return f, f
	}
	if n, ok := namedKeys[k]; ok {
		return n[0], n[1]
	}
	return "", ""
}

// namedKeys are the other keys a PC game reads: {key, code}.
var namedKeys = map[glfw.Key][2]string{
	glfw.KeySpace: {" ", "Space"}, glfw.KeyEnter: {"Enter", "Enter"}, glfw.KeyEscape: {"Escape", "Escape"},
	glfw.KeyBackspace: {"Backspace", "Backspace"}, glfw.KeyTab: {"Tab", "Tab"}, glfw.KeyDelete: {"Delete", "Delete"},
	glfw.KeyLeft: {"ArrowLeft", "ArrowLeft"}, glfw.KeyRight: {"ArrowRight", "ArrowRight"},
	glfw.KeyUp: {"ArrowUp", "ArrowUp"}, glfw.KeyDown: {"ArrowDown", "ArrowDown"},
	glfw.KeyLeftShift: {"Shift", "ShiftLeft"}, glfw.KeyRightShift: {"Shift", "ShiftRight"},
	glfw.KeyLeftControl: {"Control", "ControlLeft"}, glfw.KeyRightControl: {"Control", "ControlRight"},
	glfw.KeyLeftAlt: {"Alt", "AltLeft"}, glfw.KeyRightAlt: {"Alt", "AltRight"},
	glfw.KeyHome: {"Home", "Home"}, glfw.KeyEnd: {"End", "End"}, glfw.KeyPageUp: {"PageUp", "PageUp"},
	glfw.KeyPageDown: {"PageDown", "PageDown"}, glfw.KeyMinus: {"-", "Minus"}, glfw.KeyEqual: {"=", "Equal"},
	glfw.KeyComma: {",", "Comma"}, glfw.KeyPeriod: {".", "Period"}, glfw.KeySlash: {"/", "Slash"},
	glfw.KeySemicolon: {";", "Semicolon"}, glfw.KeyApostrophe: {"'", "Quote"},
	glfw.KeyLeftBracket: {"[", "BracketLeft"}, glfw.KeyRightBracket: {"]", "BracketRight"},
	glfw.KeyBackslash: {"\\", "Backslash"}, glfw.KeyGraveAccent: {"`", "Backquote"},
}

// scriptKeyCode is the code of a scripted key named only by key (the left
// one of a pair, such as ShiftLeft for "Shift").
func scriptKeyCode(key string) string {
	if len(key) == 1 {
		r := rune(key[0])
		switch {
		case unicode.IsLetter(r):
			return "Key" + strings.ToUpper(key)
		case unicode.IsDigit(r):
			return "Digit" + key
		}
	}
	if code, ok := codeOfKey[key]; ok {
		return code
	}
	return key
}

// codeOfKey inverts namedKeys; of two codes for one key the Left one wins,
// whatever the map's order.
var codeOfKey = func() map[string]string {
	m := map[string]string{}
	for _, n := range namedKeys {
		if old, ok := m[n[0]]; !ok || !strings.HasSuffix(old, "Left") {
			m[n[0]] = n[1]
		}
	}
	return m
}()

var confirmLabels = map[string]string{"done": "Done", "next": "Next", "search": "Search", "go": "Go", "send": "Send"}

// drawKeyboard draws the soft keyboard's input bar at the bottom of the
// screen: the text with a caret and the confirm button.
func (s *Simulator) drawKeyboard(x *gl.Context2D, kb jsapi.Keyboard) {
	font, color := uiStyle(x)
	w, h := s.device.Width, s.device.Height
	top := h - keyboardBarHeight
	color("#f2f2f2")
	x.FillRect(0, top, w, keyboardBarHeight)
	color("#ffffff")
	x.BeginPath()
	x.RoundRect(8, top+8, w-96, keyboardBarHeight-16, corners(6))
	x.Fill(false)
	font("15px sans-serif")
	color("#111111")
	text := s.tailThatFits(x, strings.ReplaceAll(kb.Value, "\n", " ⏎ "), "|", w-116)
	x.FillText(s.fonts, text+"|", 16, top+32, w-116)
	color("#07c160")
	x.BeginPath()
	x.RoundRect(w-80, top+8, 72, keyboardBarHeight-16, corners(6))
	x.Fill(false)
	color("#ffffff")
	font("bold 14px sans-serif")
	x.SetTextAlign(gl.AlignCenter)
	x.FillText(s.fonts, confirmLabels[kb.ConfirmType], w-44, top+31, 68)
	x.SetTextAlign(gl.AlignStart)
}

// keyboardButtonHit reports whether (x, y) is on the confirm button.
func (s *Simulator) keyboardButtonHit(x, y float64) bool {
	top := s.device.Height - keyboardBarHeight
	return x >= s.device.Width-80 && y >= top+8 && y <= s.device.Height-8
}
