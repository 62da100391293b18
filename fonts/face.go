package fonts

import "math"

// Face is a fallback chain of fonts at one pixel size.
type Face struct {
	fonts []*Font // fonts[0] is the primary font
	size  float64 // px; 0 draws nothing

	// Vertical metrics in px, positive, computed the way Chromium does.
	ascent, descent     float64 // fontBoundingBox*: rounded hhea metrics
	emAscent, emDescent float64 // em box from OS/2 typo metrics, for top/middle/bottom
}

func newFace(fonts []*Font, size float64) *Face {
	f := &Face{fonts: fonts, size: size}
	if len(fonts) == 0 || size <= 0 {
		return f
	}
	p := fonts[0]
	k := size / p.upem
	f.ascent, f.descent = roundedAscentDescent(p.vm.ascent*k, p.vm.descent*k)
	f.emAscent, f.emDescent = emHeight(p.vm.typoAscent, p.vm.typoDescent, f.ascent, f.descent, size)
	return f
}

// roundedAscentDescent follows Blink's FontMetrics::AscentDescentWithHacks:
// ascent and descent are rounded to whole pixels, except for tiny canvas
// fonts, where rounding would make several textBaselines coincide.
func roundedAscentDescent(a, d float64) (float64, float64) {
	if a < 3 || a+d < 2 {
		return a, d
	}
	return math.Floor(a + 0.5), math.Floor(d + 0.5)
}

// emHeight follows Blink's SimpleFontData::NormalizeEmHeightMetrics: the OS/2
// typo ascender/descender keep their ratio but are scaled to sum to 1em,
// rounded to Blink's layout unit (1/64 px). Without usable typo metrics the
// (rounded) ascent and descent are normalized instead.
func emHeight(typoA, typoD, ascent, descent, size float64) (float64, float64) {
	a, h := typoA, typoA+typoD
	if !(typoA > 0 && h > 0 && typoA <= h) {
		a, h = ascent, ascent+descent
	}
	if !(h > 0 && a >= 0 && a <= h) {
		return size, 0
	}
	layoutUnit := func(v float64) float64 { return math.Round(v*64) / 64 }
	emA := layoutUnit(a * size / h)
	return emA, layoutUnit(size) - emA
}

// Size is the face's size in px (after clamping).
func (f *Face) Size() float64 { return f.size }

// Primary is the font whose metrics the face reports, or nil for an empty
// chain.
func (f *Face) Primary() *Font {
	if len(f.fonts) == 0 {
		return nil
	}
	return f.fonts[0]
}

// Metrics returns the primary font's ascent and descent in px, positive
// numbers: what Chromium reports as fontBoundingBoxAscent/Descent and uses
// for the hanging and ideographic baselines.
func (f *Face) Metrics() (ascent, descent float64) { return f.ascent, f.descent }

// BaselineShift returns how far below the y passed to fillText the
// alphabetic baseline lies for the given ctx.textBaseline (negative: above),
// as Blink's TextMetrics::GetFontBaseline. Unknown values act as
// "alphabetic". The renderer draws Layout's glyphs at y + BaselineShift.
func (f *Face) BaselineShift(textBaseline string) float64 {
	switch textBaseline {
	case "top":
		return f.emAscent
	case "hanging":
		// Blink, after FOP: the hanging baseline sits at 80% of the ascent
		// (the embedded fonts have no BASE table to say otherwise).
		return f.ascent * 0.8
	case "middle":
		return (f.emAscent - f.emDescent) / 2
	case "ideographic":
		return -f.descent
	case "bottom":
		return -f.emDescent
	}
	return 0
}

// PositionedGlyph is one glyph placed by Layout.
type PositionedGlyph struct {
	Font  *Font // the font in the chain that has the rune
	Rune  rune
	Index GlyphIndex
	// X, Y is the pen position relative to the start of the text on the
	// alphabetic baseline, in px, y down. Y is 0: text runs horizontally.
	X, Y float64
	// Advance is how far the pen moves after this glyph, in px, letter
	// spacing included; kerning shows in the next glyph's X.
	Advance float64
}

// maxLayoutRunes caps Layout so that a runaway string cannot allocate
// without bound; longer text is cut.
const maxLayoutRunes = 1 << 16

// Layout shapes s left to right: one glyph per rune, no ligatures or complex
// shaping, kerning from the font's kern table. A rune the primary font lacks
// comes from the first font in the chain that has it (the CJK fallback for
// Chinese); if none has it, the primary font's .notdef box is drawn. As the
// canvas text preparation algorithm says, tab, LF, FF and CR become spaces;
// other control and invisible formatting characters take no room. Invalid
// UTF-8 yields U+FFFD. letterSpacing (px) is added after every glyph, the
// last included, as Chromium does. It returns nil for an empty string or a
// face of size 0.
func (f *Face) Layout(s string, letterSpacing float64) (glyphs []PositionedGlyph) {
	if f == nil || f.size <= 0 || len(f.fonts) == 0 || s == "" {
		return nil
	}
	defer catch(func() { glyphs = nil })
	if math.IsNaN(letterSpacing) || math.IsInf(letterSpacing, 0) {
		letterSpacing = 0
	}
	glyphs = make([]PositionedGlyph, 0, min(len(s), maxLayoutRunes))
	pen := 0.0
	for _, r := range s {
		if len(glyphs) == maxLayoutRunes {
			break
		}
		r, visible := prepareRune(r)
		if !visible {
			continue
		}
		font, idx := f.glyphFor(r)
		k := f.size / font.upem
		if n := len(glyphs); n > 0 && glyphs[n-1].Font == font {
			pen += font.kern(glyphs[n-1].Index, idx) * k
		}
		adv := font.advance(idx)*k + letterSpacing
		glyphs = append(glyphs, PositionedGlyph{Font: font, Rune: r, Index: idx, X: pen, Advance: adv})
		pen += adv
	}
	return glyphs
}

// glyphFor picks the first font in the chain that maps r.
func (f *Face) glyphFor(r rune) (*Font, GlyphIndex) {
	for _, font := range f.fonts {
		if i := font.index(r); i != 0 {
			return font, i
		}
	}
	return f.fonts[0], 0
}

// prepareRune maps whitespace to a space and reports invisible characters
// (controls, zero-width and bidi formatting marks, variation selectors,
// soft hyphen, BOM), which a browser renders as nothing.
func prepareRune(r rune) (rune, bool) {
	switch {
	case r == '\t' || r == '\n' || r == '\f' || r == '\r':
		return ' ', true
	case r < 0x20 || 0x7f <= r && r < 0xa0, r == 0xad, r == 0x34f,
		0x200b <= r && r <= 0x200f, 0x202a <= r && r <= 0x202e,
		0x2060 <= r && r <= 0x206f, r == 0xfeff,
		0xfe00 <= r && r <= 0xfe0f, 0xe0100 <= r && r <= 0xe01ef:
		return r, false
	}
	return r, true
}
