package mock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/minisim/minisim/internal/jsonpos"
)

// node is a parsed JSON value that keeps the order of object members and
// their repeats, which encoding/json's maps lose: the mock file's errors
// come in file order, and a key given twice is an error rather than the
// first one silently lost.
type node struct {
	kind    kind
	members []member // kindObject, file order
	elems   []*node  // kindArray
	str     string   // kindString
	num     json.Number
	b       bool
}

type member struct {
	key string
	val *node
}

type kind int

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

// parseJSON reads one JSON document. A syntax error names the file with
// the line and column (1-based, in characters) where it is.
func parseJSON(file string, data []byte) (*node, error) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		if line, col, ok := jsonpos.Of(data, err); ok {
			return nil, fmt.Errorf("%s:%d:%d: malformed JSON: %v", file, line, col, err)
		}
		return nil, fmt.Errorf("%s: malformed JSON: %v", file, err)
	}
	// The document is valid: walk it again keeping order and repeats.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readNode(dec)
	if err != nil {
		return nil, fmt.Errorf("%s: malformed JSON: %v", file, err)
	}
	return n, nil
}

func readNode(dec *json.Decoder) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: kindObject}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key %v is not a string", kt)
				}
				v, err := readNode(dec)
				if err != nil {
					return nil, err
				}
				n.members = append(n.members, member{key, v})
			}
			_, err := dec.Token() // '}'
			return n, err
		case '[':
			n := &node{kind: kindArray}
			for dec.More() {
				v, err := readNode(dec)
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, v)
			}
			_, err := dec.Token() // ']'
			return n, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case string:
		return &node{kind: kindString, str: t}, nil
	case json.Number:
		return &node{kind: kindNumber, num: t}, nil
	case bool:
		return &node{kind: kindBool, b: t}, nil
	case nil:
		return &node{kind: kindNull}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

// describe names a value for "must be ..., not X": scalars as JSON text
// (long strings shortened), containers by kind.
func (n *node) describe() string {
	switch n.kind {
	case kindObject:
		return "an object"
	case kindArray:
		return "an array"
	case kindString:
		s := n.str
		if utf8.RuneCountInString(s) > 40 {
			r := []rune(s)
			s = string(r[:40]) + "…"
		}
		return strconv.Quote(s)
	case kindNumber:
		return n.num.String()
	case kindBool:
		return strconv.FormatBool(n.b)
	}
	return "null"
}

// marshal writes the value back as compact JSON, members in file order.
func (n *node) marshal(buf *bytes.Buffer) {
	switch n.kind {
	case kindObject:
		buf.WriteByte('{')
		for i, m := range n.members {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeString(buf, m.key)
			buf.WriteByte(':')
			m.val.marshal(buf)
		}
		buf.WriteByte('}')
	case kindArray:
		buf.WriteByte('[')
		for i, e := range n.elems {
			if i > 0 {
				buf.WriteByte(',')
			}
			e.marshal(buf)
		}
		buf.WriteByte(']')
	case kindString:
		writeString(buf, n.str)
	case kindNumber:
		buf.WriteString(n.num.String())
	case kindBool:
		buf.WriteString(strconv.FormatBool(n.b))
	default:
		buf.WriteString("null")
	}
}

func writeString(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s)
	buf.Write(b)
}
