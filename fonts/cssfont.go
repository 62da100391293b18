package fonts

import (
	"math"
	"strconv"
	"strings"
)

// FontSpec is a parsed CSS font shorthand.
type FontSpec struct {
	Style    string   // "normal" | "italic" | "oblique"
	Variant  string   // "normal" | "small-caps"
	Weight   int      // 1..1000 (normal=400, bold=700)
	SizePx   float64  // px; pt converted (1pt = 4/3 px); em/% relative to 10px (the canvas default)
	Families []string // unquoted, in order, e.g. ["Helvetica Neue", "sans-serif"]
}

// DefaultFont is the canvas's initial font, "10px sans-serif".
func DefaultFont() FontSpec {
	return FontSpec{Style: "normal", Variant: "normal", Weight: 400, SizePx: 10, Families: []string{"sans-serif"}}
}

// The canvas resolves relative sizes against its default font, 10px
// sans-serif (HTML spec, "font" attribute).
const canvasDefaultPx = 10

// rem refers to the document root, whose font-size is 16px by default.
const rootFontPx = 16

var lengthUnits = map[string]float64{
	"px": 1,
	"pt": 4.0 / 3,
	"pc": 16,
	"in": 96,
	"cm": 96 / 2.54,
	"mm": 96 / 25.4,
	"q":  96 / 101.6,
	"em": canvasDefaultPx,
	// ex and ch come from the default font: Liberation Sans' x-height
	// (1082/2048 em) and the advance of its "0" (1139/2048 em).
	"ex":  canvasDefaultPx * 1082.0 / 2048,
	"ch":  canvasDefaultPx * 1139.0 / 2048,
	"rem": rootFontPx,
}

// Absolute-size keywords for a 16px medium (CSS Fonts 4 table, as Chromium);
// larger/smaller scale the parent size (10px) by 1.2.
var sizeKeywords = map[string]float64{
	"xx-small":  9,
	"x-small":   10,
	"small":     13,
	"medium":    16,
	"large":     18,
	"x-large":   24,
	"xx-large":  32,
	"xxx-large": 48,
	"larger":    canvasDefaultPx * 1.2,
	"smaller":   canvasDefaultPx / 1.2,
}

// angleUnits converts angle units to degrees.
var angleUnits = map[string]float64{"deg": 1, "grad": 0.9, "rad": 180 / math.Pi, "turn": 360}

var stretchKeywords = map[string]bool{
	"ultra-condensed": true, "extra-condensed": true, "condensed": true, "semi-condensed": true,
	"semi-expanded": true, "expanded": true, "extra-expanded": true, "ultra-expanded": true,
}

var genericFamilies = map[string]bool{
	"serif": true, "sans-serif": true, "monospace": true, "cursive": true, "fantasy": true,
	"system-ui": true, "ui-serif": true, "ui-sans-serif": true, "ui-monospace": true,
	"ui-rounded": true, "math": true, "emoji": true, "fangsong": true,
}

// cssWideKeywords cannot be family names; "default" is reserved too.
var cssWideKeywords = map[string]bool{
	"inherit": true, "initial": true, "unset": true, "revert": true, "revert-layer": true, "default": true,
}

// ParseFont parses the CSS font shorthand
// ([style] [variant] [weight] [stretch] size[/line-height] family[, family...]).
// It returns ok=false for strings a browser would reject (then the canvas
// keeps its previous font). System fonts ("caption", "menu", ...), CSS-wide
// keywords and viewport units are rejected too.
func ParseFont(s string) (spec FontSpec, ok bool) {
	toks, ok := tokenize(s)
	if !ok {
		return FontSpec{}, false
	}
	spec = FontSpec{Style: "normal", Variant: "normal", Weight: 400}
	rest, ok := parsePrefix(toks, &spec)
	if !ok || len(rest) == 0 {
		return FontSpec{}, false
	}
	if spec.SizePx, ok = parseSize(rest[0]); !ok {
		return FontSpec{}, false
	}
	rest = rest[1:]
	if len(rest) > 0 && rest[0].kind == tokSlash {
		if len(rest) < 2 || !validLineHeight(rest[1]) {
			return FontSpec{}, false
		}
		rest = rest[2:] // line-height does not matter to a canvas
	}
	if spec.Families, ok = parseFamilies(rest); !ok {
		return FontSpec{}, false
	}
	return spec, true
}

// parsePrefix consumes style, variant, weight and stretch, in any order, each
// at most once; "normal" may stand for any of them, four values at most.
// It stops at the first token that is none of these: the size.
func parsePrefix(toks []token, spec *FontSpec) ([]token, bool) {
	var style, variant, weight, stretch bool
	n := 0
	for len(toks) > 0 {
		t := toks[0]
		var dup bool
		switch kw := strings.ToLower(t.text); {
		case t.kind == tokNumber && t.num != 0: // a bare 0 is a size
			if t.num < 1 || t.num > 1000 {
				return nil, false
			}
			dup, weight = weight, true
			spec.Weight = int(math.Round(t.num))
		case t.kind != tokIdent:
			return toks, true
		case kw == "normal":
		case kw == "italic" || kw == "oblique":
			dup, style = style, true
			spec.Style = kw
			if kw == "oblique" && len(toks) > 1 && isAngle(toks[1]) {
				toks = toks[1:]
			}
		case kw == "small-caps":
			dup, variant = variant, true
			spec.Variant = kw
		case kw == "bold" || kw == "bolder":
			dup, weight = weight, true
			spec.Weight = 700 // bolder than the default 400
		case kw == "lighter":
			dup, weight = weight, true
			spec.Weight = 100 // lighter than the default 400
		case stretchKeywords[kw]:
			dup, stretch = stretch, true
		default:
			return toks, true
		}
		if n++; dup || n > 4 {
			return nil, false
		}
		toks = toks[1:]
	}
	return toks, true
}

// isAngle reports whether t is an oblique angle, -90deg..90deg.
func isAngle(t token) bool {
	if t.kind != tokDimension {
		return false
	}
	perUnit, ok := angleUnits[strings.ToLower(t.text)]
	return ok && math.Abs(t.num*perUnit) <= 90
}

// parseSize converts the size token to px.
func parseSize(t token) (float64, bool) {
	var px float64
	switch t.kind {
	case tokIdent:
		v, ok := sizeKeywords[strings.ToLower(t.text)]
		return v, ok
	case tokNumber:
		if t.num != 0 { // only 0 may omit its unit
			return 0, false
		}
	case tokPercent:
		px = t.num / 100 * canvasDefaultPx
	case tokDimension:
		perUnit, ok := lengthUnits[strings.ToLower(t.text)]
		if !ok {
			return 0, false
		}
		px = t.num * perUnit
	default:
		return 0, false
	}
	if px < 0 || math.IsInf(px, 0) || math.IsNaN(px) {
		return 0, false
	}
	return px, true
}

func validLineHeight(t token) bool {
	switch t.kind {
	case tokIdent:
		return strings.EqualFold(t.text, "normal")
	case tokNumber, tokPercent:
		return t.num >= 0
	case tokDimension:
		_, ok := lengthUnits[strings.ToLower(t.text)]
		return ok && t.num >= 0
	}
	return false
}

// parseFamilies reads a comma-separated list where each family is one
// string or a run of identifiers (joined by single spaces). Unquoted generic
// names are lower-cased so that matching and serialization see one spelling.
func parseFamilies(toks []token) ([]string, bool) {
	var families []string
	for {
		if len(toks) == 0 {
			return nil, false // nothing, or a trailing comma
		}
		var name string
		if toks[0].kind == tokString {
			name = toks[0].text
			toks = toks[1:]
		} else {
			var words []string
			for len(toks) > 0 && toks[0].kind == tokIdent {
				if cssWideKeywords[strings.ToLower(toks[0].text)] {
					return nil, false
				}
				words = append(words, toks[0].text)
				toks = toks[1:]
			}
			if len(words) == 1 && genericFamilies[strings.ToLower(words[0])] {
				words[0] = strings.ToLower(words[0])
			}
			name = strings.Join(words, " ")
		}
		if strings.TrimSpace(name) == "" {
			return nil, false
		}
		families = append(families, name)
		if len(toks) == 0 {
			return families, true
		}
		if toks[0].kind != tokComma {
			return nil, false
		}
		toks = toks[1:]
	}
}

// String returns the serialization Chromium gives back for ctx.font
// ("bold 14px sans-serif", "10px sans-serif"): italic, then weight (bold for
// 700, a number unless 400), then small-caps, the size in px and the
// families. Like Chromium it drops oblique, stretch and line-height.
func (s FontSpec) String() string {
	var b strings.Builder
	if s.Style == "italic" {
		b.WriteString("italic ")
	}
	switch s.Weight {
	case 0, 400:
	case 700:
		b.WriteString("bold ")
	default:
		b.WriteString(strconv.Itoa(s.Weight))
		b.WriteByte(' ')
	}
	if s.Variant == "small-caps" {
		b.WriteString("small-caps ")
	}
	b.WriteString(formatCSSNumber(s.SizePx))
	b.WriteString("px ")
	if len(s.Families) == 0 {
		b.WriteString("sans-serif")
	}
	for i, f := range s.Families {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(serializeFamily(f))
	}
	return b.String()
}

// formatCSSNumber prints v with at most six significant digits and no
// exponent, as Chromium's String::Number does for the font size
// ("13.3333" for 10pt).
func formatCSSNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// serializeFamily writes a family as CSS does: bare if it is one identifier,
// otherwise as a double-quoted string ("Helvetica Neue").
func serializeFamily(name string) string {
	if n, _ := scanName(name); n == name && startsIdent(name) && !strings.ContainsRune(name, '\\') {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range name {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
