package gl

import (
	"math"
	"reflect"
	"testing"
)

// A circle deferred by ellipse builds, on any later use of the path, the
// same polylines, curves and circle as one built at once.
func TestLazyCircleBuildsAsEager(t *testing.T) {
	m := Identity.Mul(Matrix{A: 2, D: 2, E: 3, F: 4})
	then := map[string]func(p *path){
		"nothing":   func(p *path) {},
		"lineTo":    func(p *path) { p.lineTo(m, 1, 2) },
		"moveTo":    func(p *path) { p.moveTo(m, 1, 2) },
		"closePath": func(p *path) { p.closePath() },
		"quadTo":    func(p *path) { p.quadTo(m, 1, 2, 30, 4) },
		"arcTo":     func(p *path) { p.arcTo(m, 1, 2, 30, 40, 5) },
		"arc":       func(p *path) { p.ellipse(m, 50, 50, 8, 8, 0, 0, 2*math.Pi, false) },
		"rect":      func(p *path) { p.rect(m, 1, 2, 3, 4) },
		"current":   func(p *path) { p.current() },
		"stroke":    func(p *path) { strokeRibbons(p, m, strokeStyle{width: 2}, nil) },
	}
	for name, op := range then {
		for _, ccw := range []bool{false, true} {
			var lazy, eager path
			start, end := 0.0, 2*math.Pi
			if ccw {
				start, end = end, start
			}
			lazy.ellipse(m, 20, 30, 7, 7, 0.3, start, end, ccw)
			if !lazy.lazy.ok {
				t.Fatalf("%s: the circle was not deferred", name)
			}
			eager.addEllipse(m, 20, 30, 7, 7, 0.3, start, end, ccw)
			op(&lazy)
			op(&eager)
			lazy.polygons()
			eager.polygons()
			if !reflect.DeepEqual(lazy.subpaths, eager.subpaths) || !reflect.DeepEqual(lazy.curves, eager.curves) ||
				lazy.open != eager.open || lazy.circle != eager.circle {
				t.Errorf("%s (ccw %v): the deferred circle built differently", name, ccw)
			}
		}
	}
}

// Circles of a pixel or less are built at once, so a lone one that
// flattens to fewer than 3 points still fills nothing.
func TestSmallCircleIsNotDeferred(t *testing.T) {
	var p path
	p.ellipse(Identity, 5, 5, 0.1, 0.1, 0, 0, 2*math.Pi, false)
	if p.lazy.ok {
		t.Fatal("a tiny circle was deferred")
	}
	if _, _, ok := p.onlyCircle(); ok {
		t.Error("a circle of one point counts as a circle to fill")
	}
}

// A path rebuilt per frame reuses its storage: once it has grown, curves
// and arcs allocate nothing.
func TestPathRebuildDoesNotAllocate(t *testing.T) {
	var p path
	build := func() {
		p.reset()
		p.moveTo(Identity, 0, 0)
		p.ellipse(Identity, 50, 50, 20, 20, 0, 0, math.Pi, false)
		p.quadTo(Identity, 10, 10, 30, 40)
		p.cubicTo(Identity, 10, 10, 30, 40, 50, 0)
		p.roundRect(Identity, 0, 0, 50, 50, [4][2]float64{{5, 5}, {5, 5}, {5, 5}, {5, 5}})
	}
	build()
	if n := testing.AllocsPerRun(10, build); n != 0 {
		t.Errorf("%v allocations per rebuild", n)
	}
}
