package gl

import (
	"math"
	"math/bits"
)

// Chromium strokes a curve by building each side of the stroke out of
// quadratic Béziers: a piece of the side runs from the offset point at one
// curve parameter to the offset point at another, its control point where
// the offset tangents there cross, and a piece is halved until the offset
// point half way along lies within a quarter device pixel of it. Those
// quads bulge outwards between their ends (up to about 0.23 px on a
// circle of radius 75), and the stroke shows it. The path keeps the exact
// curves here so that strokes can place their edges on the same quads.

// curvePiece is one conic (n == 2, weight w; w == 1 is a quadratic) or
// cubic (n == 3) Bézier, points in device space while in a path.
type curvePiece struct {
	n int
	p [4]point
	w float64
}

// curve is what one path call drew: a quadratic, a cubic, or an arc as
// conics.
type curve struct{ pieces []curvePiece }

// beginCurve records a curve; the segments added until endCurve belong to
// it.
func (p *path) beginCurve(pieces ...curvePiece) {
	if len(pieces) == 0 {
		return
	}
	p.curves = append(p.curves, curve{pieces: pieces})
	p.curCurve = int32(len(p.curves))
}

func (p *path) endCurve() { p.curCurve = 0 }

// arcConics splits an arc of the unit circle into conics as Skia does:
// quarter turns from the start angle, then what is left; at maps a point
// of the unit circle to the device.
func arcConics(start, sweep float64, at func(ux, uy float64) point) []curvePiece {
	var out []curvePiece
	a := start
	left := math.Abs(sweep)
	sign := math.Copysign(1, sweep)
	for left > 1e-9 {
		step := math.Min(left, math.Pi/2)
		h := step / 2
		b := a + sign*step
		ms, mc := math.Sincos(a + sign*h)
		cosH := math.Cos(h)
		s0, c0 := math.Sincos(a)
		s1, c1 := math.Sincos(b)
		out = append(out, curvePiece{n: 2, w: cosH, p: [4]point{
			at(c0, s0), at(mc/cosH, ms/cosH), at(c1, s1)}})
		a, left = b, left-step
	}
	return out
}

// mapped returns the piece with its points mapped through m.
func (c curvePiece) mapped(m Matrix) curvePiece {
	for i := 0; i <= c.n; i++ {
		c.p[i] = dev(m, c.p[i].x, c.p[i].y)
	}
	return c
}

// eval returns the point at t and a vector along the tangent there.
func (c curvePiece) eval(t float64) (point, point) {
	p := c.p
	u := 1 - t
	if c.n == 3 {
		a, b, cc, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		pt := point{a*p[0].x + b*p[1].x + cc*p[2].x + d*p[3].x, a*p[0].y + b*p[1].y + cc*p[2].y + d*p[3].y}
		// Derivative / 3.
		e, f, g := u*u, 2*u*t, t*t
		tan := point{e*(p[1].x-p[0].x) + f*(p[2].x-p[1].x) + g*(p[3].x-p[2].x),
			e*(p[1].y-p[0].y) + f*(p[2].y-p[1].y) + g*(p[3].y-p[2].y)}
		if tan.x == 0 && tan.y == 0 {
			if t < 0.5 {
				tan = point{p[2].x - p[0].x, p[2].y - p[0].y}
			} else {
				tan = point{p[3].x - p[1].x, p[3].y - p[1].y}
			}
		}
		return pt, tan
	}
	// A rational quadratic: N(t)/D(t); its derivative points along
	// N'D - ND'.
	w := c.w
	nx := u*u*p[0].x + 2*w*u*t*p[1].x + t*t*p[2].x
	ny := u*u*p[0].y + 2*w*u*t*p[1].y + t*t*p[2].y
	d := u*u + 2*w*u*t + t*t
	dnx := 2 * (-u*p[0].x + w*(u-t)*p[1].x + t*p[2].x)
	dny := 2 * (-u*p[0].y + w*(u-t)*p[1].y + t*p[2].y)
	dd := 2 * (-u + w*(u-t) + t)
	tan := point{dnx*d - nx*dd, dny*d - ny*dd}
	if tan.x == 0 && tan.y == 0 {
		tan = point{p[2].x - p[0].x, p[2].y - p[0].y}
	}
	return point{nx / d, ny / d}, tan
}

// offsetAt is the point hw to the left (side 1) or right (side -1) of the
// curve at t, with the tangent direction there.
func (c curvePiece) offsetAt(t, hw, side float64) (point, point) {
	pt, tan := c.eval(t)
	l := math.Hypot(tan.x, tan.y)
	ux, uy := tan.x/l, tan.y/l
	return point{pt.x - side*uy*hw, pt.y + side*ux*hw}, point{ux, uy}
}

// offsetSeg is one piece of a stroke side: a quadratic from p0 through
// control c to p2, or the line p0-p2.
type offsetSeg struct {
	line      bool
	p0, c, p2 point
}

// offsetSide builds one side of the stroke of piece c, half width hw, as
// Skia's stroker does; tol is a quarter device pixel in stroke space.
//
// Skia gives up past 33 halvings; here the halving stops then, or when the
// side has maxOffsetPieces pieces, so a pathological curve costs little.
func offsetSide(c curvePiece, hw, side, tol float64, out []offsetSeg) []offsetSeg {
	budget := maxOffsetPieces
	var rec func(t0, t1 float64, depth int)
	rec = func(t0, t1 float64, depth int) {
		budget--
		a, ta := c.offsetAt(t0, hw, side)
		b, tb := c.offsetAt(t1, hw, side)
		res, ctrl := fitOffsetQuad(c, a, ta, b, tb, (t0+t1)/2, hw, side, tol)
		if res == fitSplit && depth < 33 && budget > 0 {
			rec(t0, (t0+t1)/2, depth+1)
			rec((t0+t1)/2, t1, depth+1)
			return
		}
		if res == fitQuad {
			out = append(out, offsetSeg{p0: a, c: ctrl, p2: b})
		} else {
			out = append(out, offsetSeg{line: true, p0: a, p2: b})
		}
	}
	rec(0, 1, 0)
	return out
}

// maxOffsetPieces bounds the work on one side of one curve piece.
const maxOffsetPieces = 1024

const (
	fitQuad = iota
	fitLine
	fitSplit
)

// fitOffsetQuad tries the quad from a (tangent ta) to b (tangent tb), its
// control point where the tangents cross, against the true offset point
// at mid: it fits when that point lies within tol of the quad's middle, or
// within a tolerance that shrinks towards the quad's ends of where the
// normal through it meets the quad.
func fitOffsetQuad(c curvePiece, a, ta, b, tb point, mid, hw, side, tol float64) (int, point) {
	denom := ta.x*tb.y - ta.y*tb.x
	if denom == 0 || math.IsNaN(denom) {
		return fitLine, point{}
	}
	abx, aby := a.x-b.x, a.y-b.y
	numA := tb.x*aby - tb.y*abx
	numB := ta.x*aby - ta.y*abx
	if (numA >= 0) == (numB >= 0) {
		// The tangents cross behind an end: a line will do if each end
		// is close to the other's tangent.
		bt, at := point{b.x + tb.x, b.y + tb.y}, point{a.x + ta.x, a.y + ta.y}
		if math.Max(distToLine(a, b, bt), distToLine(b, a, at)) <= tol {
			return fitLine, point{}
		}
		return fitSplit, point{}
	}
	k := numA / denom
	if !(math.Abs(k) < 4096*hw) {
		return fitLine, point{} // parallel, for all practical purposes
	}
	ctrl := point{a.x + ta.x*k, a.y + ta.y*k}
	q := [3]point{a, ctrl, b}
	on, _ := c.eval(mid)
	ray, _ := c.offsetAt(mid, hw, side)
	if m := quadAt(q, 0.5); math.Hypot(ray.x-m.x, ray.y-m.y) <= tol {
		if sharpTurn(q) {
			return fitSplit, ctrl
		}
		return fitQuad, ctrl
	}
	minX := math.Min(a.x, math.Min(ctrl.x, b.x))
	maxX := math.Max(a.x, math.Max(ctrl.x, b.x))
	minY := math.Min(a.y, math.Min(ctrl.y, b.y))
	maxY := math.Max(a.y, math.Max(ctrl.y, b.y))
	if ray.x+tol < minX || ray.x-tol > maxX || ray.y+tol < minY || ray.y-tol > maxY {
		return fitSplit, ctrl
	}
	// Where the normal at mid crosses the quad.
	dir := point{ray.x - on.x, ray.y - on.y}
	roots := lineQuadRoots(on, dir, q)
	if len(roots) != 1 {
		return fitSplit, ctrl
	}
	m := quadAt(q, roots[0])
	allow := tol * (1 - math.Abs(roots[0]-0.5)*2)
	if math.Hypot(ray.x-m.x, ray.y-m.y) <= allow {
		if sharpTurn(q) {
			return fitSplit, ctrl
		}
		return fitQuad, ctrl
	}
	return fitSplit, ctrl
}

// sharpTurn reports whether a quad's control arms, made equally long,
// point the same way: the quad doubles back on itself.
func sharpTurn(q [3]point) bool {
	s := point{q[1].x - q[0].x, q[1].y - q[0].y}
	l := point{q[1].x - q[2].x, q[1].y - q[2].y}
	ls, ll := math.Hypot(s.x, s.y), math.Hypot(l.x, l.y)
	if ls == 0 || ll == 0 {
		return false
	}
	return s.x*l.x+s.y*l.y > 0
}

// distToLine is the distance from q to the line through a and b.
func distToLine(q, a, b point) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return math.Hypot(q.x-a.x, q.y-a.y)
	}
	return math.Abs((q.x-a.x)*dy-(q.y-a.y)*dx) / l
}

func quadAt(q [3]point, t float64) point {
	u := 1 - t
	return point{u*u*q[0].x + 2*u*t*q[1].x + t*t*q[2].x, u*u*q[0].y + 2*u*t*q[1].y + t*t*q[2].y}
}

// lineQuadRoots returns the parameters in [0, 1] where the quad crosses
// the line through o along dir.
func lineQuadRoots(o, dir point, q [3]point) []float64 {
	var r [3]float64
	for i := range q {
		r[i] = (q[i].y-o.y)*dir.x - (q[i].x-o.x)*dir.y
	}
	// r(t) = A t² + B t + C
	A := r[0] - 2*r[1] + r[2]
	B := 2 * (r[1] - r[0])
	C := r[0]
	var out []float64
	add := func(t float64) {
		if t >= -1e-9 && t <= 1+1e-9 {
			out = append(out, math.Max(0, math.Min(1, t)))
		}
	}
	if math.Abs(A) < 1e-12*(math.Abs(B)+math.Abs(C)+1e-300) {
		if B != 0 {
			add(-C / B)
		}
		return out
	}
	disc := B*B - 4*A*C
	if disc < 0 {
		return out
	}
	sq := math.Sqrt(disc)
	// The numerically stable pair.
	qq := -0.5 * (B + math.Copysign(sq, B))
	t0 := qq / A
	add(t0)
	if qq != 0 {
		if t1 := C / qq; t1 != t0 {
			add(t1)
		}
	}
	return out
}

// sideHit is how far from o along the unit vector dir the side made of
// segs is, choosing the crossing nearest want and no further than slack
// from it; false when there is none. The segments near start (where the
// last ray hit: rays come in order along the curve) are tried first; at
// is the segment hit.
func sideHit(segs []offsetSeg, o, dir point, want, slack float64, start int) (dist float64, at int, ok bool) {
	best, bestAt, found := 0.0, 0, false
	try := func(k int) {
		g := segs[k]
		ctrl := g.c
		if g.line {
			ctrl = point{(g.p0.x + g.p2.x) / 2, (g.p0.y + g.p2.y) / 2}
		}
		q := [3]point{g.p0, ctrl, g.p2}
		for _, t := range lineQuadRoots(o, dir, q) {
			h := quadAt(q, t)
			s := (h.x-o.x)*dir.x + (h.y-o.y)*dir.y
			if s > 0 && math.Abs(s-want) <= slack && (!found || math.Abs(s-want) < math.Abs(best-want)) {
				best, bestAt, found = s, k, true
			}
		}
	}
	const window = 4
	lo, hi := max(0, start-window), min(len(segs), start+window+1)
	for k := lo; k < hi; k++ {
		try(k)
	}
	if !found {
		for k := range segs {
			if k < lo || k >= hi {
				try(k)
			}
		}
	}
	return best, bestAt, found
}

// curveSides are the stroke sides of a path's curves in stroke (user)
// space, built when first asked for.
type curveSides struct {
	curves  []curve // user space
	sides   [][2][]offsetSeg
	built   []bool
	cursor  [][2]int // per curve and side, the segment the last ray hit
	hw, tol float64
	m, inv  Matrix // user to device and back
}

// newCurveSides takes the path's curves back to user space through inv;
// resScale is how much the transform enlarges lengths at most, as Skia
// measures it for stroking.
func newCurveSides(curves []curve, m, inv Matrix, hw float64) *curveSides {
	cs := &curveSides{curves: make([]curve, len(curves)), sides: make([][2][]offsetSeg, len(curves)),
		built: make([]bool, len(curves)), cursor: make([][2]int, len(curves)), hw: hw, tol: 1 / (4 * strokeResScale(m)), m: m, inv: inv}
	for i, c := range curves {
		ps := make([]curvePiece, len(c.pieces))
		for k, pc := range c.pieces {
			ps[k] = pc.mapped(inv)
		}
		cs.curves[i].pieces = ps
	}
	return cs
}

// side returns the left (side 0) or right (side 1) edge of curve id (one
// more than its index).
func (cs *curveSides) side(id int32, s int) []offsetSeg {
	i := id - 1
	if !cs.built[i] {
		var quads []offsetSeg
		for s, side := range [2]float64{1, -1} {
			quads = quads[:0]
			for _, pc := range cs.curves[i].pieces {
				quads = offsetSide(pc, cs.hw, side, cs.tol, quads)
			}
			cs.sides[i][s] = flattenSide(quads, cs.m, cs.inv, nil)
		}
		cs.built[i] = true
	}
	return cs.sides[i][s]
}

// edges finds how far the stroke's left and right edges are from c along
// the unit vector u (left) and against it (right), on the sides of the
// curves a and b (ids, b may equal a).
func (cs *curveSides) edges(c, u point, a, b int32) (float64, float64, bool) {
	var d [2]float64
	for s := 0; s < 2; s++ {
		dir := u
		if s == 1 {
			dir = point{-u.x, -u.y}
		}
		// A hit far from the half width is another part of the curve.
		slack := 0.25*cs.hw + 0.5
		best, at, ok := sideHit(cs.side(a, s), c, dir, cs.hw, slack, cs.cursor[a-1][s])
		if ok {
			cs.cursor[a-1][s] = at
		}
		if b != a {
			h, at, ok2 := sideHit(cs.side(b, s), c, dir, cs.hw, slack, cs.cursor[b-1][s])
			if ok2 {
				cs.cursor[b-1][s] = at
			}
			if ok2 && (!ok || math.Abs(h-cs.hw) < math.Abs(best-cs.hw)) {
				best, ok = h, true
			}
		}
		if !ok {
			return 0, 0, false
		}
		d[s] = best
	}
	return d[0], d[1], true
}

// strokeResScale is how much m enlarges lengths at most, the scale Skia
// strokes at: the longer of the images of the unit axes.
func strokeResScale(m Matrix) float64 {
	return math.Max(math.Hypot(m.A, m.B), math.Hypot(m.C, m.D))
}

// curveSubsteps is how many pieces a flattened segment of a curve is cut
// into for its stroke edges: the edges run on chords between points of the
// offset quads, and a third or more of the path's flattening error at the
// stroke's outer edge would show.
const curveSubsteps = 4

// curveEdges returns, for a polyline being stroked, the cross-section at
// vertex j when it lies inside a curve (false otherwise), and a function
// that adds the cross-sections inside segment i when it is part of one.
// core and aa place the fringe as expandPolyline does. Both are nil when
// the polyline follows no curve.
//
// The fringes reach half a device pixel either side of each edge, measured
// across the edge in device space (inv is the inverse transform), so they
// stay a pixel wide under a transform that stretches one axis more.
func curveEdges(pts []point, closed bool, core float64, inv Matrix, cs *curveSides, seg []int32) (func(int) (crossSection, bool), func(int, func(crossSection, bool))) {
	n := len(pts)
	if cs == nil || len(seg) != n || !(core > 0) || n < 2 {
		return nil, nil
	}
	curved := false
	for _, s := range seg {
		curved = curved || s > 0
	}
	if !curved {
		return nil, nil
	}
	section := func(c, u point, dl, dr float64) crossSection {
		// A step d along u moves the edge d/|M⁻ᵀu| device pixels across
		// itself.
		aa := 0.5 * math.Hypot(inv.A*u.x+inv.B*u.y, inv.C*u.x+inv.D*u.y)
		return crossSection{
			{c.x + u.x*(dl+aa), c.y + u.y*(dl+aa)}, {c.x + u.x*(dl-aa), c.y + u.y*(dl-aa)},
			{c.x - u.x*(dr-aa), c.y - u.y*(dr-aa)}, {c.x - u.x*(dr+aa), c.y - u.y*(dr+aa)},
		}
	}
	normal := func(i int) point { // left normal of segment i
		a, b := pts[i], pts[(i+1)%n]
		dx, dy := b.x-a.x, b.y-a.y
		l := math.Hypot(dx, dy)
		return point{-dy / l, dx / l}
	}
	type vertex struct {
		ok bool
		u  point
		cs crossSection
	}
	vs := make([]vertex, n)
	for j := 0; j < n; j++ {
		in := j - 1
		if closed {
			in = (j - 1 + n) % n
		} else if j == 0 || j == n-1 {
			continue
		}
		if seg[in] <= 0 || seg[j] <= 0 {
			continue
		}
		n0, n1 := normal(in), normal(j)
		u := point{n0.x + n1.x, n0.y + n1.y}
		l := math.Hypot(u.x, u.y)
		if l < 1e-6 {
			continue
		}
		u = point{u.x / l, u.y / l}
		if dl, dr, ok := cs.edges(pts[j], u, seg[in], seg[j]); ok {
			vs[j] = vertex{true, u, section(pts[j], u, dl, dr)}
		}
	}
	at := func(j int) (crossSection, bool) { return vs[j].cs, vs[j].ok }
	interior := func(i int, add func(crossSection, bool)) {
		j := (i + 1) % n
		if seg[i] <= 0 || !vs[i].ok || !vs[j].ok {
			return
		}
		a, b := pts[i], pts[j]
		for k := 1; k < curveSubsteps; k++ {
			f := float64(k) / curveSubsteps
			c := point{a.x + (b.x-a.x)*f, a.y + (b.y-a.y)*f}
			u := point{vs[i].u.x + (vs[j].u.x-vs[i].u.x)*f, vs[i].u.y + (vs[j].u.y-vs[i].u.y)*f}
			l := math.Hypot(u.x, u.y)
			if l < 1e-6 {
				continue
			}
			u = point{u.x / l, u.y / l}
			if dl, dr, ok := cs.edges(c, u, seg[i], seg[i]); ok {
				add(section(c, u, dl, dr), true)
			}
		}
	}
	return at, interior
}

// flattenSide cuts the quads of a stroke side into the chords Skia's
// rasterizer draws them with: 2^shift of them, at least 2, where each
// halving cuts the quad's bulge off its chord (measured in device space in
// 1/256 px, roughly) by 4 until it is below about 1/8 px. Like every
// vertex of the outline Skia fills, the chords' ends have their device y
// rounded to a quarter pixel (see ribbon.snapEdges).
func flattenSide(segs []offsetSeg, m, inv Matrix, out []offsetSeg) []offsetSeg {
	snap := func(q point) point {
		d := dev(m, q.x, q.y)
		return dev(inv, d.x, snapQuarter(d.y))
	}
	for _, g := range segs {
		if g.line {
			out = append(out, offsetSeg{line: true, p0: snap(g.p0), p2: snap(g.p2)})
			continue
		}
		a, c, b := dev(m, g.p0.x, g.p0.y), dev(m, g.c.x, g.c.y), dev(m, g.p2.x, g.p2.y)
		dx := math.Abs(2*c.x-a.x-b.x) / 4 * 256
		dy := math.Abs(2*c.y-a.y-b.y) / 4 * 256
		dist := int(math.Max(dx, dy) + math.Min(dx, dy)/2)
		dist = (dist + 16) >> 5
		shift := bits.Len(uint(dist)) >> 1
		shift = max(1, min(shift, 6))
		n := 1 << shift
		q := [3]point{g.p0, g.c, g.p2}
		prev := snap(g.p0)
		for k := 1; k <= n; k++ {
			next := snap(quadAt(q, float64(k)/float64(n)))
			out = append(out, offsetSeg{line: true, p0: prev, p2: next})
			prev = next
		}
	}
	return out
}
