package fonts

import (
	"math"
	"slices"
	"testing"
)

// At 30 px the light autohinter shrinks Liberation Sans by about 0.9% so
// that the x-height overshoot lands on a whole pixel; the H then spans 20
// rows from the baseline, as in Chromium (the TrueType instructions give 21).
func TestAutohintXHeightScale(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "30px sans-serif"))
	font := face.Primary()
	m, _ := font.autohintFor(font.index('x'))
	if m == nil {
		t.Fatal("no latin zones")
	}
	nominal := 30 / font.upem
	if s := m.ahScale(30, font.upem); !(s < nominal && s > 0.98*nominal) {
		t.Errorf("scale %v, want a little under %v", s, nominal)
	}
	h := font.index('H')
	if !font.load(h) || !font.autohintVertically(h, 30, 30) {
		t.Fatal("H not autohinted")
	}
	top := float64(font.buf.Bounds.Max.Y) * nominal
	if math.Abs(top-20) > 0.05 {
		t.Errorf("H top at %.3f px, want 20", top)
	}
	// Ideographs take the CJK rules, which measure their own zones.
	cjk := NewLibrary().Face(mustParse(t, "30px sans-serif")).Layout("你", 0)
	if len(cjk) != 1 {
		t.Fatalf("你 laid out as %d glyphs", len(cjk))
	}
	f := cjk[0].Font
	if !f.load(cjk[0].Index) || !f.autohintVertically(cjk[0].Index, 30, 30) {
		t.Fatal("ideograph not autohinted")
	}
	if m := f.ah.cjk; m == nil || len(m.blues) != 2 {
		t.Errorf("CJK zones %v, want top and bottom", m)
	}
	// Square, x moves; stretched across (ctx.scale(2, 1)), x stays exact.
	xsAfter := func(xppem float64) []int32 {
		f.load(cjk[0].Index)
		f.autohintVertically(cjk[0].Index, 30, xppem)
		var xs []int32
		for _, p := range f.buf.Points {
			xs = append(xs, int32(p.X))
		}
		return xs
	}
	f.load(cjk[0].Index)
	var unhinted []int32
	for _, p := range f.buf.Points {
		unhinted = append(unhinted, int32(p.X))
	}
	if slices.Equal(xsAfter(30), unhinted) {
		t.Error("square: no x moved")
	}
	if !slices.Equal(xsAfter(60), unhinted) {
		t.Error("stretched across: x was hinted at the vertical size")
	}
}
