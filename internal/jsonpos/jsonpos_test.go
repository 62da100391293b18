package jsonpos

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestOfCountsCharacters(t *testing.T) {
	data := []byte("{\n  \"名字\": x\n}")
	var v any
	line, col, ok := Of(data, json.Unmarshal(data, &v))
	if !ok || line != 2 || col != 9 {
		t.Errorf("Of = %d:%d %v, want 2:9 (the x, counting 名字 as two characters)", line, col, ok)
	}
	if _, _, ok := Of(data, errors.New("not JSON's")); ok {
		t.Error("a non-syntax error has a position")
	}
}
