package fonts

import (
	"image"
	"image/draw"
	"math"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/vector"
)

// Glyphs are rasterized with golang.org/x/image/vector rather than
// freetype's own Face: it takes float coordinates (so the size and the
// subpixel offset are exact, not 1/64 px steps), works from a glyph index
// rather than a rune, and draws straight into the atlas page.

// box is a rectangle in device pixels, y down.
type box struct{ minX, minY, maxX, maxY float64 }

// deviceBox maps a glyph's control box b (font units, y up) by m (font
// units to px) and shifts it by (dx, dy): the box around the mapped corners.
func deviceBox(b bounds, m Linear, dx, dy float64) box {
	out := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, c := range [4][2]float64{{b.minX, b.minY}, {b.maxX, b.minY}, {b.minX, b.maxY}, {b.maxX, b.maxY}} {
		x, y := m.apply(c[0], -c[1])
		x, y = x+dx, y+dy
		out = box{math.Min(out.minX, x), math.Min(out.minY, y), math.Max(out.maxX, x), math.Max(out.maxY, y)}
	}
	return out
}

// pixels returns the whole-pixel rectangle that covers b.
func (b box) pixels() image.Rectangle {
	// Slivers thinner than this add a row or column of (almost) nothing:
	// hinted outlines stored back in whole font units overshoot the pixel
	// grid by a few thousandths.
	const sliver = 0.02
	return image.Rect(
		int(math.Floor(b.minX+sliver)), int(math.Floor(b.minY+sliver)),
		int(math.Ceil(b.maxX-sliver)), int(math.Ceil(b.maxY-sliver)),
	)
}

// drawOutline fills the outline in buf into dst at r, each point mapped
// by at to pixels relative to r's corner.
func drawOutline(z *vector.Rasterizer, dst *image.Alpha, r image.Rectangle, buf *truetype.GlyphBuf, at func(truetype.Point) (float32, float32)) {
	z.Reset(r.Dx(), r.Dy())
	z.DrawOp = draw.Src // the slot is fresh, so no need to blend
	start := 0
	for _, end := range buf.Ends {
		if end > len(buf.Points) || end <= start {
			break
		}
		contour(z, buf.Points[start:end], at)
		start = end
	}
	z.Draw(dst, r, image.Opaque, image.Point{})
}

// OutlineSink receives a glyph outline (vector.Rasterizer is one).
type OutlineSink interface {
	MoveTo(x, y float32)
	LineTo(x, y float32)
	QuadTo(bx, by, cx, cy float32)
	ClosePath()
}

// contour adds one closed TrueType contour: quadratic Béziers where two
// consecutive off-curve points imply an on-curve point halfway between them.
func contour(z OutlineSink, ps []truetype.Point, at func(truetype.Point) (float32, float32)) {
	on := func(p truetype.Point) bool { return p.Flags&1 != 0 }
	mid := func(ax, ay, bx, by float32) (float32, float32) { return (ax + bx) / 2, (ay + by) / 2 }

	// Start on an on-curve point: the first, else the last, else the
	// midpoint of the first two off-curve points.
	var sx, sy float32
	rest := ps
	switch first, last := ps[0], ps[len(ps)-1]; {
	case on(first):
		sx, sy = at(first)
		rest = ps[1:]
	case on(last):
		sx, sy = at(last)
		rest = ps[:len(ps)-1]
	default:
		fx, fy := at(first)
		lx, ly := at(last)
		sx, sy = mid(fx, fy, lx, ly)
	}
	z.MoveTo(sx, sy)
	var cx, cy float32 // pending off-curve control point
	pending := false
	for _, p := range rest {
		x, y := at(p)
		switch {
		case on(p) && pending:
			z.QuadTo(cx, cy, x, y)
			pending = false
		case on(p):
			z.LineTo(x, y)
		case pending:
			mx, my := mid(cx, cy, x, y)
			z.QuadTo(cx, cy, mx, my)
			cx, cy = x, y
		default:
			cx, cy, pending = x, y, true
		}
	}
	if pending {
		z.QuadTo(cx, cy, sx, sy)
	}
	z.ClosePath()
}

// GlyphOutline emits g's outline at the face's size to sink, in px
// relative to the pen on the baseline, y down (strokeText strokes it).
// hintPx > 0 snaps it as GlyphAt's hint does for text drawn at hintPx device
// pixels per em vertically and hintPxX across: Chromium strokes upright
// glyph outlines hinted, as its scaler hands them out.
func (f *Face) GlyphOutline(g PositionedGlyph, sink OutlineSink, hintPx, hintPxX float64) {
	if f == nil || g.Font == nil || f.size <= 0 {
		return
	}
	defer catch(func() {})
	font := g.Font
	if !font.load(g.Index) {
		return
	}
	k := f.size / font.upem
	if hintPx > 0 && !math.IsInf(hintPx, 0) {
		font.hintVertically(g.Index, hintPx, hintPxX)
	}
	at := func(p truetype.Point) (float32, float32) {
		return float32(float64(p.X) * k), float32(-float64(p.Y) * k)
	}
	start := 0
	for _, end := range font.buf.Ends {
		if end > len(font.buf.Points) || end <= start {
			break
		}
		contour(sink, font.buf.Points[start:end], at)
		start = end
	}
}
