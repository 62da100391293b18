package simulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"sort"

	"github.com/minisim/minisim/jsapi"
)

// InputEvent is one scripted touch (see the --input contract in cli.md),
// or, as minisim extends it, a key ("keydown"/"keyup" with key and an
// optional code) or text typed into the game's soft keyboard ("text").
type InputEvent struct {
	Frame int     `json:"frame"`
	Type  string  `json:"type"`
	ID    int     `json:"id"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Key   string  `json:"key,omitempty"`
	Code  string  `json:"code,omitempty"`
	Text  string  `json:"text,omitempty"`
}

// LoadInputScript reads and checks an --input file; events come back in
// frame order (file order within a frame).
func LoadInputScript(path string) ([]InputEvent, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, projectErrorf("--input %s: no such file", path)
		}
		return nil, projectErrorf("--input %s: %v", path, err)
	}
	var events []InputEvent
	if err := json.Unmarshal(data, &events); err != nil {
		return nil, jsonError("--input "+path, data, err, "must be a JSON array of {frame, type, id, x, y} events")
	}
	for i, e := range events {
		switch e.Type {
		case "start", "move", "end", "cancel":
		case "keydown", "keyup":
			if e.Key == "" {
				return nil, projectErrorf("--input %s: event %d: a %s event needs \"key\" (as KeyboardEvent.key: \"a\", \"Enter\", \"ArrowLeft\")", path, i, e.Type)
			}
		case "text":
			if e.Text == "" {
				return nil, projectErrorf("--input %s: event %d: a text event needs \"text\"", path, i)
			}
		default:
			return nil, projectErrorf("--input %s: event %d: type %q must be start, move, end, cancel, keydown, keyup or text", path, i, e.Type)
		}
		if e.Frame < 0 || math.IsNaN(e.X) || math.IsNaN(e.Y) {
			return nil, projectErrorf("--input %s: event %d: frame must be >= 0 and x, y numbers", path, i)
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Frame < events[j].Frame })
	return events, nil
}

// touchEvent is one change of a finger, from the mouse or a script, queued
// until the input phase of the next frame.
type touchEvent struct {
	phase string // jsapi.TouchStart...
	touch jsapi.Touch
}

// touchState tracks the fingers that are down, so every event carries the
// full touches list.
type touchState struct {
	down []jsapi.Touch
}

// apply updates the fingers for one event and returns the lists the event
// reports: changed (the finger) and active (fingers down afterwards).
// Events that make no sense (a move of a finger not down) are dropped.
func (s *touchState) apply(ev touchEvent) (changed, active []jsapi.Touch, ok bool) {
	i := -1
	for k, t := range s.down {
		if t.ID == ev.touch.ID {
			i = k
		}
	}
	switch ev.phase {
	case jsapi.TouchStart:
		if i >= 0 {
			return nil, nil, false
		}
		s.down = append(s.down, ev.touch)
	case jsapi.TouchMove:
		if i < 0 {
			return nil, nil, false
		}
		s.down[i] = ev.touch
	case jsapi.TouchEnd, jsapi.TouchCancel:
		if i < 0 {
			return nil, nil, false
		}
		s.down = append(s.down[:i], s.down[i+1:]...)
	}
	return []jsapi.Touch{ev.touch}, append([]jsapi.Touch(nil), s.down...), true
}

var scriptPhases = map[string]string{
	"start": jsapi.TouchStart, "move": jsapi.TouchMove, "end": jsapi.TouchEnd, "cancel": jsapi.TouchCancel,
}

func (e InputEvent) touchEvent() touchEvent {
	return touchEvent{phase: scriptPhases[e.Type], touch: jsapi.Touch{ID: e.ID, X: e.X, Y: e.Y, Force: 1}}
}

// keyInput is a key or text event's input; ok is false for touches.
func (e InputEvent) keyInput() (k keyInput, ok bool) {
	switch e.Type {
	case "keydown", "keyup":
		code := e.Code
		if code == "" {
			code = scriptKeyCode(e.Key)
		}
		return keyInput{down: e.Type == "keydown", key: e.Key, code: code}, true
	case "text":
		return keyInput{text: e.Text}, true
	}
	return keyInput{}, false
}

func (e InputEvent) String() string {
	return fmt.Sprintf("frame %d %s #%d (%g, %g)", e.Frame, e.Type, e.ID, e.X, e.Y)
}
