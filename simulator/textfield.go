package simulator

import (
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/jsapi"
)

// textFieldHeight is an editable modal's text field, in logical pixels.
const textFieldHeight = 36.0

// drawTextField draws a prompt's text field with its top-left corner at
// (left, top): the text and a caret, or the placeholder while empty.
func (s *Simulator) drawTextField(x *gl.Context2D, in *jsapi.TextInput, left, top, width float64) {
	font, color := uiStyle(x)
	color("#c8c8c8")
	x.BeginPath()
	x.RoundRect(left, top, width, textFieldHeight, [4][2]float64{{6, 6}, {6, 6}, {6, 6}, {6, 6}})
	x.Fill(false)
	color("#ffffff")
	x.BeginPath()
	x.RoundRect(left+1, top+1, width-2, textFieldHeight-2, [4][2]float64{{5, 5}, {5, 5}, {5, 5}, {5, 5}})
	x.Fill(false)
	font("15px sans-serif")
	baseline, room := top+textFieldHeight/2+5, width-20
	if in.Text == "" && in.Placeholder != "" {
		color("#aaaaaa")
		x.FillText(s.fonts, in.Placeholder, left+10, baseline, room)
		return
	}
	color("#111111")
	text := strings.ReplaceAll(in.Text, "\n", " ")
	for text != "" && x.MeasureText(s.fonts, text+"|").Width > room { // keep the end in view
		text = string([]rune(text)[1:])
	}
	x.FillText(s.fonts, text+"|", left+10, baseline, room)
}

// dialogInput is the front dialog's text field, or nil.
func (s *Simulator) dialogInput() *jsapi.TextInput {
	if len(s.dialogs) == 0 {
		return nil
	}
	return s.dialogs[0].prompt.Input
}

// editDialogInput applies a key to the front dialog's text field and
// reports whether it took the key: Backspace deletes, Ctrl/Cmd+V pastes.
// (Enter and Esc answer the dialog as for any prompt.)
func (s *Simulator) editDialogInput(key glfw.Key, mods glfw.ModifierKey) bool {
	in := s.dialogInput()
	switch {
	case in == nil:
		return false
	case key == glfw.KeyBackspace:
		s.actions = append(s.actions, func() {
			if r := []rune(in.Text); len(r) > 0 {
				in.Text = string(r[:len(r)-1])
			}
		})
	case key == glfw.KeyV && mods&(glfw.ModControl|glfw.ModSuper) != 0:
		s.actions = append(s.actions, func() { in.Text += s.Clipboard() })
	default:
		return false
	}
	return true
}
