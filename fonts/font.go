package fonts

import (
	"fmt"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// GlyphIndex is a glyph's index inside its Font.
type GlyphIndex uint16

// Font is one parsed TrueType font. Its identity matters: the Atlas keys
// glyphs by *Font, so a Library hands out one *Font per font file.
type Font struct {
	name string
	tt   *truetype.Font
	// unitScale is the em size passed to freetype so that it returns values
	// in plain font units: freetype scales by scale/unitsPerEm and rounds to
	// whole 26.6 units, which is exact when scale == unitsPerEm. Everything
	// is then scaled to pixels in float64, so sizes and positions stay honest
	// (no hinting, no 1/64 px rounding).
	unitScale fixed.Int26_6
	upem      float64
	vm        vmetrics

	buf   truetype.GlyphBuf     // scratch outline; a Font is single-goroutine
	boxes map[GlyphIndex]bounds // control boxes in font units, filled lazily
	ah    *ahScripts            // autohinter zones, measured on first use

	metrics *metricsCache // Layout's table lookups, made on first use
}

// bounds is a glyph's control box in font units, y up. empty means the glyph
// has no outline (a space).
type bounds struct {
	minX, minY, maxX, maxY float64
	empty                  bool
}

// parseFont parses a TrueType font or the first font of a collection. A
// malformed file returns an error, never a panic.
func parseFont(name string, data []byte) (f *Font, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("fonts: %s: malformed font: %v", name, r)
		}
	}()
	tt, err := truetype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", name, err)
	}
	upem := tt.FUnitsPerEm()
	if upem < 16 || upem > 16384 { // the OpenType range; 0 would divide by zero
		return nil, fmt.Errorf("fonts: %s: bad unitsPerEm %d", name, upem)
	}
	f = &Font{
		name:      name,
		tt:        tt,
		unitScale: fixed.Int26_6(upem),
		upem:      float64(upem),
		vm:        readVMetrics(data),
		boxes:     make(map[GlyphIndex]bounds),
	}
	if f.vm.ascent+f.vm.descent <= 0 {
		// No usable vertical metrics: fall back to the font's bounding box.
		b := tt.Bounds(f.unitScale)
		f.vm.ascent, f.vm.descent = float64(b.Max.Y), -float64(b.Min.Y)
	}
	// Touch the tables Layout and Atlas will use, so that a font which
	// cannot even do this is refused here rather than drawing nothing later.
	for _, r := range "a0\u4e00" {
		i := f.lookupIndex(r)
		f.lookupAdvance(i)
		if !f.load(i) {
			return nil, fmt.Errorf("fonts: %s: cannot load glyph %d", name, i)
		}
	}
	return f, nil
}

// Name is the name the font was registered under.
func (f *Font) Name() string { return f.name }

// lookupIndex reads the font's cmap; index remembers it.
func (f *Font) lookupIndex(r rune) GlyphIndex { return GlyphIndex(f.tt.Index(r)) }

// lookupAdvance reads the font's hmtx; advance remembers it.
func (f *Font) lookupAdvance(i GlyphIndex) float64 {
	return float64(f.tt.HMetric(f.unitScale, truetype.Index(i)).AdvanceWidth)
}

// lookupKern reads the kern table; kern remembers it. golang/freetype
// reads only the first subtable of a version 0 'kern' table; GPOS kerning
// (which Chromium also applies) is not available.
func (f *Font) lookupKern(a, b GlyphIndex) float64 {
	return float64(f.tt.Kern(f.unitScale, truetype.Index(a), truetype.Index(b)))
}

// load reads glyph i's unhinted outline into f.buf, in font units.
func (f *Font) load(i GlyphIndex) bool {
	return f.buf.Load(f.tt, f.unitScale, truetype.Index(i), font.HintingNone) == nil
}

// bounds returns glyph i's control box (the box around all outline points,
// as FreeType's FT_Outline_Get_CBox) in font units.
func (f *Font) bounds(i GlyphIndex) bounds {
	if b, ok := f.boxes[i]; ok {
		return b
	}
	b := bounds{empty: true}
	if f.load(i) && len(f.buf.Points) > 0 {
		r := f.buf.Bounds
		b = bounds{float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y), false}
	}
	if len(f.boxes) > 1<<16 { // a CJK-heavy game could otherwise grow this forever
		clear(f.boxes)
	}
	f.boxes[i] = b
	return b
}

// catch is deferred by every entry point that walks font data: a panic inside
// golang/freetype on a broken font becomes a call to onPanic, which zeroes
// the caller's results. See the package comment.
func catch(onPanic func()) {
	if recover() != nil {
		onPanic()
	}
}
