package gl

import (
	"image"
	"math"

	"github.com/go-gl/gl/v3.3-core/gl"
	"github.com/minisim/minisim/fonts"
)

// glyphCache is the GPU side of the fonts atlas: one 8-bit texture that
// receives the atlas's dirty rectangle after new glyphs are rasterized.
// Text quads batch with everything else drawn from it.
type glyphCache struct {
	atlas *fonts.Atlas
	tex   uint32
	gen   int
	quads []glyphQuad // scratch, reused across calls
}

type glyphQuad struct {
	ag     fonts.AtlasGlyph
	dx, dy float64 // device-space position of the quad's top-left
}

const glyphAtlasSize = 1024

func newGlyphCache() *glyphCache {
	c := &glyphCache{atlas: fonts.NewAtlas(glyphAtlasSize)}
	gl.GenTextures(1, &c.tex)
	gl.BindTexture(gl.TEXTURE_2D, c.tex)
	n := int32(c.atlas.Size())
	gl.TexImage2D(gl.TEXTURE_2D, 0, gl.R8, n, n, 0, gl.RED, gl.UNSIGNED_BYTE, nil)
	setSampling(true)
	// Coverage c samples as premultiplied white (c, c, c, c), so the shared
	// shader's texture × colour gives tinted text.
	swizzle := []int32{gl.RED, gl.RED, gl.RED, gl.RED}
	gl.TexParameteriv(gl.TEXTURE_2D, gl.TEXTURE_SWIZZLE_RGBA, &swizzle[0])
	c.upload(c.atlas.Pixels().Rect)
	return c
}

func (c *glyphCache) upload(r image.Rectangle) {
	if r.Empty() {
		return
	}
	page := c.atlas.Pixels()
	gl.BindTexture(gl.TEXTURE_2D, c.tex)
	gl.PixelStorei(gl.UNPACK_ALIGNMENT, 1)
	gl.PixelStorei(gl.UNPACK_ROW_LENGTH, int32(page.Stride))
	off := page.PixOffset(r.Min.X, r.Min.Y)
	gl.TexSubImage2D(gl.TEXTURE_2D, 0, int32(r.Min.X), int32(r.Min.Y), int32(r.Dx()), int32(r.Dy()),
		gl.RED, gl.UNSIGNED_BYTE, gl.Ptr(page.Pix[off:]))
	gl.PixelStorei(gl.UNPACK_ROW_LENGTH, 0)
}

// textLayout is a string laid out for drawing or measuring under the
// current font, alignment and baseline.
type textLayout struct {
	face    *fonts.Face
	glyphs  []fonts.PositionedGlyph
	width   float64
	alignDX float64 // how far left of x the text starts
	shift   float64 // how far below y the alphabetic baseline lies
}

func (x *Context2D) layoutText(lib *fonts.Library, text string) textLayout {
	face := lib.Face(x.state.font)
	glyphs := face.Layout(text, x.state.letterSpacing)
	t := textLayout{face: face, glyphs: glyphs}
	if n := len(glyphs); n > 0 {
		t.width = glyphs[n-1].X + glyphs[n-1].Advance
	}
	align := x.state.textAlign
	if x.state.rtl { // start and end follow the direction
		switch align {
		case AlignStart:
			align = AlignRight
		case AlignEnd:
			align = AlignLeft
		}
	}
	switch align {
	case AlignRight, AlignEnd:
		t.alignDX = t.width
	case AlignCenter:
		t.alignDX = t.width / 2
	}
	t.shift = face.BaselineShift(baselineNames[x.state.baseline])
	return t
}

// Indexed by TextBaseline.
var baselineNames = [...]string{"alphabetic", "top", "hanging", "middle", "ideographic", "bottom"}

// MeasureText measures text in the current font (ctx.measureText).
func (x *Context2D) MeasureText(lib *fonts.Library, text string) fonts.TextMetrics {
	t := x.layoutText(lib, text)
	return t.face.MeasureGlyphs(t.glyphs).Aligned(t.alignDX, t.shift)
}

// FillText draws text with the fill colour; text wider than maxWidth is
// squeezed horizontally to fit, as browsers do.
func (x *Context2D) FillText(lib *fonts.Library, text string, px, py, maxWidth float64) {
	t, m, ok := x.placeText(lib, text, px, py, maxWidth)
	if !ok {
		return
	}
	col, ok := x.beginPaint(x.state.fill)
	if !ok {
		return
	}
	cache := x.r.glyphs
	quads := x.gatherGlyphs(cache, t, m)
	if cache.atlas.Generation() != cache.gen {
		// The atlas filled up and started over while this text was being
		// rasterized: draw what is queued from the old page, then redo.
		x.r.Flush()
		cache.gen = cache.atlas.Generation()
		quads = x.gatherGlyphs(cache, t, m)
	}
	cache.upload(cache.atlas.TakeDirty())
	if len(quads) == 0 { // only spaces: no glyph batch to open
		x.finishDraw()
		return
	}

	x.r.use(x.dst(), cache.tex, glyphKind(quads), x.drawBlend(), 4*len(quads))
	inv := 1 / float64(cache.atlas.Size())
	for _, q := range quads {
		ag := q.ag
		u0, v0 := float32(float64(ag.Src.Min.X)*inv), float32(float64(ag.Src.Min.Y)*inv)
		u1, v1 := float32(float64(ag.Src.Max.X)*inv), float32(float64(ag.Src.Max.Y)*inv)
		x0, y0 := float32(q.dx), float32(q.dy)
		x1, y1 := float32(q.dx+ag.W), float32(q.dy+ag.H)
		x.r.quad(vertex{x0, y0, u0, v0, col}, vertex{x1, y0, u1, v0, col},
			vertex{x0, y1, u0, v1, col}, vertex{x1, y1, u1, v1, col})
	}
	x.finishDraw()
}

// glyphKind is kindGlyph when every quad shows its atlas texels 1:1 (on
// whole pixels, as gatherGlyphs places them), else kindImage, which
// filters.
func glyphKind(quads []glyphQuad) batchKind {
	for _, q := range quads {
		if q.ag.W != float64(q.ag.Src.Dx()) || q.ag.H != float64(q.ag.Src.Dy()) {
			return kindImage
		}
	}
	return kindGlyph
}

// placeText lays text out and returns the matrix of text space (origin at
// the text's start on the alphabetic baseline, squeezed to maxWidth as
// browsers do); ok is false when nothing would be drawn.
func (x *Context2D) placeText(lib *fonts.Library, text string, px, py, maxWidth float64) (t textLayout, m Matrix, ok bool) {
	if !allFinite(px, py) || math.IsNaN(maxWidth) || maxWidth <= 0 || text == "" {
		return t, m, false
	}
	t = x.layoutText(lib, text)
	if len(t.glyphs) == 0 {
		return t, m, false
	}
	squeeze := 1.0
	if t.width > maxWidth {
		squeeze = maxWidth / t.width
	}
	m = x.state.m.Mul(Matrix{A: squeeze, D: 1, E: px - t.alignDX*squeeze, F: py + t.shift})
	return t, m, true
}

// gatherGlyphs rasterizes (or finds) every glyph of t under the text
// matrix m, as Skia does: the outline is mapped by m's linear part, drawn
// at the pen's subpixel offset and placed on whole device pixels. Upright
// text keeps its baseline on a whole pixel and is hinted.
func (x *Context2D) gatherGlyphs(cache *glyphCache, t textLayout, m Matrix) []glyphQuad {
	quads := cache.quads[:0]
	s := t.face.Size()
	em := fonts.Linear{A: m.A * s, B: m.B * s, C: m.C * s, D: m.D * s}
	upright := m.IsAxisAligned()
	for _, g := range t.glyphs {
		penX, penY := m.Apply(g.X, 0)
		if upright {
			penY = math.Round(penY)
		}
		ag, ok := cache.atlas.GlyphAt(g, em, penX, penY, upright)
		if !ok {
			continue
		}
		// The atlas baked the subpixel offset in: this lands on a whole pixel.
		quads = append(quads, glyphQuad{ag: ag, dx: math.Round(penX + ag.OffX), dy: math.Round(penY + ag.OffY)})
	}
	cache.quads = quads
	return quads
}

// StrokeText outlines text with the stroke paint and line style.
func (x *Context2D) StrokeText(lib *fonts.Library, text string, px, py, maxWidth float64) {
	t, m, ok := x.placeText(lib, text, px, py, maxWidth)
	if !ok {
		return
	}
	var p path
	for _, g := range t.glyphs {
		dx, hintPx, hintPxX := g.X, 0.0, 0.0
		if m.IsAxisAligned() && m.A != 0 {
			// Upright: hinted, pen x on quarter pixels, as for filled glyphs
			// (the baseline y is left as given, not rounded as fillText does).
			dx = (snapQuarter(m.A*g.X+m.E) - m.E) / m.A
			hintPx, hintPxX = t.face.Size()*math.Abs(m.D), t.face.Size()*math.Abs(m.A)
		}
		t.face.GlyphOutline(g, &pathSink{p: &p, m: m, dx: dx}, hintPx, hintPxX)
	}
	saved := x.path
	x.path = p
	x.Stroke()
	x.path = saved
}

// pathSink adds a glyph outline (text space, pen at dx) to a path.
type pathSink struct {
	p  *path
	m  Matrix
	dx float64
}

func (s *pathSink) MoveTo(x, y float32) { s.p.moveTo(s.m, s.dx+float64(x), float64(y)) }
func (s *pathSink) LineTo(x, y float32) { s.p.lineTo(s.m, s.dx+float64(x), float64(y)) }
func (s *pathSink) QuadTo(bx, by, cx, cy float32) {
	s.p.quadTo(s.m, s.dx+float64(bx), float64(by), s.dx+float64(cx), float64(cy))
}
func (s *pathSink) ClosePath() { s.p.closePath() }
