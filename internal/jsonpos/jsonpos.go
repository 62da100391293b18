// Package jsonpos says where in a JSON document a syntax error is, as an
// editor counts: lines and columns from 1, columns in characters.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// Of returns the line and column of the byte err points at, when err is
// (or wraps) a *json.SyntaxError about data.
func Of(data []byte, err error) (line, col int, ok bool) {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return 0, 0, false
	}
	off := max(0, min(int(se.Offset)-1, len(data))) // Offset is just past the bad byte
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off]), true
}
