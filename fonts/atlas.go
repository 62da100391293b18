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
	font  *Font
	index GlyphIndex
	em    [4]int32 // the em-to-device map (Linear) in 1/64 px, as FreeType takes sizes
	subX  uint8    // pen offset inside its pixel, in quarter px: 0..3
	subY  uint8
	hint  bool // snapped vertically (see GlyphAt)
}

// Linear maps em units (x right, y down) to device pixels:
// x' = A*x + C*y, y' = B*x + D*y. Upright text of size s on a canvas
// scaled by k is {A: s*k, D: s*k}; squeezed, skewed or rotated text has
// other entries, and its glyphs are rasterized under that map, as Skia
// hands the whole matrix to FreeType.
type Linear struct{ A, B, C, D float64 }

func (m Linear) apply(x, y float64) (float64, float64) { return m.A*x + m.C*y, m.B*x + m.D*y }

func (m Linear) scaled(f float64) Linear { return Linear{m.A * f, m.B * f, m.C * f, m.D * f} }

func (m Linear) axisAligned() bool { return m.B == 0 && m.C == 0 }

func (m Linear) finite() bool { return allFinite(m.A, m.B, m.C, m.D) }

// fixed26 rounds m to 1/64 px, the key of its bitmaps.
func (m Linear) fixed26() [4]int32 {
	r := func(v float64) int32 { return int32(math.Round(v * 64)) }
	return [4]int32{r(m.A), r(m.B), r(m.C), r(m.D)}
}

func linearOf(k [4]int32) Linear {
	return Linear{float64(k[0]) / 64, float64(k[1]) / 64, float64(k[2]) / 64, float64(k[3]) / 64}
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

// maxAtlasSlots bounds the glyphs an atlas remembers: with text animated
// in scale or rotation every frame brings new keys.
const maxAtlasSlots = 1 << 16

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

// GlyphAt rasterizes g (once) under em, the map from em units to device
// pixels, with the pen at device position (penX, penY): the bitmap is
// drawn at the pen's offset inside its pixel, to a quarter pixel in each
// direction, so the returned quad (relative to the pen, in device pixels)
// starts on a whole pixel; keep penY whole for crisp upright text. hint
// snaps the outline vertically to the pixel grid (by the vertical
// autohinter, autohint.go, or the font's TrueType instructions where it
// does not apply), horizontal positions left exact: how Chromium renders
// axis-aligned text on Linux (its "slight" hinting puts baselines,
// x-heights, cap heights and horizontal stems on whole pixels). It
// applies only when em is axis-aligned: rotated or skewed text is not
// hinted, as in Skia. ok is false when there is nothing to draw: a blank
// glyph, a map that is not finite or draws under a quarter pixel, or a
// broken font.
func (a *Atlas) GlyphAt(g PositionedGlyph, em Linear, penX, penY float64, hint bool) (ag AtlasGlyph, ok bool) {
	if a == nil || g.Font == nil || !em.finite() || !allFinite(penX, penY) {
		return AtlasGlyph{}, false
	}
	defer catch(func() { ag, ok = AtlasGlyph{}, false })
	size := math.Sqrt(math.Abs(em.A*em.D - em.B*em.C))
	if !(size >= 0.25) || math.IsInf(size, 0) {
		return AtlasGlyph{}, false
	}
	// Most calls find the glyph drawn before at this size; only a miss
	// needs the outline's box.
	key := newGlyphKey(g, em, penX, penY, hint)
	if slot, found := a.slots[key]; found {
		return slot.placed(penX, penY, 1)
	}
	b := g.Font.bounds(g.Index)
	if b.empty {
		return AtlasGlyph{}, false
	}
	// A glyph too big for the page is rasterized smaller and its quad
	// stretched, at whole-pixel pen positions. That is decided on the em as
	// keyed (to 1/64 px), so a key always means the same bitmap: one that
	// needs stretching is never stored under its own em.
	stretch := 1.0
	limit := a.maxGlyphExtent() - 2 // pixelBox may add a pixel on each side
	if box := deviceBox(b, linearOf(key.em).scaled(1/g.Font.upem), 0, 0); math.Max(box.maxX-box.minX, box.maxY-box.minY) > limit {
		stretch = math.Max(box.maxX-box.minX, box.maxY-box.minY) / limit
		em = em.scaled(1 / stretch)
		penX, penY = math.Floor(penX), math.Floor(penY)
		key = newGlyphKey(g, em, penX, penY, false) // snaps would grow with the stretch
	}
	var slot glyphSlot
	found := false
	if stretch != 1 {
		slot, found = a.slots[key]
	}
	if !found {
		if len(a.slots) >= maxAtlasSlots {
			a.Reset() // empty slots take no page space, so pages alone do not bound the map
		}
		if slot, found = a.rasterize(key); !found {
			a.Reset()
			if slot, found = a.rasterize(key); !found {
				return AtlasGlyph{}, false
			}
		}
		a.slots[key] = slot
	}
	return slot.placed(penX, penY, stretch)
}

// newGlyphKey keys g's bitmap under em with the pen at (penX, penY): the
// pen's offset inside its pixel counts to a quarter pixel.
func newGlyphKey(g PositionedGlyph, em Linear, penX, penY float64, hint bool) glyphKey {
	qx, qy := quarters(penX), quarters(penY)
	return glyphKey{font: g.Font, index: g.Index, em: em.fixed26(), subX: uint8(qx % 4), subY: uint8(qy % 4),
		hint: hint && em.axisAligned()}
}

// quarters is how many quarter pixels v lies into its pixel, rounded: 0..4.
func quarters(v float64) int { return int(math.Floor((v-math.Floor(v))*4 + 0.5)) }

// placed says where the slot's bitmap goes for a pen at (penX, penY), its
// quad grown by stretch. ok is false for a glyph without pixels.
func (slot glyphSlot) placed(penX, penY, stretch float64) (AtlasGlyph, bool) {
	if slot.src.Empty() {
		return AtlasGlyph{}, false
	}
	// The bitmap was drawn with the pen sub/4 px into pixel 0; that pixel is
	// q/4 whole pixels from the one holding the real pen, which sits frac into it.
	fracX, fracY := penX-math.Floor(penX), penY-math.Floor(penY)
	return AtlasGlyph{
		Src:  slot.src,
		OffX: float64(slot.left)*stretch + float64(quarters(penX)/4) - fracX,
		OffY: float64(slot.top)*stretch + float64(quarters(penY)/4) - fracY,
		W:    float64(slot.src.Dx()) * stretch,
		H:    float64(slot.src.Dy()) * stretch,
	}, true
}

func allFinite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// rasterize draws a glyph into a free spot. ok is false only when the page
// has no room; a glyph without pixels gets an empty slot.
func (a *Atlas) rasterize(key glyphKey) (glyphSlot, bool) {
	f := key.font
	if !f.load(key.index) || len(f.buf.Points) == 0 {
		return glyphSlot{}, true
	}
	em := linearOf(key.em)
	if key.hint {
		f.hintVertically(key.index, math.Abs(em.D), math.Abs(em.A))
	}
	unit := em.scaled(1 / f.upem)
	dx, dy := float64(key.subX)/4, float64(key.subY)/4
	r := f.buf.Bounds
	b := bounds{float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y), false}
	box := deviceBox(b, unit, dx, dy).pixels()
	if box.Empty() {
		return glyphSlot{}, true
	}
	x, y, ok := a.pack.insert(box.Dx()+glyphPadding, box.Dy()+glyphPadding)
	if !ok {
		return glyphSlot{}, false
	}
	src := image.Rect(x, y, x+box.Dx(), y+box.Dy())
	ox, oy := dx-float64(box.Min.X), dy-float64(box.Min.Y)
	drawOutline(&a.raster, a.page, src, &f.buf, func(p truetype.Point) (float32, float32) {
		x, y := unit.apply(float64(p.X), -float64(p.Y)) // font units are y up
		return float32(x + ox), float32(y + oy)
	})
	a.dirty = a.dirty.Union(src)
	return glyphSlot{src: src, left: box.Min.X, top: box.Min.Y}, true
}

// hintVertically replaces the y of every point in f.buf (unhinted, font
// units) with its hinted position at ppem px per em, converted back to
// font units: by the light autohinter (autohint.go), as Chromium's FreeType
// does, else, for glyphs it leaves alone, by the font's TrueType
// instructions. xppem is the horizontal px per em: scripts the autohinter
// also hints across (CJK) are, when it equals ppem.
func (f *Font) hintVertically(i GlyphIndex, ppem, xppem float64) {
	if f.autohintVertically(i, ppem, xppem) {
		return
	}
	var h truetype.GlyphBuf
	if h.Load(f.tt, fixed.Int26_6(math.Round(ppem*64)), truetype.Index(i), font.HintingFull) != nil ||
		len(h.Points) != len(f.buf.Points) {
		return
	}
	f.setHintedY(ppem, func(j int) float64 { return float64(h.Points[j].Y) / 64 })
}

// setHintedY sets every point's y in f.buf to its hinted position, given
// in px at ppem by px(j), in font units, and the bounds' y to match.
func (f *Font) setHintedY(ppem float64, px func(j int) float64) {
	f.buf.Bounds.Min.Y, f.buf.Bounds.Max.Y = f.setHinted(ppem, px, func(p *truetype.Point) *fixed.Int26_6 { return &p.Y })
}

// setHintedX is setHintedY across (CJK glyphs are hinted on both axes).
func (f *Font) setHintedX(ppem float64, px func(j int) float64) {
	f.buf.Bounds.Min.X, f.buf.Bounds.Max.X = f.setHinted(ppem, px, func(p *truetype.Point) *fixed.Int26_6 { return &p.X })
}

// setHinted sets one coordinate of every point and returns its new range.
func (f *Font) setHinted(ppem float64, px func(j int) float64, coord func(*truetype.Point) *fixed.Int26_6) (lo, hi fixed.Int26_6) {
	k := ppem / f.upem
	minV, maxV := math.Inf(1), math.Inf(-1)
	for j := range f.buf.Points {
		v := px(j) / k
		*coord(&f.buf.Points[j]) = fixed.Int26_6(math.Round(v))
		minV, maxV = math.Min(minV, v), math.Max(maxV, v)
	}
	return fixed.Int26_6(math.Floor(minV)), fixed.Int26_6(math.Ceil(maxV))
}
