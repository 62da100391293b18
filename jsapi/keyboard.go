package jsapi

import (
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Keyboard is the on-screen keyboard a game opened with showKeyboard: the
// simulator draws it and feeds it the desktop's typing (IME text included).
type Keyboard struct {
	Shown       bool
	Value       string
	MaxLength   int // in characters; -1 for no limit
	Multiple    bool
	ConfirmHold bool
	ConfirmType string // done | next | search | go | send
}

var confirmTypes = setOf("done", "next", "search", "go", "send")

// installKeyboard adds the soft keyboard APIs and, for PC games,
// onKeyDown/onKeyUp.
func (a *API) installKeyboard() {
	for _, name := range []string{"KeyboardInput", "KeyboardConfirm", "KeyboardComplete", "KeyDown", "KeyUp"} {
		a.addEvent(name)
	}
	a.setPending("showKeyboard", func(o *goja.Object, done func(*goja.Object, string)) {
		k := Keyboard{Shown: true, MaxLength: -1, ConfirmType: "done"}
		if v := prop(o, "defaultValue"); !goja.IsUndefined(v) {
			k.Value = v.String()
		}
		if v := prop(o, "maxLength"); !goja.IsUndefined(v) {
			k.MaxLength = int(v.ToInteger())
		}
		k.Multiple = prop(o, "multiple").ToBoolean()
		k.ConfirmHold = prop(o, "confirmHold").ToBoolean()
		if v := prop(o, "confirmType"); !goja.IsUndefined(v) {
			if !confirmTypes[v.String()] {
				done(nil, "invalid confirmType "+v.String()+": must be done, next, search, go or send")
				return
			}
			k.ConfirmType = v.String()
		}
		k.Value = truncateChars(k.Value, k.MaxLength)
		a.keyboard = k
		done(nil, "")
	})
	a.setPending("updateKeyboard", func(o *goja.Object, done func(*goja.Object, string)) {
		value, err := stringParam(o, "value")
		if err != nil {
			done(nil, err.Error())
			return
		}
		// As documented, it only has an effect while the keyboard is up.
		if a.keyboard.Shown {
			a.keyboard.Value = truncateChars(value, a.keyboard.MaxLength)
		}
		done(nil, "")
	})
	a.setPending("hideKeyboard", func(_ *goja.Object, done func(*goja.Object, string)) {
		if !a.keyboard.Shown {
			done(nil, "keyboard is not shown")
			return
		}
		a.dismissKeyboard()
		done(nil, "")
	})
}

// Keyboard is the soft keyboard's state, for the simulator to draw.
func (a *API) Keyboard() Keyboard { return a.keyboard }

// TypeText adds typed text to the soft keyboard (cut at maxLength) and
// tells the game (onKeyboardInput). Newlines only enter a multi-line one.
func (a *API) TypeText(text string) {
	if !a.keyboard.Shown {
		return
	}
	for _, r := range text {
		if r == '\n' && !a.keyboard.Multiple {
			continue
		}
		if a.keyboard.MaxLength >= 0 && utf8.RuneCountInString(a.keyboard.Value) >= a.keyboard.MaxLength {
			break
		}
		a.keyboard.Value += string(r)
	}
	a.keyboardEvent("KeyboardInput")
}

// Backspace deletes the last character of the soft keyboard's text.
func (a *API) Backspace() {
	if !a.keyboard.Shown || a.keyboard.Value == "" {
		return
	}
	_, size := utf8.DecodeLastRuneInString(a.keyboard.Value)
	a.keyboard.Value = a.keyboard.Value[:len(a.keyboard.Value)-size]
	a.keyboardEvent("KeyboardInput")
}

// ConfirmKeyboard is the confirm button: onKeyboardConfirm, then, unless
// confirmHold, the keyboard closes (onKeyboardComplete).
func (a *API) ConfirmKeyboard() {
	if !a.keyboard.Shown {
		return
	}
	a.keyboardEvent("KeyboardConfirm")
	if !a.keyboard.ConfirmHold {
		a.dismissKeyboard()
	}
}

// DismissKeyboard closes the keyboard without confirming (Esc, or a tap
// outside it): onKeyboardComplete.
func (a *API) DismissKeyboard() {
	if a.keyboard.Shown {
		a.dismissKeyboard()
	}
}

func (a *API) dismissKeyboard() {
	a.keyboard.Shown = false
	a.keyboardEvent("KeyboardComplete")
}

func (a *API) keyboardEvent(name string) {
	value := a.keyboard.Value
	if a.HasListeners(name) {
		a.guarded(func() { a.emit(name, a.object("value", value)) })
	}
}

// DispatchKey delivers a key press or release to onKeyDown/onKeyUp: key
// and code as the web's KeyboardEvent names them.
func (a *API) DispatchKey(down bool, key, code string, ts time.Duration) {
	name := "KeyUp"
	if down {
		name = "KeyDown"
	}
	if a.HasListeners(name) {
		a.guarded(func() {
			a.emit(name, a.object("key", key, "code", code, "timeStamp", float64(ts)/float64(time.Millisecond)))
		})
	}
}

// ListensToKeys reports whether the game handles onKeyDown/onKeyUp.
func (a *API) ListensToKeys() bool { return a.HasListeners("KeyDown") || a.HasListeners("KeyUp") }

func truncateChars(s string, n int) string {
	if n < 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}
