package fonts

import (
	"image"
	"math"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"golang.org/x/image/vector"
)

// Atlas is a CPU-side glyph cache: one square 8-bit alpha page, skyline
// packed with 1px of padding, keyed by (font, glyph, raster size in quarter
// px, pen x offset in quarter px).
//
// When the page is full it is cleared and packing starts over; Generation
// counts these resets. A renderer that queues quads across Glyph calls must
// watch it: after a reset, quads queued before it point at glyphs that are
// gone from Pixels but still in the GPU texture, so draw them first, then
// upload TakeDirty (the whole page after a reset) and go on. One page keeps
// the renderer to a single texture and a 1024² page holds thousands of
// glyphs, so resets are rare.
type Atlas struct {
	size   int
	page   *image.Alpha
	pack   *skyline
	slots  map[glyphKey]glyphSlot
	dirty  image.Rectangle
	gen    int
	raster vector.Rasterizer
}

type glyphKey struct {
	font   *Font
	index  GlyphIndex
	quarts int32 // raster size in quarter px
	subX   uint8 // pen offset inside its pixel, in quarter px: 0..3
	hinted bool  // snapped vertically (see HintedGlyph)
}

// glyphSlot is a rasterized glyph: where it sits in the page and where its
// top-left pixel lies relative to the pixel holding the pen, y down.
type glyphSlot struct {
	src       image.Rectangle
	left, top int
}

// AtlasGlyph says where a glyph's coverage is and where to draw it.
type AtlasGlyph struct {
	Page int             // always 0: the atlas has a single page
	Src  image.Rectangle // in atlas pixels
	// The quad's top-left relative to the pen position on the baseline, and
	// its size, in px at scale 1 (multiply by the canvas scale for device
	// pixels).
	OffX, OffY, W, H float64
}

const (
	minAtlasSize = 64
	maxAtlasSize = 4096
	glyphPadding = 1 // empty pixels right and below each glyph, against bilinear bleeding
)

// NewAtlas returns an empty atlas with a size×size page, size clamped to
// 64..4096 (1024 is a good start).
func NewAtlas(size int) *Atlas {
	size = min(max(size, minAtlasSize), maxAtlasSize)
	a := &Atlas{
		size:  size,
		page:  image.NewAlpha(image.Rect(0, 0, size, size)),
		pack:  newSkyline(size, size),
		slots: make(map[glyphKey]glyphSlot),
	}
	return a
}

// Size is the page's side in pixels.
func (a *Atlas) Size() int { return a.size }

// Pixels is the page: coverage 0..255, one byte per pixel, rows Stride
// bytes apart (upload sub-rectangles with GL_UNPACK_ROW_LENGTH = Stride).
func (a *Atlas) Pixels() *image.Alpha { return a.page }

// Generation counts resets, starting at 0.
func (a *Atlas) Generation() int { return a.gen }

// TakeDirty returns the rectangle changed since the last call (empty when
// nothing changed); the renderer uploads just that.
func (a *Atlas) TakeDirty() image.Rectangle {
	r := a.dirty
	a.dirty = image.Rectangle{}
	return r
}

// Reset forgets every glyph and clears the page, as when it fills up.
func (a *Atlas) Reset() {
	clear(a.page.Pix)
	clear(a.slots)
	a.pack.reset()
	a.gen++
	a.dirty = a.page.Rect
}

// maxGlyphExtent bounds a glyph's bitmap so that huge text cannot fill the
// page: bigger glyphs are rasterized smaller and their quad stretched.
func (a *Atlas) maxGlyphExtent() float64 { return float64(a.size / 4) }

// Glyph rasterizes g (once) and returns where its coverage sits in the
// atlas and how to place it. scale is the canvas transform's scale, so text
// stays sharp on a 2x/3x canvas: the glyph is rendered at face size × scale
// device pixels. subpixelX is the pen's device x (only its fractional part
// matters); the glyph is rendered at that offset, to a quarter pixel, and
// OffX absorbs the rounding, so pen x + OffX×scale falls on a whole device
// pixel. Keep the baseline's device y whole too for crisp text. ok is false when there is nothing to
// draw: a blank glyph (space), a size or scale that is not a positive
// finite number, a glyph under a quarter pixel, or a broken font.
func (a *Atlas) Glyph(face *Face, g PositionedGlyph, scale float64, subpixelX float64) (ag AtlasGlyph, ok bool) {
	return a.glyph(face, g, scale, subpixelX, false)
}

// HintedGlyph is Glyph with the outline snapped vertically to the pixel
// grid by the font's own TrueType instructions, horizontal positions left
// exact: how Chromium renders axis-aligned text on Linux (its "slight"
// hinting puts baselines, x-heights, cap heights and horizontal stems on
// whole pixels). Rotated or skewed text is not hinted, as in Skia.
func (a *Atlas) HintedGlyph(face *Face, g PositionedGlyph, scale float64, subpixelX float64) (AtlasGlyph, bool) {
	return a.glyph(face, g, scale, subpixelX, true)
}

func (a *Atlas) glyph(face *Face, g PositionedGlyph, scale float64, subpixelX float64, hinted bool) (ag AtlasGlyph, ok bool) {
	if a == nil || face == nil || g.Font == nil || !(scale > 0) || math.IsInf(scale, 0) {
		return AtlasGlyph{}, false
	}
	defer catch(func() { ag, ok = AtlasGlyph{}, false })
	px := face.size * scale
	if !(px >= 0.25) || math.IsInf(px, 0) {
		return AtlasGlyph{}, false
	}
	b := g.Font.bounds(g.Index)
	if b.empty {
		return AtlasGlyph{}, false
	}

	// Raster size: px to a quarter pixel, unless the glyph would be too big.
	rasterPx, stretch := math.Round(px*4)/4, 1.0
	limit := a.maxGlyphExtent() - 2 // pixelBox may add a pixel on each side
	if extent := math.Max(b.maxX-b.minX, b.maxY-b.minY) * px / g.Font.upem; extent > limit {
		rasterPx = math.Max(math.Floor(px*limit/extent*4)/4, 0.25)
		stretch = px / rasterPx
	}

	// Pen offset inside its pixel, to a quarter; 4 quarters is the next pixel.
	frac := 0.0
	if stretch == 1 && !math.IsNaN(subpixelX) && !math.IsInf(subpixelX, 0) {
		frac = subpixelX - math.Floor(subpixelX)
	}
	q := int(math.Floor(frac*4 + 0.5))
	whole, sub := q/4, q%4

	key := glyphKey{font: g.Font, index: g.Index, quarts: int32(rasterPx * 4), subX: uint8(sub), hinted: hinted && stretch == 1}
	slot, ok := a.slots[key]
	if !ok {
		if slot, ok = a.rasterize(key, rasterPx); !ok {
			a.Reset()
			if slot, ok = a.rasterize(key, rasterPx); !ok {
				return AtlasGlyph{}, false
			}
		}
		a.slots[key] = slot
	}
	if slot.src.Empty() {
		return AtlasGlyph{}, false
	}
	// The bitmap was drawn with the pen sub/4 px into pixel 0; that pixel is
	// whole px right of the one holding the real pen, which sits frac into it.
	devX := float64(slot.left)*stretch + float64(whole) - frac
	return AtlasGlyph{
		Src:  slot.src,
		OffX: devX / scale,
		OffY: float64(slot.top) * stretch / scale,
		W:    float64(slot.src.Dx()) * stretch / scale,
		H:    float64(slot.src.Dy()) * stretch / scale,
	}, true
}

// rasterize draws a glyph into a free spot. ok is false only when the page
// has no room; a glyph without pixels gets an empty slot.
func (a *Atlas) rasterize(key glyphKey, rasterPx float64) (glyphSlot, bool) {
	f := key.font
	if !f.load(key.index) || len(f.buf.Points) == 0 {
		return glyphSlot{}, true
	}
	k, dx := rasterPx/f.upem, float64(key.subX)/4
	if key.hinted {
		f.hintVertically(key.index, rasterPx, k)
	}
	r := f.buf.Bounds
	b := bounds{float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y), false}
	box := pixelBox(b, k, dx)
	if box.Empty() {
		return glyphSlot{}, true
	}
	x, y, ok := a.pack.insert(box.Dx()+glyphPadding, box.Dy()+glyphPadding)
	if !ok {
		return glyphSlot{}, false
	}
	src := image.Rect(x, y, x+box.Dx(), y+box.Dy())
	drawOutline(&a.raster, a.page, src, &f.buf, k, dx, box)
	a.dirty = a.dirty.Union(src)
	return glyphSlot{src: src, left: box.Min.X, top: box.Min.Y}, true
}

// hintVertically replaces the y of every point in f.buf (unhinted, font
// units) with its hinted position at rasterPx, converted back to font units.
func (f *Font) hintVertically(i GlyphIndex, rasterPx, k float64) {
	var h truetype.GlyphBuf
	if h.Load(f.tt, fixed.Int26_6(math.Round(rasterPx*64)), truetype.Index(i), font.HintingFull) != nil ||
		len(h.Points) != len(f.buf.Points) {
		return
	}
	minY, maxY := math.Inf(1), math.Inf(-1)
	for j := range f.buf.Points {
		y := float64(h.Points[j].Y) / 64 / k
		f.buf.Points[j].Y = fixed.Int26_6(math.Round(y))
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	f.buf.Bounds.Min.Y, f.buf.Bounds.Max.Y = fixed.Int26_6(math.Floor(minY)), fixed.Int26_6(math.Ceil(maxY))
}
