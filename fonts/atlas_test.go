package fonts

import (
	"image"
	"math"
	"math/rand"
	"testing"
)

// coverage sums the atlas's alpha inside r.
func coverage(a *Atlas, r image.Rectangle) int {
	sum := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			sum += int(a.Pixels().AlphaAt(x, y).A)
		}
	}
	return sum
}

// uprightGlyph draws g upright at the face's size times scale, the pen at
// x = subpixelX on the baseline, with the quad in px at scale 1: as gl
// draws text on a canvas scaled by scale.
func uprightGlyph(a *Atlas, face *Face, g PositionedGlyph, scale, subpixelX float64, hint bool) (AtlasGlyph, bool) {
	px := face.size * scale
	ag, ok := a.GlyphAt(g, Linear{A: px, D: px}, subpixelX-math.Floor(subpixelX), 0, hint)
	ag.OffX, ag.OffY, ag.W, ag.H = ag.OffX/scale, ag.OffY/scale, ag.W/scale, ag.H/scale
	return ag, ok
}

func TestAtlas2000Glyphs(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "14px sans-serif"))
	a := NewAtlas(1024)
	var text []rune
	for r := rune(0x4e00); len(text) < 2000; r++ {
		text = append(text, r)
	}
	gs := face.Layout(string(text), 0)
	if len(gs) != 2000 {
		t.Fatalf("laid out %d glyphs", len(gs))
	}
	owner := make([]int, 1024*1024) // glyph number + 1 covering each pixel, padding included
	var union image.Rectangle
	for i, g := range gs {
		ag, ok := uprightGlyph(a, face, g, 1, 0, false)
		if !ok || ag.Src.Empty() {
			t.Fatalf("glyph %d (%c) not placed", i, g.Rune)
		}
		union = union.Union(ag.Src)
		padded := image.Rectangle{ag.Src.Min, ag.Src.Max.Add(image.Pt(glyphPadding, glyphPadding))}
		for y := padded.Min.Y; y < padded.Max.Y; y++ {
			for x := padded.Min.X; x < padded.Max.X; x++ {
				if x >= 1024 || y >= 1024 {
					continue // padding may run off the page edge
				}
				if o := owner[y*1024+x]; o != 0 {
					t.Fatalf("glyph %d overlaps glyph %d at (%d,%d)", i, o-1, x, y)
				}
				owner[y*1024+x] = i + 1
			}
		}
	}
	if a.Generation() != 0 {
		t.Fatalf("atlas reset while placing 2000 glyphs")
	}
	// Nothing may be drawn outside the glyphs' rectangles.
	pix := a.Pixels()
	for i, v := range pix.Pix {
		if v != 0 && owner[i] == 0 {
			t.Fatalf("stray coverage at (%d,%d)", i%pix.Stride, i/pix.Stride)
		}
	}
	if d := a.TakeDirty(); d != union {
		t.Errorf("dirty %v; want %v", d, union)
	}
	if d := a.TakeDirty(); !d.Empty() {
		t.Errorf("second TakeDirty = %v", d)
	}
	// Cached glyphs dirty nothing; a new one dirties exactly its rectangle.
	uprightGlyph(a, face, gs[0], 1, 0, false)
	if d := a.TakeDirty(); !d.Empty() {
		t.Errorf("cached glyph dirtied %v", d)
	}
	ag, _ := uprightGlyph(a, face, gs[0], 2, 0, false)
	if d := a.TakeDirty(); d != ag.Src {
		t.Errorf("dirty %v; want %v", d, ag.Src)
	}
}

func TestAtlasPlacement(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "20px sans-serif"))
	a := NewAtlas(512)
	l := face.Layout("L", 0)[0]
	ag, ok := uprightGlyph(a, face, l, 1, 0, false)
	if !ok {
		t.Fatal("L not placed")
	}
	// "L" sits on the baseline: its quad starts about 14px above the pen
	// and ends at the baseline; its stem is on the left.
	if !(ag.OffY > -16 && ag.OffY < -12) || !near(ag.OffY+ag.H, 0, 1) || !(ag.OffX >= 0 && ag.OffX < 3) {
		t.Errorf("L quad %+v", ag)
	}
	if ag.W != float64(ag.Src.Dx()) || ag.H != float64(ag.Src.Dy()) {
		t.Errorf("at scale 1 the quad should match the bitmap: %+v", ag)
	}
	row := func(y int) int { return coverage(a, image.Rect(ag.Src.Min.X, y, ag.Src.Max.X, y+1)) }
	if top, bottom := row(ag.Src.Min.Y+1), row(ag.Src.Max.Y-1); bottom < 3*top {
		t.Errorf("L looks upside down: top row %d, bottom row %d", top, bottom)
	}

	// At scale 2 the bitmap doubles, the quad in px does not.
	ag2, _ := uprightGlyph(a, face, l, 2, 0, false)
	if !near(ag2.H, ag.H, 1) || ag2.Src.Dy() < 2*ag.Src.Dy()-2 {
		t.Errorf("scale 2: %+v vs %+v", ag2, ag)
	}

	// Subpixel offsets: pen + OffX lands on a whole device pixel, and the
	// four quarter positions are four different bitmaps.
	srcs := map[image.Rectangle]bool{}
	for _, sub := range []float64{0, 0.1, 0.25, 0.4, 0.5, 0.74, 0.9, 3.3} {
		for _, scale := range []float64{1, 3} {
			g, ok := uprightGlyph(a, face, l, scale, sub, false)
			if !ok {
				t.Fatalf("sub %v not placed", sub)
			}
			pen := sub - math.Floor(sub)
			if left := pen + g.OffX*scale; !near(left, math.Round(left), 1e-9) {
				t.Errorf("sub %v scale %v: quad left %v is not whole", sub, scale, left)
			}
			if scale == 1 {
				srcs[g.Src] = true
			}
		}
	}
	if len(srcs) != 4 {
		t.Errorf("%d distinct subpixel bitmaps; want 4", len(srcs))
	}

	// Blank glyphs and maps that are not finite or draw under a quarter
	// pixel give nothing to draw.
	space := face.Layout(" ", 0)[0]
	upright := Linear{A: 20, D: 20}
	for _, c := range []struct {
		g  PositionedGlyph
		em Linear
	}{{space, upright}, {l, Linear{}}, {l, Linear{A: math.NaN(), D: 20}}, {l, Linear{A: math.Inf(1), D: 20}},
		{l, Linear{A: 0.02, D: 0.02}}, {PositionedGlyph{}, upright}} {
		if _, ok := a.GlyphAt(c.g, c.em, 0, 0, false); ok {
			t.Errorf("GlyphAt(%q, %+v) should draw nothing", c.g.Rune, c.em)
		}
	}
}

func TestAtlasHugeGlyphIsCapped(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "100000px serif")) // clamped to 10000px
	a := NewAtlas(1024)
	g := face.Layout("W", 0)[0]
	ag, ok := uprightGlyph(a, face, g, 3, 0, false)
	if !ok {
		t.Fatal("huge glyph not placed")
	}
	if ag.Src.Dx() > 256 || ag.Src.Dy() > 256 {
		t.Errorf("huge glyph takes %v of the page", ag.Src)
	}
	// The quad still has the glyph's true size: W is ~0.94em wide.
	if !(ag.W > 8000 && ag.W < 11000) {
		t.Errorf("huge glyph quad %+v", ag)
	}
}

func TestAtlasResetWhenFull(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "24px serif"))
	a := NewAtlas(64) // room for a handful of glyphs
	gs := face.Layout("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 0)
	first, _ := uprightGlyph(a, face, gs[0], 1, 0, false)
	a.TakeDirty()
	for _, g := range gs[1:] {
		before := a.Generation()
		ag, ok := uprightGlyph(a, face, g, 1, 0, false)
		if !ok {
			t.Fatalf("%c not placed", g.Rune)
		}
		if a.Generation() != before {
			if d := a.TakeDirty(); d != a.Pixels().Rect {
				t.Errorf("after a reset dirty = %v; want the page", d)
			}
			if coverage(a, ag.Src) == 0 {
				t.Errorf("%c empty after reset", g.Rune)
			}
		}
	}
	if a.Generation() == 0 {
		t.Fatal("a 64px page never filled up")
	}
	if again, _ := uprightGlyph(a, face, gs[0], 1, 0, false); coverage(a, again.Src) == 0 || again.OffX != first.OffX {
		t.Errorf("A after reset: %+v (was %+v)", again, first)
	}
}

func TestSkylineNoOverlap(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	s := newSkyline(512, 512)
	var placed []image.Rectangle
	for i := 0; i < 3000; i++ {
		w, h := 1+rng.Intn(24), 1+rng.Intn(24)
		x, y, ok := s.insert(w, h)
		if !ok {
			continue
		}
		r := image.Rect(x, y, x+w, y+h)
		if !r.In(image.Rect(0, 0, 512, 512)) {
			t.Fatalf("%v outside the page", r)
		}
		for _, p := range placed {
			if p.Overlaps(r) {
				t.Fatalf("%v overlaps %v", r, p)
			}
		}
		placed = append(placed, r)
	}
	area := 0
	for _, r := range placed {
		area += r.Dx() * r.Dy()
	}
	if area < 512*512*7/10 {
		t.Errorf("packed only %d%% of the page", area*100/(512*512))
	}
	if _, _, ok := s.insert(513, 1); ok {
		t.Error("a rectangle wider than the page was placed")
	}
}

func BenchmarkAtlasGlyphCached(b *testing.B) {
	face := NewLibrary().Face(FontSpec{SizePx: 16, Families: []string{"sans-serif"}})
	gs := face.Layout("Score: 12345 分数", 0)
	a := NewAtlas(1024)
	for b.Loop() {
		for _, g := range gs {
			uprightGlyph(a, face, g, 2, g.X*2, false)
		}
	}
}

func TestHintSnapsCapHeightToThePixelGrid(t *testing.T) {
	lib := NewLibrary()
	spec, _ := ParseFont("20px sans-serif")
	face := lib.Face(spec)
	h := face.Layout("H", 0)[0]
	topRowMax := func(hinted bool) uint8 {
		a := NewAtlas(256)
		ag, ok := uprightGlyph(a, face, h, 1, 0, hinted)
		if !ok {
			t.Fatal("no glyph")
		}
		page := a.Pixels()
		m := uint8(0)
		for x := ag.Src.Min.X; x < ag.Src.Max.X; x++ {
			if v := page.AlphaAt(x, ag.Src.Min.Y).A; v > m {
				m = v
			}
		}
		return m
	}
	// Liberation Sans's cap height is 13.76 px at 20 px: unhinted, the top
	// row is partly covered; hinted (as Chromium draws it), fully.
	if got := topRowMax(false); got > 220 {
		t.Errorf("unhinted H top row max coverage %d, want partial", got)
	}
	if got := topRowMax(true); got < 250 {
		t.Errorf("hinted H top row max coverage %d, want full", got)
	}
}

func TestGlyphAtRasterizesUnderTheWholeMap(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "20px sans-serif"))
	l := face.Layout("l", 0)[0]
	a := NewAtlas(256)
	up, ok := a.GlyphAt(l, Linear{A: 20, D: 20}, 0, 0, false)
	// A quarter turn: text's x runs down the device, its y (down) to the left.
	turned, ok2 := a.GlyphAt(l, Linear{B: 20, C: -20}, 10.3, 5.6, false)
	if !ok || !ok2 {
		t.Fatal("not placed")
	}
	if !(up.H > 2*up.W) || !(turned.W > 2*turned.H) {
		t.Errorf("upright %+v, turned %+v: the turned l should lie flat", up, turned)
	}
	// The ascender lies right of the pen; the quad starts on whole pixels.
	if !(turned.OffX > -1 && turned.OffX+turned.W > 12) || !near(10.3+turned.OffX, math.Round(10.3+turned.OffX), 1e-9) ||
		!near(5.6+turned.OffY, math.Round(5.6+turned.OffY), 1e-9) {
		t.Errorf("turned quad %+v", turned)
	}
}

// Whether a glyph is stretched depends on its key alone: two sizes that
// key alike get the same bitmap and placement, whichever came first.
func TestGlyphAtStretchBoundaryFollowsTheKey(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "16px sans-serif"))
	f := face.Primary()
	g := PositionedGlyph{Font: f, Index: f.index('W'), Rune: 'W'}
	b := f.bounds(g.Index)
	limit := NewAtlas(64).maxGlyphExtent() - 2
	px0 := limit * f.upem / math.Max(b.maxX-b.minX, b.maxY-b.minY) // the glyph's extent is the limit here
	below := Linear{A: math.Nextafter(px0, 0), D: math.Nextafter(px0, 0)}
	above := Linear{A: math.Nextafter(px0, 100), D: math.Nextafter(px0, 100)}
	if below.fixed26() != above.fixed26() {
		t.Fatal("the two sizes do not share a key: the test checks nothing")
	}
	for _, pen := range []float64{0.3, 0.0, 5.6} {
		for _, hint := range []bool{false, true} {
			warm := NewAtlas(64)
			warm.GlyphAt(g, below, pen, 0, hint)
			got, gotOK := warm.GlyphAt(g, above, pen, 0, hint)
			want, wantOK := NewAtlas(64).GlyphAt(g, above, pen, 0, hint)
			got.Src, want.Src = got.Src.Sub(got.Src.Min), want.Src.Sub(want.Src.Min) // where in the page does not matter
			if got != want || gotOK != wantOK {
				t.Errorf("pen %v hint %v: after the size below, GlyphAt = %+v %v; a fresh atlas gives %+v %v", pen, hint, got, gotOK, want, wantOK)
			}
		}
	}
}
