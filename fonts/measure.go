package fonts

import "math"

// TextMetrics mirrors the browser's TextMetrics, in px. Measure returns it
// for textAlign "left" and textBaseline "alphabetic"; Aligned shifts it for
// other settings.
type TextMetrics struct {
	Width float64 // advance width of the whole text, letter spacing included

	// Ink extents of the glyph outlines (control boxes), positive towards
	// the left, right, up and down of the alignment point. A text without
	// ink (spaces) has all four 0.
	ActualBoundingBoxLeft, ActualBoundingBoxRight     float64
	ActualBoundingBoxAscent, ActualBoundingBoxDescent float64

	FontBoundingBoxAscent, FontBoundingBoxDescent float64 // Face.Metrics
	EmHeightAscent, EmHeightDescent               float64 // the normalized em box

	// Baseline positions relative to the alignment baseline, positive up.
	HangingBaseline, AlphabeticBaseline, IdeographicBaseline float64
}

// Measure lays s out without letter spacing and measures it (ctx.measureText).
func (f *Face) Measure(s string) TextMetrics { return f.MeasureGlyphs(f.Layout(s, 0)) }

// MeasureGlyphs measures glyphs already laid out by this face's Layout, so a
// renderer that needs the width for textAlign does not lay out twice.
func (f *Face) MeasureGlyphs(glyphs []PositionedGlyph) (m TextMetrics) {
	if f == nil || f.size <= 0 {
		return TextMetrics{}
	}
	defer catch(func() { m = TextMetrics{} })
	m = TextMetrics{
		FontBoundingBoxAscent:  f.ascent,
		FontBoundingBoxDescent: f.descent,
		EmHeightAscent:         f.emAscent,
		EmHeightDescent:        f.emDescent,
		HangingBaseline:        f.ascent * 0.8,
		IdeographicBaseline:    -f.descent,
	}
	if len(glyphs) == 0 {
		return m
	}
	last := glyphs[len(glyphs)-1]
	m.Width = last.X + last.Advance

	// Union of the glyphs' boxes in px, y up; empty until the first ink.
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, g := range glyphs {
		if g.Font == nil {
			continue
		}
		b := g.Font.bounds(g.Index)
		if b.empty {
			continue
		}
		k := f.size / g.Font.upem
		minX = math.Min(minX, g.X+b.minX*k)
		maxX = math.Max(maxX, g.X+b.maxX*k)
		minY = math.Min(minY, b.minY*k-g.Y)
		maxY = math.Max(maxY, b.maxY*k-g.Y)
	}
	if minX <= maxX {
		m.ActualBoundingBoxLeft, m.ActualBoundingBoxRight = -minX, maxX
		m.ActualBoundingBoxAscent, m.ActualBoundingBoxDescent = maxY, -minY
	}
	return m
}

// Aligned returns the metrics as the browser reports them for another
// textAlign and textBaseline, as Blink's TextMetrics::Update: alignDX is how
// far left of the x passed to fillText the text starts (0 for left, Width/2
// for center, Width for right), baselineShift is Face.BaselineShift.
func (m TextMetrics) Aligned(alignDX, baselineShift float64) TextMetrics {
	m.ActualBoundingBoxLeft += alignDX
	m.ActualBoundingBoxRight -= alignDX
	m.ActualBoundingBoxAscent -= baselineShift
	m.ActualBoundingBoxDescent += baselineShift
	m.FontBoundingBoxAscent -= baselineShift
	m.FontBoundingBoxDescent += baselineShift
	m.EmHeightAscent -= baselineShift
	m.EmHeightDescent += baselineShift
	m.HangingBaseline -= baselineShift
	m.AlphabeticBaseline -= baselineShift
	m.IdeographicBaseline -= baselineShift
	return m
}
