package gl

import (
	"math"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// path is the current default path, already flattened into device-space
// polygons: Canvas 2D transforms each point by the transform in force when
// it is added, so later transform changes do not move it.
type path struct {
	subpaths [][]point
	open     bool // the last subpath accepts more points
}

type point struct{ x, y float64 }

func (p *path) reset() {
	p.subpaths = p.subpaths[:0]
	p.open = false
}

func (p *path) moveTo(q point) {
	p.subpaths = append(p.subpaths, []point{q})
	p.open = true
}

func (p *path) lineTo(q point) {
	if !p.open {
		p.moveTo(q)
		return
	}
	last := &p.subpaths[len(p.subpaths)-1]
	*last = append(*last, q)
}

func (p *path) closePath() {
	if !p.open {
		return
	}
	first := p.subpaths[len(p.subpaths)-1][0]
	p.moveTo(first) // a new subpath starts where the closed one began
}

// curveTolerance is how far, in device pixels, a flattened curve may stray
// from the true one.
const curveTolerance = 0.2

// BeginPath empties the current path.
func (x *Context2D) BeginPath() { x.path.reset() }

// MoveTo starts a new subpath.
func (x *Context2D) MoveTo(px, py float64) {
	if allFinite(px, py) {
		x.path.moveTo(x.devicePoint(px, py))
	}
}

// LineTo adds a straight segment.
func (x *Context2D) LineTo(px, py float64) {
	if allFinite(px, py) {
		x.path.lineTo(x.devicePoint(px, py))
	}
}

// ClosePath closes the current subpath.
func (x *Context2D) ClosePath() { x.path.closePath() }

// Rect adds a closed rectangle subpath.
func (x *Context2D) Rect(rx, ry, rw, rh float64) {
	if !allFinite(rx, ry, rw, rh) {
		return
	}
	x.path.moveTo(x.devicePoint(rx, ry))
	x.path.lineTo(x.devicePoint(rx+rw, ry))
	x.path.lineTo(x.devicePoint(rx+rw, ry+rh))
	x.path.lineTo(x.devicePoint(rx, ry+rh))
	x.path.closePath()
}

// Arc adds a circular arc, joined to the current point by a line.
func (x *Context2D) Arc(cx, cy, radius, start, end float64, ccw bool) (ok bool) {
	if !allFinite(cx, cy, radius, start, end) {
		return true
	}
	if radius < 0 {
		return false // the browser throws IndexSizeError
	}
	sweep := arcSweep(start, end, ccw)
	n := x.segmentsFor(radius, sweep)
	for i := 0; i <= n; i++ {
		a := start + sweep*float64(i)/float64(n)
		s, c := math.Sincos(a)
		x.path.lineTo(x.devicePoint(cx+radius*c, cy+radius*s))
	}
	return true
}

// arcSweep is the signed angle an arc covers, per the Canvas 2D rules: a
// difference of a full turn or more draws the whole circle.
func arcSweep(start, end float64, ccw bool) float64 {
	const tau = 2 * math.Pi
	if !ccw {
		if end-start >= tau {
			return tau
		}
		d := math.Mod(end-start, tau)
		if d < 0 {
			d += tau
		}
		return d
	}
	if start-end >= tau {
		return -tau
	}
	d := math.Mod(start-end, tau)
	if d < 0 {
		d += tau
	}
	return -d
}

// segmentsFor picks how many chords approximate an arc within
// curveTolerance at the current scale.
func (x *Context2D) segmentsFor(radius, sweep float64) int {
	r := radius * x.state.m.Scale()
	if r <= curveTolerance {
		return 1
	}
	step := 2 * math.Acos(1-curveTolerance/r)
	n := int(math.Ceil(math.Abs(sweep) / step))
	return min(max(n, 1), 1024)
}

func (x *Context2D) devicePoint(px, py float64) point {
	dx, dy := x.state.m.Apply(px, py)
	return point{dx, dy}
}

// Fill fills the current path with the fill colour; evenOdd selects the
// even-odd rule instead of nonzero.
func (x *Context2D) Fill(evenOdd bool) {
	col := premul(x.state.fill, x.state.alpha)
	if col[3] == 0 {
		return
	}
	polys := x.path.polygons()
	if len(polys) == 0 {
		return
	}
	if len(polys) == 1 && isConvex(polys[0]) {
		x.fanInto(polys[0], col)
		return
	}
	x.fillStencil(polys, col, evenOdd)
}

// polygons returns the subpaths that enclose area.
func (p *path) polygons() [][]point {
	var out [][]point
	for _, sp := range p.subpaths {
		if len(sp) >= 3 {
			out = append(out, sp)
		}
	}
	return out
}

// isConvex reports whether a polygon is convex and winds once, so a
// triangle fan from its first point covers it exactly once: every turn
// goes the same way, and the edge directions' x and y components each
// change sign at most twice around the loop (a star or a doubled circle
// turns one way too, but changes sign more often).
func isConvex(poly []point) bool {
	n := len(poly)
	sign := 0.0
	xFlips, yFlips := 0, 0
	var prevDX, prevDY float64 // the previous edge of non-zero length
	var lastSX, lastSY float64 // the last non-zero x and y directions
	// Edges 0..n-1, then edge 0 again to close the cycle.
	for i := 0; i <= n; i++ {
		a, b := poly[i%n], poly[(i+1)%n]
		dx, dy := b.x-a.x, b.y-a.y
		if dx == 0 && dy == 0 {
			continue
		}
		if cross := prevDX*dy - prevDY*dx; cross != 0 {
			if sign != 0 && (cross > 0) != (sign > 0) {
				return false
			}
			sign = cross
		}
		if dx != 0 {
			if lastSX != 0 && (dx > 0) != (lastSX > 0) {
				xFlips++
			}
			lastSX = dx
		}
		if dy != 0 {
			if lastSY != 0 && (dy > 0) != (lastSY > 0) {
				yFlips++
			}
			lastSY = dy
		}
		prevDX, prevDY = dx, dy
	}
	return xFlips <= 2 && yFlips <= 2
}

// fanInto appends a convex polygon to the batch as a triangle fan.
func (x *Context2D) fanInto(poly []point, col [4]uint8) {
	r := x.r
	if len(poly) > maxBatchVerts {
		poly = poly[:maxBatchVerts]
	}
	r.use(x.c, 0, blendSourceOver, len(poly))
	base := uint16(len(r.verts))
	for _, q := range poly {
		r.verts = append(r.verts, vertex{float32(q.x), float32(q.y), -1, -1, col})
	}
	for i := 1; i+1 < len(poly); i++ {
		r.indices = append(r.indices, base, base+uint16(i), base+uint16(i+1))
	}
}

// fillStencil fills any polygons by stencil-then-cover: the fans of every
// subpath count windings into the stencil buffer, then one quad over the
// bounds draws where the rule says the winding is inside.
func (x *Context2D) fillStencil(polys [][]point, col [4]uint8, evenOdd bool) {
	r := x.r
	r.Flush()
	x.c.ensureStencil()
	r.bindTarget(x.c)
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)

	gl.Enable(gl.STENCIL_TEST)
	gl.StencilMask(0xff)
	gl.ColorMask(false, false, false, false)
	gl.StencilFunc(gl.ALWAYS, 0, 0xff)
	if evenOdd {
		gl.StencilOp(gl.KEEP, gl.KEEP, gl.INVERT)
	} else {
		gl.StencilOpSeparate(gl.FRONT, gl.KEEP, gl.KEEP, gl.INCR_WRAP)
		gl.StencilOpSeparate(gl.BACK, gl.KEEP, gl.KEEP, gl.DECR_WRAP)
	}
	r.target = x.c
	white := [4]uint8{255, 255, 255, 255}
	for _, poly := range polys {
		for len(poly) >= 3 {
			chunk := poly
			if len(chunk) > maxBatchVerts {
				chunk = chunk[:maxBatchVerts]
			}
			for _, q := range chunk {
				minX, minY = math.Min(minX, q.x), math.Min(minY, q.y)
				maxX, maxY = math.Max(maxX, q.x), math.Max(maxY, q.y)
			}
			base := uint16(len(r.verts))
			for _, q := range chunk {
				r.verts = append(r.verts, vertex{float32(q.x), float32(q.y), -1, -1, white})
			}
			for i := 1; i+1 < len(chunk); i++ {
				r.indices = append(r.indices, base, base+uint16(i), base+uint16(i+1))
			}
			r.Flush()
			r.target = x.c
			if len(poly) <= maxBatchVerts {
				break
			}
			// Continue the fan from the first point with the rest.
			rest := append([]point{poly[0]}, poly[maxBatchVerts-1:]...)
			poly = rest
		}
	}
	gl.ColorMask(true, true, true, true)
	mask := uint32(0xff)
	if evenOdd {
		mask = 1
	}
	gl.StencilFunc(gl.NOTEQUAL, 0, mask)
	gl.StencilOp(gl.ZERO, gl.ZERO, gl.ZERO) // leaves the stencil clear for the next fill
	r.blend = blendSourceOver
	v := func(px, py float64) vertex { return vertex{float32(px), float32(py), -1, -1, col} }
	r.quad(v(minX, minY), v(maxX, minY), v(minX, maxY), v(maxX, maxY))
	r.Flush()
	gl.Disable(gl.STENCIL_TEST)
}
