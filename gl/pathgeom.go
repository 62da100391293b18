package gl

import "math"

// path is a path already flattened into device-space polylines: Canvas 2D
// transforms each point by the transform in force when it is added, so
// every builder method takes that transform. Curves are flattened in
// device space, with a tolerance in device pixels.
type path struct {
	subpaths []subpath
	open     bool      // the last subpath accepts more points
	polys    [][]point // scratch for polygons
	circle   pathCircle
	// lazy is a full circle added to an empty path and not built yet:
	// filled alone it is drawn analytically from its centre and radius,
	// so its polyline and conics are made only if anything else uses the
	// path (see build).
	lazy lazyCircle
	// curves keeps the exact curves the polylines were flattened from, so
	// strokes can offset them as Chromium does (see offsetcurve.go);
	// curCurve is one more than the index of the curve whose points are
	// being added now, 0 between curves.
	curves   []curve
	curCurve int32
}

// pathCircle remembers a full circle that arc or ellipse added as a
// subpath of its own, so that filling a path that is just that circle
// can draw it analytically (shapes.go).
type pathCircle struct {
	ok     bool
	c      point // centre and radius in device pixels
	r      float64
	sub, n int // the subpath and its point count when the circle ended
}

// lazyCircle holds the arguments of the ellipse call that added a
// deferred circle.
type lazyCircle struct {
	ok                                   bool
	ccw                                  bool
	m                                    Matrix
	cx, cy, rx, ry, rotation, start, end float64
}

// build adds the deferred circle, if any, to the path's polylines and
// curves. Every method that reads or extends them calls it first.
func (p *path) build() {
	if !p.lazy.ok {
		return
	}
	a := p.lazy
	p.lazy.ok = false
	p.addEllipse(a.m, a.cx, a.cy, a.rx, a.ry, a.rotation, a.start, a.end, a.ccw)
}

// subpath is one polyline; closed ones end with an implicit segment back
// to their first point. seg[k] is one more than the index in path.curves
// of the curve the segment ending at pts[k] was flattened from, 0 for a
// line.
type subpath struct {
	pts    []point
	seg    []int32
	closed bool
}

type point struct{ x, y float64 }

// pointBox is the bounding box of some points; with none, min > max.
type pointBox struct{ min, max point }

func emptyBox() pointBox {
	return pointBox{point{math.Inf(1), math.Inf(1)}, point{math.Inf(-1), math.Inf(-1)}}
}

// add grows the box to take in pts.
func (b *pointBox) add(pts []point) {
	for _, q := range pts {
		b.min = point{math.Min(b.min.x, q.x), math.Min(b.min.y, q.y)}
		b.max = point{math.Max(b.max.x, q.x), math.Max(b.max.y, q.y)}
	}
}

// curveTolerance is how far, in device pixels, a flattened curve may stray
// from the true one.
const curveTolerance = 0.2

// maxCurveSegments bounds one curve, so a huge radius cannot exhaust memory.
const maxCurveSegments = 4096

func (p *path) reset() {
	p.subpaths = p.subpaths[:0]
	p.open = false
	p.curves = p.curves[:0]
	p.curCurve = 0
	p.circle.ok = false
	p.lazy.ok = false
}

// onlyCircle returns the circle the path consists of, if it is one.
// When it is, the path has at least one polygon (see Fill).
func (p *path) onlyCircle() (c point, r float64, ok bool) {
	if a := &p.lazy; a.ok {
		return dev(a.m, a.cx, a.cy), a.rx * a.m.Scale(), true
	}
	pc := p.circle
	if !pc.ok || pc.sub >= len(p.subpaths) || len(p.subpaths[pc.sub].pts) != pc.n || pc.n < 3 {
		return point{}, 0, false
	}
	for i, sp := range p.subpaths {
		if i != pc.sub && len(sp.pts) >= 3 {
			return point{}, 0, false
		}
	}
	return pc.c, pc.r, true
}

func (p *path) last() *subpath { return &p.subpaths[len(p.subpaths)-1] }

func (p *path) moveToDevice(q point) {
	p.build()
	// Reuse the storage of subpaths from before the last reset: games
	// rebuild a path per shape per frame.
	if len(p.subpaths) < cap(p.subpaths) {
		p.subpaths = p.subpaths[:len(p.subpaths)+1]
		sp := p.last()
		sp.pts, sp.closed = append(sp.pts[:0], q), false
		sp.seg = append(sp.seg[:0], 0)
	} else {
		p.subpaths = append(p.subpaths, subpath{pts: []point{q}, seg: []int32{0}})
	}
	p.open = true
}

func (p *path) lineToDevice(q point) {
	p.build()
	if !p.open {
		p.moveToDevice(q)
		return
	}
	sp := p.last()
	if n := len(sp.pts); n > 0 && sp.pts[n-1] == q {
		return // a zero-length segment adds nothing to fill or stroke
	}
	sp.pts = append(sp.pts, q)
	sp.seg = append(sp.seg, p.curCurve)
}

// current returns the last point in device space.
func (p *path) current() (point, bool) {
	p.build()
	if !p.open {
		return point{}, false
	}
	sp := p.last()
	return sp.pts[len(sp.pts)-1], true
}

func dev(m Matrix, x, y float64) point {
	dx, dy := m.Apply(x, y)
	return point{dx, dy}
}

func (p *path) moveTo(m Matrix, x, y float64) {
	if allFinite(x, y) {
		p.moveToDevice(dev(m, x, y))
	}
}

func (p *path) lineTo(m Matrix, x, y float64) {
	if allFinite(x, y) {
		p.lineToDevice(dev(m, x, y))
	}
}

// closePath marks the subpath closed; the next point starts a new subpath
// at the closed one's start, as the spec says.
func (p *path) closePath() {
	p.build()
	if !p.open {
		return
	}
	sp := p.last()
	sp.closed = true
	first := sp.pts[0]
	p.moveToDevice(first)
}

// ensureStart makes (x, y) the current point if there is none, as
// quadraticCurveTo, bezierCurveTo and arcTo require.
func (p *path) ensureStart(m Matrix, x, y float64) {
	p.build()
	if !p.open {
		p.moveTo(m, x, y)
	}
}

func (p *path) quadTo(m Matrix, cx, cy, x, y float64) {
	if !allFinite(cx, cy, x, y) {
		return
	}
	p.ensureStart(m, cx, cy)
	p0, _ := p.current()
	p1, p2 := dev(m, cx, cy), dev(m, x, y)
	// Wang's formula: segments for a degree-2 curve within tolerance.
	d := math.Hypot(p0.x-2*p1.x+p2.x, p0.y-2*p1.y+p2.y)
	n := segments(math.Sqrt(0.25 * d / curveTolerance))
	p.beginCurve(curvePiece{n: 2, p: [4]point{p0, p1, p2}, w: 1})
	defer p.endCurve()
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		p.lineToDevice(point{u*u*p0.x + 2*u*t*p1.x + t*t*p2.x, u*u*p0.y + 2*u*t*p1.y + t*t*p2.y})
	}
}

func (p *path) cubicTo(m Matrix, c1x, c1y, c2x, c2y, x, y float64) {
	if !allFinite(c1x, c1y, c2x, c2y, x, y) {
		return
	}
	p.ensureStart(m, c1x, c1y)
	p0, _ := p.current()
	p1, p2, p3 := dev(m, c1x, c1y), dev(m, c2x, c2y), dev(m, x, y)
	d := math.Max(math.Hypot(p0.x-2*p1.x+p2.x, p0.y-2*p1.y+p2.y), math.Hypot(p1.x-2*p2.x+p3.x, p1.y-2*p2.y+p3.y))
	n := segments(math.Sqrt(0.75 * d / curveTolerance))
	p.beginCurve(curvePiece{n: 3, p: [4]point{p0, p1, p2, p3}})
	defer p.endCurve()
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		a, b, c, e := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		p.lineToDevice(point{a*p0.x + b*p1.x + c*p2.x + e*p3.x, a*p0.y + b*p1.y + c*p2.y + e*p3.y})
	}
}

func segments(f float64) int {
	if !(f > 1) {
		return 1
	}
	return int(math.Min(math.Ceil(f), maxCurveSegments))
}

// ellipse adds an elliptical arc (a circle when rx == ry), joined to the
// current point by a line. It reports false for negative radii, which the
// browser rejects with an IndexSizeError.
func (p *path) ellipse(m Matrix, cx, cy, rx, ry, rotation, start, end float64, ccw bool) bool {
	if !allFinite(cx, cy, rx, ry, rotation, start, end) {
		return true
	}
	if rx < 0 || ry < 0 {
		return false
	}
	p.build()
	// A circle of more than a pixel's radius alone in the path is
	// deferred: most are filled at once, analytically. (Larger than a
	// pixel, its polyline has the 3 points that make it a polygon.)
	if !p.open && isCircle(m, rx, ry, arcSweep(start, end, ccw)) && rx*m.Scale() > 1 {
		p.lazy = lazyCircle{true, ccw, m, cx, cy, rx, ry, rotation, start, end}
		return true
	}
	p.addEllipse(m, cx, cy, rx, ry, rotation, start, end, ccw)
	return true
}

// isCircle reports whether an arc is a full circle in device space.
func isCircle(m Matrix, rx, ry, sweep float64) bool {
	return rx == ry && math.Abs(sweep) == 2*math.Pi && m.IsSimilarity()
}

// addEllipse builds the arc ellipse adds (finite, non-negative radii).
func (p *path) addEllipse(m Matrix, cx, cy, rx, ry, rotation, start, end float64, ccw bool) {
	sweep := arcSweep(start, end, ccw)
	circle := !p.open && isCircle(m, rx, ry, sweep)
	radius := rx * m.Scale()
	// Segments from the device-space radius, as for a circle.
	r := math.Max(rx, ry) * m.Scale()
	n := 1
	if r > curveTolerance {
		step := 2 * math.Acos(1-curveTolerance/r)
		n = segments(math.Abs(sweep) / step)
	}
	// Chords cut inside the curve; pushing the vertices out by half the
	// sagitta makes the polygon straddle it, so fills and strokes are not
	// shrunk by a fraction of a pixel.
	rx0, ry0 := rx, ry
	if k := math.Cos(sweep / float64(n) / 2); n > 1 && k > 0 {
		grow := 2 / (1 + k)
		rx, ry = rx*grow, ry*grow
	}
	sr, cr := math.Sincos(rotation)
	onEllipse := func(ux, uy, rx, ry float64) point {
		ex, ey := rx*ux, ry*uy
		return dev(m, cx+ex*cr-ey*sr, cy+ex*sr+ey*cr)
	}
	// Step the angle by rotating (cos, sin) rather than calling Sincos per
	// point; the ends are exact.
	ds, dc := math.Sincos(sweep / float64(n))
	s, c := math.Sincos(start)
	for i := 0; i <= n; i++ {
		if i == n {
			s, c = math.Sincos(start + sweep)
		}
		p.lineToDevice(onEllipse(c, s, rx, ry))
		if i == 0 && sweep != 0 {
			// The exact arc, as Skia builds it: conics of a quarter turn
			// from the start, then the rest.
			// (At most 5: 4 quarter turns and a rounding error.)
			var buf [5]curvePiece
			p.beginCurve(arcConics(buf[:0], start, sweep, func(ux, uy float64) point {
				return onEllipse(ux, uy, rx0, ry0)
			})...)
		}
		s, c = s*dc+c*ds, c*dc-s*ds
	}
	p.endCurve()
	if circle {
		p.circle = pathCircle{ok: true, c: dev(m, cx, cy), r: radius, sub: len(p.subpaths) - 1, n: len(p.last().pts)}
	}
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

// arcTo adds a line towards (x1, y1) ending in an arc of the given radius
// tangent to both (x0,y0)-(x1,y1) and (x1,y1)-(x2,y2), as the spec
// constructs it in user space. false means a negative radius.
func (p *path) arcTo(m Matrix, x1, y1, x2, y2, radius float64) bool {
	if !allFinite(x1, y1, x2, y2, radius) {
		return true
	}
	if radius < 0 {
		return false
	}
	p.ensureStart(m, x1, y1)
	cur, _ := p.current()
	inv, ok := m.Invert()
	if !ok {
		return true
	}
	x0, y0 := inv.Apply(cur.x, cur.y)
	// Degenerate cases draw a straight line to (x1, y1).
	d01x, d01y := x0-x1, y0-y1
	d21x, d21y := x2-x1, y2-y1
	l01, l21 := math.Hypot(d01x, d01y), math.Hypot(d21x, d21y)
	cross := d01x*d21y - d01y*d21x
	if l01 == 0 || l21 == 0 || radius == 0 || math.Abs(cross) < 1e-9*l01*l21 {
		p.lineTo(m, x1, y1)
		return true
	}
	// The angle at (x1, y1) between the two lines, and how far from it the
	// tangent points lie.
	cosA := (d01x*d21x + d01y*d21y) / (l01 * l21)
	half := math.Acos(math.Max(-1, math.Min(1, cosA))) / 2
	dist := radius / math.Tan(half)
	t0x, t0y := x1+d01x/l01*dist, y1+d01y/l01*dist
	t2x, t2y := x1+d21x/l21*dist, y1+d21y/l21*dist
	// The centre lies along the bisector, radius away from both lines.
	bx, by := d01x/l01+d21x/l21, d01y/l01+d21y/l21
	bl := math.Hypot(bx, by)
	cd := radius / math.Sin(half)
	cx, cy := x1+bx/bl*cd, y1+by/bl*cd
	a0 := math.Atan2(t0y-cy, t0x-cx)
	a1 := math.Atan2(t2y-cy, t2x-cx)
	ccw := cross > 0
	p.lineTo(m, t0x, t0y)
	p.ellipse(m, cx, cy, radius, radius, 0, a0, a1, ccw)
	return true
}

func (p *path) rect(m Matrix, x, y, w, h float64) {
	if !allFinite(x, y, w, h) {
		return
	}
	p.moveTo(m, x, y)
	p.lineTo(m, x+w, y)
	p.lineTo(m, x+w, y+h)
	p.lineTo(m, x, y+h)
	p.closePath()
}

// roundRect adds a rectangle with rounded corners; radii are
// [top-left, top-right, bottom-right, bottom-left] after the spec's
// expansion of 1 to 4 values, each an (x, y) pair for elliptical corners.
func (p *path) roundRect(m Matrix, x, y, w, h float64, radii [4][2]float64) {
	if !allFinite(x, y, w, h) {
		return
	}
	// A negative width or height mirrors the corners, as the spec says.
	if w < 0 {
		x, w = x+w, -w
		radii[0], radii[1] = radii[1], radii[0]
		radii[2], radii[3] = radii[3], radii[2]
	}
	if h < 0 {
		y, h = y+h, -h
		radii[0], radii[3] = radii[3], radii[0]
		radii[1], radii[2] = radii[2], radii[1]
	}
	// Scale all radii down together when adjacent ones overlap.
	scale := 1.0
	for _, s := range []float64{
		w / (radii[0][0] + radii[1][0]), h / (radii[1][1] + radii[2][1]),
		w / (radii[2][0] + radii[3][0]), h / (radii[3][1] + radii[0][1]),
	} {
		if s < scale {
			scale = s
		}
	}
	for i := range radii {
		radii[i][0] *= scale
		radii[i][1] *= scale
	}
	tl, tr, br, bl := radii[0], radii[1], radii[2], radii[3]
	p.moveTo(m, x+tl[0], y)
	p.lineTo(m, x+w-tr[0], y)
	p.ellipse(m, x+w-tr[0], y+tr[1], tr[0], tr[1], 0, -math.Pi/2, 0, false)
	p.lineTo(m, x+w, y+h-br[1])
	p.ellipse(m, x+w-br[0], y+h-br[1], br[0], br[1], 0, 0, math.Pi/2, false)
	p.lineTo(m, x+bl[0], y+h)
	p.ellipse(m, x+bl[0], y+h-bl[1], bl[0], bl[1], 0, math.Pi/2, math.Pi, false)
	p.lineTo(m, x, y+tl[1])
	p.ellipse(m, x+tl[0], y+tl[1], tl[0], tl[1], 0, math.Pi, 1.5*math.Pi, false)
	p.closePath()
	p.moveTo(m, x, y) // the spec leaves the current point at (x, y)
}

// polygons returns the subpaths that enclose area, reusing the path's
// scratch slice.
func (p *path) polygons() [][]point {
	p.build()
	out := p.polys[:0]
	for _, sp := range p.subpaths {
		if len(sp.pts) >= 3 {
			out = append(out, sp.pts)
		}
	}
	p.polys = out
	return out
}
