package gl

import "math"

// Edges are antialiased the way NanoVG does it: a polygon is filled inset
// by half a pixel, and a one-pixel fringe runs along its outline from full
// colour on the inset side to transparent on the outset side. For an edge
// that crosses a pixel, that ramp is the pixel's coverage, as a browser's
// rasterizer computes it.

// aaOutline is a polygon with its inset and outset rings.
type aaOutline struct {
	inner, outer []point
}

// fringeWidth is how wide the coverage ramp is, in device pixels.
const fringeWidth = 1.0

// maxMiterScale keeps the offset at very sharp corners from shooting off.
const maxMiterScale = 600

// outline computes the rings of poly, offset half the fringe inwards and
// outwards along each vertex's miter direction, into scratch's storage.
func outline(poly []point, scratch *aaOutline) aaOutline {
	n := len(poly)
	o := aaOutline{inner: grow(scratch.inner, n), outer: grow(scratch.outer, n)}
	scratch.inner, scratch.outer = o.inner, o.outer
	// The polygon's own winding decides which side is outside.
	area := 0.0
	for i := 0; i < n; i++ {
		a, b := poly[i], poly[(i+1)%n]
		area += a.x*b.y - b.x*a.y
	}
	side := 1.0
	if area < 0 {
		side = -1
	}
	normal := func(a, b point) point {
		dx, dy := b.x-a.x, b.y-a.y
		l := math.Sqrt(dx*dx + dy*dy)
		if l == 0 {
			return point{}
		}
		return point{side * dy / l, -side * dx / l}
	}
	half := fringeWidth / 2
	for i := 0; i < n; i++ {
		prev, cur, next := poly[(i+n-1)%n], poly[i], poly[(i+1)%n]
		n0, n1 := normal(prev, cur), normal(cur, next)
		dm := point{(n0.x + n1.x) / 2, (n0.y + n1.y) / 2}
		if d2 := dm.x*dm.x + dm.y*dm.y; d2 > 1e-6 {
			s := math.Min(1/d2, maxMiterScale)
			dm.x, dm.y = dm.x*s, dm.y*s
		}
		o.inner[i] = point{cur.x - dm.x*half, cur.y - dm.y*half}
		o.outer[i] = point{cur.x + dm.x*half, cur.y + dm.y*half}
	}
	return o
}

// grow returns buf resized to n, reallocating only when it is too small.
func grow(buf []point, n int) []point {
	if cap(buf) < n {
		return make([]point, n)
	}
	return buf[:n]
}

// appendFan adds a convex polygon as a triangle fan to the batch.
func (r *Renderer) appendFan(poly []point, col [4]uint8) {
	base := uint16(len(r.verts))
	for _, q := range poly {
		r.verts = append(r.verts, vertex{float32(q.x), float32(q.y), -1, -1, col})
	}
	for i := 1; i+1 < len(poly); i++ {
		r.indices = append(r.indices, base, base+uint16(i), base+uint16(i+1))
	}
}

// appendFringe adds the coverage ramp between the rings of o.
func (r *Renderer) appendFringe(o aaOutline, col [4]uint8) {
	r.fringeIndices(r.appendRings(o, col), len(o.inner))
}

// appendRings adds the rings' vertices interleaved (inner opaque, outer
// clear) and returns the first one's index.
func (r *Renderer) appendRings(o aaOutline, col [4]uint8) uint16 {
	base := uint16(len(r.verts))
	clear := [4]uint8{}
	for i := range o.inner {
		r.verts = append(r.verts,
			vertex{float32(o.inner[i].x), float32(o.inner[i].y), -1, -1, col},
			vertex{float32(o.outer[i].x), float32(o.outer[i].y), -1, -1, clear})
	}
	return base
}

// fringeIndices joins n interleaved ring vertex pairs into the ramp.
func (r *Renderer) fringeIndices(base uint16, n int) {
	for i := 0; i < n; i++ {
		a, b := base+uint16(2*i), base+uint16(2*((i+1)%n))
		r.indices = append(r.indices, a, a+1, b, b, a+1, b+1)
	}
}

// fillConvexAA fills a convex polygon with antialiased edges, batched.
func (x *Context2D) fillConvexAA(poly []point, col [4]uint8, blend blendMode) {
	if len(poly) < 3 {
		return
	}
	if 2*len(poly) > maxBatchVerts {
		poly = poly[:maxBatchVerts/2]
	}
	o := outline(poly, &x.r.outlineScratch)
	r := x.r
	r.use(x.dst(), 0, kindSolid, blend, 2*len(poly))
	// One set of ring vertices serves both the fan and the fringe.
	n := len(o.inner)
	base := r.appendRings(o, col)
	for i := 1; i+1 < n; i++ {
		r.indices = append(r.indices, base, base+uint16(2*i), base+uint16(2*i+2))
	}
	r.fringeIndices(base, n)
}

// pixelAligned reports whether a device-space rectangle's edges fall on
// whole pixels, where antialiasing changes nothing and a plain quad will do.
func pixelAligned(vals ...float64) bool {
	for _, v := range vals {
		if v != math.Round(v) {
			return false
		}
	}
	return true
}
