package gamefs

import (
	"encoding/base64"
	"encoding/hex"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encodings are the names the platforms accept for readFile and writeFile.
var Encodings = []string{"ascii", "base64", "binary", "hex", "ucs2", "ucs-2", "utf16le", "utf-16le", "utf-8", "utf8", "latin1"}

// ValidEncoding reports whether enc is one of Encodings.
func ValidEncoding(enc string) bool { return slices.Contains(Encodings, enc) }

// Encode turns a string into bytes as Node's Buffer.from(s, enc) does,
// which the platforms follow: ascii, latin1 and binary keep each UTF-16
// unit's low byte, ucs2 writes units little-endian, hex stops at the first
// pair that is not hex, base64 takes either alphabet and no padding.
func Encode(s, enc string) ([]byte, error) {
	switch enc {
	case "utf8", "utf-8":
		return []byte(s), nil
	case "ascii", "latin1", "binary":
		units := utf16.Encode([]rune(s))
		out := make([]byte, len(units))
		for i, u := range units {
			out[i] = byte(u)
		}
		return out, nil
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		units := utf16.Encode([]rune(s))
		out := make([]byte, 2*len(units))
		for i, u := range units {
			out[2*i], out[2*i+1] = byte(u), byte(u>>8)
		}
		return out, nil
	case "hex":
		out := make([]byte, 0, len(s)/2)
		for i := 0; i+1 < len(s); i += 2 {
			b, err := hex.DecodeString(s[i : i+2])
			if err != nil {
				break
			}
			out = append(out, b[0])
		}
		return out, nil
	case "base64":
		clean := strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\t', '\n', '\r', '=':
				return -1
			case '-':
				return '+'
			case '_':
				return '/'
			}
			return r
		}, s)
		out, err := base64.RawStdEncoding.DecodeString(clean)
		if err != nil {
			return nil, fail(KindInvalid, "base64 encode error")
		}
		return out, nil
	}
	return nil, fail(KindInvalid, "invalid encoding %q", enc)
}

// Decode turns bytes into a string as Node's buf.toString(enc) does:
// invalid UTF-8 becomes U+FFFD byte by byte, ascii drops each byte's high
// bit, latin1 and binary map bytes to U+0000..U+00FF, ucs2 reads units
// little-endian (an odd last byte is dropped).
func Decode(b []byte, enc string) (string, error) {
	var sb strings.Builder
	switch enc {
	case "utf8", "utf-8":
		for len(b) > 0 {
			r, n := utf8.DecodeRune(b)
			sb.WriteRune(r)
			b = b[n:]
		}
	case "ascii":
		for _, c := range b {
			sb.WriteByte(c & 0x7f)
		}
	case "latin1", "binary":
		for _, c := range b {
			sb.WriteRune(rune(c))
		}
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		units := make([]uint16, len(b)/2)
		for i := range units {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		sb.WriteString(string(utf16.Decode(units)))
	case "hex":
		sb.WriteString(hex.EncodeToString(b))
	case "base64":
		sb.WriteString(base64.StdEncoding.EncodeToString(b))
	default:
		return "", fail(KindInvalid, "invalid encoding %q", enc)
	}
	return sb.String(), nil
}
