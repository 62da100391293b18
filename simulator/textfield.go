package simulator

import (
	"sort"
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
	x.RoundRect(left, top, width, textFieldHeight, corners(6))
	x.Fill(false)
	color("#ffffff")
	x.BeginPath()
	x.RoundRect(left+1, top+1, width-2, textFieldHeight-2, corners(5))
	x.Fill(false)
	font("15px sans-serif")
	baseline, room := top+textFieldHeight/2+5, width-20
	if in.Text == "" && in.Placeholder != "" {
		color("#aaaaaa")
		x.FillText(s.fonts, in.Placeholder, left+10, baseline, room)
		return
	}
	color("#111111")
	text := s.tailThatFits(x, strings.ReplaceAll(in.Text, "\n", " "), "|", room)
	x.FillText(s.fonts, text+"|", left+10, baseline, room)
}

// tailThatFits is the longest end of text that, followed by suffix (the
// caret), fits in room: a text field keeps where the typing happens in
// view. The width shrinks as runes drop off the front, so a binary search
// over rune starts measures a few candidates, not every one.
func (s *Simulator) tailThatFits(x *gl.Context2D, text, suffix string, room float64) string {
	fits := func(t string) bool { return x.MeasureText(s.fonts, t+suffix).Width <= room }
	if fits(text) {
		return text
	}
	starts := make([]int, 0, len(text)+1)
	for i := range text {
		starts = append(starts, i)
	}
	starts = append(starts, len(text)) // the empty end, which the caller takes when nothing fits
	k := sort.Search(len(starts)-1, func(k int) bool { return fits(text[starts[k]:]) })
	return text[starts[k]:]
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
