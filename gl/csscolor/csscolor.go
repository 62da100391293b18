// Package csscolor parses and serializes CSS colour strings the way a
// browser's CanvasRenderingContext2D does for fillStyle / strokeStyle /
// shadowColor.
//
// Supported syntaxes: the 148 CSS named colours plus "transparent" and
// "currentcolor" (black: a canvas has no element colour), #rgb #rgba #rrggbb
// #rrggbbaa, rgb()/rgba() (legacy comma syntax and modern space syntax with an
// optional "/ alpha", numbers or percentages, "none" in the modern syntax),
// hsl()/hsla() (hue as a number or a deg/rad/grad/turn angle) and hwb().
// Keywords, function names and units are case-insensitive; surrounding CSS
// whitespace is ignored. An unclosed function at the end of the string is
// accepted, as the CSS parser closes it at EOF.
//
// Not supported (Parse reports ok=false): calc() and other math functions,
// relative colour syntax, lab()/lch()/oklab()/oklch()/color(), the CSS system
// colours (Canvas, ButtonText, ...), CSS comments and escapes. Browsers accept
// some of these, but mini games essentially never use them.
package csscolor

import (
	"math"
	"strconv"
	"strings"
)

// RGBA is a straight (not premultiplied) colour, each channel 0..1 (A too).
// Colours produced by Parse have R, G and B on the 8-bit grid (n/255), as in
// browsers; A keeps the parsed precision (clamped to 0..1).
type RGBA struct{ R, G, B, A float64 }

// Parse parses every CSS colour syntax a browser's canvas fillStyle accepts
// (see the package documentation for the exact list). ok is false for
// anything a browser would reject; the canvas then keeps its previous value.
// Parsing "#rrggbb" (and the other hex forms and named colours) does not
// allocate.
func Parse(s string) (c RGBA, ok bool) {
	s = trimSpace(s)
	if len(s) == 0 {
		return RGBA{}, false
	}
	if s[0] == '#' {
		return parseHex(s[1:])
	}
	if i := strings.IndexByte(s, '('); i >= 0 {
		return parseFunc(s[:i], s[i+1:])
	}
	return parseName(s)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// trimSpace trims CSS whitespace only (not Unicode spaces, which browsers
// treat as part of the value and therefore reject).
func trimSpace(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func hexVal(c byte) (uint32, bool) {
	switch {
	case c >= '0' && c <= '9':
		return uint32(c - '0'), true
	case c >= 'a' && c <= 'f':
		return uint32(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return uint32(c-'A') + 10, true
	}
	return 0, false
}

func parseHex(h string) (RGBA, bool) {
	n := len(h)
	if n != 3 && n != 4 && n != 6 && n != 8 {
		return RGBA{}, false
	}
	var d [8]uint32
	for i := 0; i < n; i++ {
		v, ok := hexVal(h[i])
		if !ok {
			return RGBA{}, false
		}
		d[i] = v
	}
	var r, g, b, a uint32
	a = 255
	switch n {
	case 3, 4:
		r, g, b = d[0]*17, d[1]*17, d[2]*17
		if n == 4 {
			a = d[3] * 17
		}
	default:
		r, g, b = d[0]<<4|d[1], d[2]<<4|d[3], d[4]<<4|d[5]
		if n == 8 {
			a = d[6]<<4 | d[7]
		}
	}
	return RGBA{float64(r) / 255, float64(g) / 255, float64(b) / 255, float64(a) / 255}, true
}

func parseName(s string) (RGBA, bool) {
	if len(s) > maxNameLen {
		return RGBA{}, false
	}
	var buf [maxNameLen]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
		default:
			return RGBA{}, false
		}
		buf[i] = c
	}
	name := buf[:len(s)]
	// The map index with a string(bytes) conversion does not allocate.
	if v, ok := namedColors[string(name)]; ok {
		return fromRGB24(v), true
	}
	switch string(name) {
	case "transparent":
		return RGBA{}, true
	case "currentcolor":
		return RGBA{A: 1}, true
	}
	return RGBA{}, false
}

func fromRGB24(v uint32) RGBA {
	return RGBA{
		R: float64(v>>16&0xff) / 255,
		G: float64(v>>8&0xff) / 255,
		B: float64(v&0xff) / 255,
		A: 1,
	}
}

// ---- functional notations ----

const (
	tkNum   = iota + 1 // <number>
	tkPct              // <percentage>
	tkDim              // <dimension> (number + unit)
	tkNone             // the keyword none
	tkComma            // ,
	tkSlash            // /
)

type token struct {
	kind uint8
	v    float64
	unit string // tkDim only; a substring of the input
}

// maxTokens is the longest valid argument list: "v , v , v , a".
const maxTokens = 7

// tokenize splits a function's arguments into at most maxTokens tokens.
func tokenize(s string, toks *[maxTokens]token) (int, bool) {
	n := 0
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return n, true
		}
		if n == maxTokens {
			return 0, false
		}
		c := s[i]
		switch {
		case c == ',':
			toks[n] = token{kind: tkComma}
			i++
		case c == '/':
			toks[n] = token{kind: tkSlash}
			i++
		default:
			if end := scanNumber(s, i); end > i {
				v, ok := fastNumber(s[i:end])
				if !ok {
					var err error
					v, err = strconv.ParseFloat(s[i:end], 64)
					if err != nil && !isRangeErr(err) {
						return 0, false
					}
				}
				i = end
				switch {
				case i < len(s) && s[i] == '%':
					toks[n] = token{kind: tkPct, v: v}
					i++
				case startsIdent(s, i):
					e := scanIdent(s, i)
					toks[n] = token{kind: tkDim, v: v, unit: s[i:e]}
					i = e
				default:
					toks[n] = token{kind: tkNum, v: v}
				}
			} else if startsIdent(s, i) {
				e := scanIdent(s, i)
				if !strings.EqualFold(s[i:e], "none") {
					return 0, false
				}
				toks[n] = token{kind: tkNone}
				i = e
			} else {
				return 0, false
			}
		}
		n++
	}
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// fastNumber converts a number token without exponent and with at most 15
// digits. The digits form an exact integer m < 2^53 and the result m/10^k is a
// single correctly rounded division, so it equals strconv.ParseFloat's.
// ok is false when the token needs the general parser.
func fastNumber(t string) (float64, bool) {
	neg := false
	switch t[0] {
	case '-':
		neg = true
		t = t[1:]
	case '+':
		t = t[1:]
	}
	var m uint64
	nd, frac := 0, -1
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			nd++
			if frac >= 0 {
				frac++
			}
		case c == '.':
			frac = 0
		default:
			return 0, false // exponent
		}
	}
	if nd > 15 {
		return 0, false
	}
	v := float64(m)
	if frac > 0 {
		v /= pow10[frac]
	}
	if neg {
		v = -v
	}
	return v, true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

// startsIdent reports whether an identifier starts at s[i] (CSS Syntax §4.3.9,
// without escapes).
func startsIdent(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] == '-' {
		return i+1 < len(s) && (isNameStart(s[i+1]) || s[i+1] == '-')
	}
	return isNameStart(s[i])
}

func scanIdent(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if isNameStart(c) || isDigit(c) || c == '-' {
			i++
			continue
		}
		break
	}
	return i
}

// scanNumber returns the end of a CSS <number-token> starting at s[i], or i if
// there is none. Grammar: [+-]? (digits ("." digits)? | "." digits)
// ([eE] [+-]? digits)?
func scanNumber(s string, i int) int {
	j := i
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	digits := false
	for j < len(s) && isDigit(s[j]) {
		j++
		digits = true
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		digits = true
	}
	if !digits {
		return i
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && isDigit(s[k]) {
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			j = k
		}
	}
	return j
}

const (
	fnRGB = iota + 1
	fnHSL
	fnHWB
)

func parseFunc(name, rest string) (RGBA, bool) {
	var fn int
	switch {
	case strings.EqualFold(name, "rgb"), strings.EqualFold(name, "rgba"):
		fn = fnRGB
	case strings.EqualFold(name, "hsl"), strings.EqualFold(name, "hsla"):
		fn = fnHSL
	case strings.EqualFold(name, "hwb"):
		fn = fnHWB
	default:
		return RGBA{}, false
	}
	// Parse trimmed trailing whitespace; a missing ")" at EOF is tolerated
	// like the CSS parser does. Any other ")" is rejected by tokenize.
	args := rest
	if len(args) > 0 && args[len(args)-1] == ')' {
		args = args[:len(args)-1]
	}
	var toks [maxTokens]token
	n, ok := tokenize(args, &toks)
	if !ok {
		return RGBA{}, false
	}

	legacy := false
	for i := 0; i < n; i++ {
		if toks[i].kind == tkComma {
			legacy = true
			break
		}
	}
	var alpha *token
	if legacy {
		// v , v , v [ , a ]
		if fn == fnHWB || (n != 5 && n != 7) {
			return RGBA{}, false
		}
		for i := 0; i < n; i++ {
			k := toks[i].kind
			if i%2 == 1 {
				if k != tkComma {
					return RGBA{}, false
				}
			} else if k == tkComma || k == tkSlash || k == tkNone {
				return RGBA{}, false
			}
		}
		toks[1], toks[2] = toks[2], toks[4] // compact to v v v
		if n == 7 {
			alpha = &toks[6]
		}
	} else {
		// v v v [ / a ]
		if n != 3 && n != 5 {
			return RGBA{}, false
		}
		for i := 0; i < n; i++ {
			k := toks[i].kind
			if i == 3 {
				if k != tkSlash {
					return RGBA{}, false
				}
			} else if k == tkSlash || k == tkComma {
				return RGBA{}, false
			}
		}
		if n == 5 {
			alpha = &toks[4]
		}
	}

	a := 1.0
	if alpha != nil {
		switch alpha.kind {
		case tkNum:
			a = alpha.v
		case tkPct:
			a = alpha.v / 100
		case tkNone:
			a = 0
		default:
			return RGBA{}, false
		}
		a = clamp01(a)
	}

	switch fn {
	case fnRGB:
		if legacy && (toks[0].kind != toks[1].kind || toks[1].kind != toks[2].kind) {
			return RGBA{}, false // legacy syntax: all numbers or all percentages
		}
		var ch [3]float64
		for i := 0; i < 3; i++ {
			switch t := toks[i]; t.kind {
			case tkNum:
				ch[i] = t.v
			case tkPct:
				ch[i] = t.v * 255 / 100
			case tkNone:
				ch[i] = 0
			default:
				return RGBA{}, false
			}
		}
		return RGBA{quant255(ch[0]), quant255(ch[1]), quant255(ch[2]), a}, true

	default: // fnHSL, fnHWB
		h, ok := hueValue(toks[0])
		if !ok {
			return RGBA{}, false
		}
		var p [2]float64 // s,l or w,b as fractions
		for i := 0; i < 2; i++ {
			switch t := toks[i+1]; t.kind {
			case tkPct:
				p[i] = t.v / 100
			case tkNum:
				if legacy {
					return RGBA{}, false // legacy hsl() requires percentages
				}
				p[i] = t.v / 100
			case tkNone:
				p[i] = 0
			default:
				return RGBA{}, false
			}
			p[i] = clamp01(p[i])
		}
		var r, g, b float64
		if fn == fnHSL {
			r, g, b = hslToRGB(h, p[0], p[1])
		} else {
			r, g, b = hwbToRGB(h, p[0], p[1])
		}
		return RGBA{quant255(r * 255), quant255(g * 255), quant255(b * 255), a}, true
	}
}

// hueValue converts a hue token to degrees in [0, 360).
func hueValue(t token) (float64, bool) {
	var h float64
	switch t.kind {
	case tkNum:
		h = t.v
	case tkNone:
		h = 0
	case tkDim:
		switch {
		case strings.EqualFold(t.unit, "deg"):
			h = t.v
		case strings.EqualFold(t.unit, "rad"):
			h = t.v * 180 / math.Pi
		case strings.EqualFold(t.unit, "grad"):
			h = t.v * 360 / 400
		case strings.EqualFold(t.unit, "turn"):
			h = t.v * 360
		default:
			return 0, false
		}
	default:
		return 0, false
	}
	if math.IsNaN(h) || math.IsInf(h, 0) {
		return 0, true
	}
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	return h, true
}

// hslToRGB is the CSS Color 4 reference conversion; s and l in 0..1, results 0..1.
func hslToRGB(h, s, l float64) (r, g, b float64) {
	f := func(n float64) float64 {
		k := math.Mod(n+h/30, 12)
		a := s * math.Min(l, 1-l)
		return l - a*math.Max(-1, math.Min(math.Min(k-3, 9-k), 1))
	}
	return f(0), f(8), f(4)
}

// hwbToRGB is the CSS Color 4 reference conversion; w and bl in 0..1.
func hwbToRGB(h, w, bl float64) (r, g, b float64) {
	if w+bl >= 1 {
		gray := w / (w + bl)
		return gray, gray, gray
	}
	r, g, b = hslToRGB(h, 1, 0.5)
	k := 1 - w - bl
	return r*k + w, g*k + w, b*k + w
}

func clamp01(v float64) float64 {
	if v != v || v < 0 { // NaN too
		return 0
	}
	if v > 1 {
		return 1
	}
	return v
}

// to8 rounds a 0..255 channel value to an 8-bit integer as browsers do
// (clamp, then round half away from zero).
func to8(v float64) int {
	if v != v || v <= 0 {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return int(math.Round(v))
}

func quant255(v float64) float64 { return float64(to8(v)) / 255 }

// ---- serialization ----

const hexDigits = "0123456789abcdef"

// Serialize gives what a browser returns when reading ctx.fillStyle back:
// "#rrggbb" for opaque colours, "rgba(r, g, b, a)" otherwise. Channels are
// rounded to 8-bit integers; alpha is rounded to 8 bits and printed in the
// shortest form that maps back to the same 8-bit value (2 decimals if
// possible, else 3), e.g. "0.5", "0.25", "0".
func (c RGBA) Serialize() string {
	r, g, b := to8(c.R*255), to8(c.G*255), to8(c.B*255)
	a8 := to8(c.A * 255)
	if a8 == 255 {
		buf := [7]byte{'#',
			hexDigits[r>>4], hexDigits[r&15],
			hexDigits[g>>4], hexDigits[g&15],
			hexDigits[b>>4], hexDigits[b&15]}
		return string(buf[:])
	}
	buf := make([]byte, 0, 32)
	buf = append(buf, "rgba("...)
	buf = strconv.AppendInt(buf, int64(r), 10)
	buf = append(buf, ", "...)
	buf = strconv.AppendInt(buf, int64(g), 10)
	buf = append(buf, ", "...)
	buf = strconv.AppendInt(buf, int64(b), 10)
	buf = append(buf, ", "...)
	buf = strconv.AppendFloat(buf, alphaDecimal(a8), 'f', -1, 64)
	buf = append(buf, ')')
	return string(buf)
}

// alphaDecimal is the CSS Color 4 alpha serialization of an 8-bit alpha.
func alphaDecimal(a8 int) float64 {
	a := float64(a8) / 255
	r2 := math.Round(a*100) / 100
	if int(math.Round(r2*255)) == a8 {
		return r2
	}
	return math.Round(a*1000) / 1000
}

// String implements fmt.Stringer with Serialize.
func (c RGBA) String() string { return c.Serialize() }
