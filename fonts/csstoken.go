package fonts

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A small CSS tokenizer, just enough for the font shorthand: idents,
// strings, numbers, dimensions, percentages, '/' and ','. Whitespace only
// separates tokens. Anything else makes the whole value invalid, as a
// browser's parser would reject it.

type tokenKind int

const (
	tokIdent tokenKind = iota
	tokString
	tokNumber    // 700, 0, 1.5
	tokDimension // 12px, 1e1em: num + unit
	tokPercent   // 150%
	tokSlash
	tokComma
)

type token struct {
	kind tokenKind
	text string // ident or string value with escapes resolved; unit for dimensions
	num  float64
}

func tokenize(s string) ([]token, bool) {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isCSSSpace(c):
			i++
		case c == '/':
			toks = append(toks, token{kind: tokSlash})
			i++
		case c == ',':
			toks = append(toks, token{kind: tokComma})
			i++
		case c == '"' || c == '\'':
			str, n, ok := scanString(s[i:])
			if !ok {
				return nil, false
			}
			toks = append(toks, token{kind: tokString, text: str})
			i += n
		case startsNumber(s[i:]):
			t, n := scanNumeric(s[i:])
			toks = append(toks, t)
			i += n
		case startsIdent(s[i:]):
			name, n := scanName(s[i:])
			toks = append(toks, token{kind: tokIdent, text: name})
			i += n
		default:
			return nil, false
		}
	}
	return toks, true
}

func isCSSSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}

func isNameChar(c byte) bool { return isNameStart(c) || isDigit(c) || c == '-' }

// validEscape reports whether s starts with a backslash that escapes
// something (a backslash before a newline does not, outside strings).
func validEscape(s string) bool {
	return len(s) >= 2 && s[0] == '\\' && s[1] != '\n' && s[1] != '\r' && s[1] != '\f'
}

func startsIdent(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '-' {
		return len(s) >= 2 && (isNameStart(s[1]) || s[1] == '-' || validEscape(s[1:]))
	}
	return isNameStart(s[0]) || validEscape(s)
}

func startsNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return s != "" && (isDigit(s[0]) || len(s) >= 2 && s[0] == '.' && isDigit(s[1]))
}

// scanName reads an identifier's characters, resolving escapes.
func scanName(s string) (string, int) {
	var b strings.Builder
	i := 0
	for i < len(s) {
		switch {
		case isNameChar(s[i]):
			b.WriteByte(s[i])
			i++
		case validEscape(s[i:]):
			r, n := scanEscape(s[i+1:])
			b.WriteRune(r)
			i += 1 + n
		default:
			return b.String(), i
		}
	}
	return b.String(), i
}

// scanEscape decodes what follows a backslash: 1-6 hex digits plus one
// optional whitespace, or any single character.
func scanEscape(s string) (rune, int) {
	n := 0
	for n < len(s) && n < 6 && isHex(s[n]) {
		n++
	}
	if n == 0 {
		r, size := utf8.DecodeRuneInString(s)
		return r, size
	}
	v, _ := strconv.ParseUint(s[:n], 16, 32)
	if n < len(s) && isCSSSpace(s[n]) {
		n++
	}
	if v == 0 || v > utf8.MaxRune || 0xD800 <= v && v <= 0xDFFF {
		return utf8.RuneError, n
	}
	return rune(v), n
}

func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// scanString reads a quoted string. An unescaped newline makes it a "bad
// string" (invalid); a missing closing quote at the end is allowed, as CSS
// closes it at EOF.
func scanString(s string) (string, int, bool) {
	quote := s[0]
	var b strings.Builder
	i := 1
	for i < len(s) {
		c := s[i]
		switch {
		case c == quote:
			return b.String(), i + 1, true
		case c == '\n' || c == '\r' || c == '\f':
			return "", 0, false
		case c == '\\' && i+1 < len(s) && (s[i+1] == '\n' || s[i+1] == '\f'):
			i += 2 // an escaped newline continues the string
		case c == '\\' && i+1 < len(s) && s[i+1] == '\r':
			i += 2
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case c == '\\' && i+1 < len(s):
			r, n := scanEscape(s[i+1:])
			b.WriteRune(r)
			i += 1 + n
		case c == '\\':
			i++ // a backslash at EOF is dropped
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), i, true
}

// scanNumeric reads a number and what is glued to it: a unit or '%'.
func scanNumeric(s string) (token, int) {
	i := 0
	if s[i] == '+' || s[i] == '-' {
		i++
	}
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	// An exponent needs a digit after 'e' (and its sign): "1em" is 1 + em.
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	// The syntax is checked above, so only a range error can occur; it
	// yields ±Inf (ParseFont rejects non-finite sizes) or an underflowed 0.
	num, _ := strconv.ParseFloat(s[:i], 64)
	switch {
	case i < len(s) && s[i] == '%':
		return token{kind: tokPercent, num: num}, i + 1
	case startsIdent(s[i:]):
		unit, n := scanName(s[i:])
		return token{kind: tokDimension, num: num, text: unit}, i + n
	}
	return token{kind: tokNumber, num: num}, i
}
