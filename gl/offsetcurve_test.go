package gl

import (
	"math"
	"slices"
	"testing"
)

// A circle's stroke sides are built as Skia builds them: eighth-turn quads
// for a 10 px stroke of radius 70, which bulge between their ends by about
// a quarter pixel past the true offset circles (75 and 65).
func TestOffsetSideCircle(t *testing.T) {
	var p path
	p.reset()
	p.ellipse(Identity, 100, 100, 70, 70, 0, 0, 2*math.Pi, false)
	p.build() // a lone circle is deferred
	if len(p.curves) != 1 || len(p.curves[0].pieces) != 4 {
		t.Fatalf("want one arc of four conics, got %+v", p.curves)
	}
	for side, r := range map[float64]float64{1: 65, -1: 75} {
		var quads []offsetSeg
		for _, pc := range p.curves[0].pieces {
			quads = offsetSide(pc, 0, 5, side, 0.25, quads)
		}
		if len(quads) != 8 {
			t.Fatalf("side %v: %d pieces, want 8", side, len(quads))
		}
		for _, q := range quads {
			if q.line {
				t.Fatalf("side %v: a line piece", side)
			}
			mid := quadAt([3]point{q.p0, q.c, q.p2}, 0.5)
			bulge := math.Hypot(mid.x-100, mid.y-100) - r
			if want := r * 0.0031; math.Abs(bulge-want) > 0.01 {
				t.Errorf("side %v: bulge %.3f px, want %.3f", side, bulge, want)
			}
		}
	}
}

// Sides remembered from an earlier stroke, even of the curve elsewhere,
// give the ribbon a fresh build gives.
func TestCurveSidesRemembered(t *testing.T) {
	m := Matrix{A: 2, D: 2}
	st := strokeStyle{width: 4, miterLimit: 10}
	stroke := func(cs *curveSides, cx float64) []ribbon {
		var p path
		p.reset()
		p.ellipse(m, cx, 80.3, 37, 37, 0.2, 0, 2*math.Pi, false)
		p.quadTo(m, cx+40, 10, cx+60, 90)
		return strokeRibbons(&p, m, st, cs)
	}
	var cs curveSides
	stroke(&cs, 50)
	built := len(cs.cache)
	for _, cx := range []float64{50, 60} {
		got, want := stroke(&cs, cx), stroke(nil, cx)
		if len(cs.cache) != built {
			t.Errorf("x %v: the cache grew from %d to %d: the sides were built again", cx, built, len(cs.cache))
		}
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("x %v: %d ribbons, want %d", cx, len(got), len(want))
		}
		for i := range got {
			if !slices.Equal(got[i].sections, want[i].sections) {
				t.Errorf("x %v: ribbon %d differs", cx, i)
			}
			if !slices.Contains(got[i].exact, true) {
				t.Errorf("x %v: ribbon %d has no sections on the curves", cx, i)
			}
		}
	}
}

// A U-turn cubic has parallel end tangents; its stroke still follows the
// curve down to y ≈ 176, not the chord across its ends.
func TestUTurnCubicStrokeFollowsTheCurve(t *testing.T) {
	var p path
	p.reset()
	p.moveTo(Identity, 100, 100)
	p.cubicTo(Identity, 100, 200, 200, 200, 200, 100)
	for _, w := range []float64{2, 10} {
		deepest := 0.0
		for _, r := range strokeRibbons(&p, Identity, strokeStyle{width: w, miterLimit: 10}, &curveSides{}) {
			for _, s := range r.sections {
				for _, q := range s {
					deepest = math.Max(deepest, q.y)
				}
			}
		}
		if deepest < 175 {
			t.Errorf("width %v: the stroke reaches y = %.1f, want about 175 + %v", w, deepest, w/2)
		}
	}
}

// A huge circle keeps its round sides rather than a few chords.
func TestHugeCircleStrokeStaysRound(t *testing.T) {
	var p path
	p.reset()
	p.ellipse(Identity, 0, 0, 5000, 5000, 0, 0, 2*math.Pi, false)
	for _, r := range strokeRibbons(&p, Identity, strokeStyle{width: 2, miterLimit: 10}, &curveSides{}) {
		if len(r.sections) < 100 {
			t.Errorf("a circle of radius 5000 stroked with %d sections", len(r.sections))
		}
	}
}

// More curves than one cache generation holds: a second round finds them
// in the two generations instead of building them all again.
func TestCurveSidesSurviveAFullGeneration(t *testing.T) {
	var cs curveSides
	stroke := func(r float64) {
		var p path
		p.reset()
		p.ellipse(Identity, 50, 50, r, r, 0, 0, 2*math.Pi, false)
		strokeRibbons(&p, Identity, strokeStyle{width: 2, miterLimit: 10}, &cs)
	}
	n := sideCacheSize + sideCacheSize/2
	for i := 0; i < n; i++ {
		stroke(10 + float64(i)/8)
	}
	entries := func() int { // distinct: a hit in the older generation is copied into the newer
		seen := map[*sideCacheEntry]bool{}
		for _, gen := range []map[uint64]*sideCacheEntry{cs.cache, cs.older} {
			for _, e := range gen {
				seen[e] = true
			}
		}
		return len(seen)
	}
	built := entries()
	for i := n - sideCacheSize; i < n; i++ { // the latest generation's worth
		stroke(10 + float64(i)/8)
	}
	if got := entries(); got != built {
		t.Errorf("%d entries after the second round, %d before: curves were built again", got, built)
	}
}
