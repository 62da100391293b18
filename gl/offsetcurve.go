package gl

import (
	"math"
	"math/bits"
	"slices"
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

// beginCurve records a copy of a curve; the segments added until endCurve
// belong to it. The copy goes into the storage the curve in its place had
// before the last reset (games rebuild a path per shape per frame), so
// pieces need not outlive the call.
func (p *path) beginCurve(pieces ...curvePiece) {
	if len(pieces) == 0 {
		return
	}
	p.build()
	n := len(p.curves)
	if n < cap(p.curves) {
		p.curves = p.curves[:n+1]
		p.curves[n].pieces = append(p.curves[n].pieces[:0], pieces...)
	} else {
		p.curves = append(p.curves, curve{pieces: append([]curvePiece(nil), pieces...)})
	}
	p.curCurve = int32(len(p.curves))
}

func (p *path) endCurve() { p.curCurve = 0 }

// arcConics splits an arc of the unit circle into conics as Skia does:
// quarter turns from the start angle, then what is left; at maps a point
// of the unit circle to the device. The pieces are appended to out.
func arcConics(out []curvePiece, start, sweep float64, at func(ux, uy float64) point) []curvePiece {
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
	l := math.Sqrt(tan.x*tan.x + tan.y*tan.y)
	ux, uy := tan.x/l, tan.y/l
	return point{pt.x - side*uy*hw, pt.y + side*ux*hw}, point{ux, uy}
}

// offsetSeg is one piece of a stroke side: a quadratic from p0 through
// control c to p2, or the line p0-p2, offset from the curve between
// parameters t0 and t1 (piece index plus the parameter in the piece).
type offsetSeg struct {
	line      bool
	p0, c, p2 point
	t0, t1    float64
}

// offsetSide builds one side of the stroke of piece c, half width hw, as
// Skia's stroker does; tol is a quarter device pixel in stroke space and
// base is added to the piece's parameters (see offsetSeg).
//
// Skia gives up past 33 halvings; here the halving stops then, or when the
// side has maxOffsetPieces pieces, so a pathological curve costs little.
func offsetSide(c curvePiece, base, hw, side, tol float64, out []offsetSeg) []offsetSeg {
	o := offsetter{c: c, base: base, hw: hw, side: side, tol: tol, budget: maxOffsetPieces, out: out}
	a, ta := c.offsetAt(0, hw, side)
	b, tb := c.offsetAt(1, hw, side)
	o.rec(0, 1, a, ta, b, tb, 0)
	return o.out
}

// offsetter is the state of offsetSide.
type offsetter struct {
	c                   curvePiece
	base, hw, side, tol float64
	budget              int
	out                 []offsetSeg
}

// rec adds the side between t0 (offset point a, tangent ta) and t1 (b,
// tb).
func (o *offsetter) rec(t0, t1 float64, a, ta, b, tb point, depth int) {
	o.budget--
	mid := (t0 + t1) / 2
	res, ctrl, m, tm := fitOffsetQuad(o.c, a, ta, b, tb, mid, o.hw, o.side, o.tol)
	if res == fitSplit && depth < 33 && o.budget > 0 {
		o.rec(t0, mid, a, ta, m, tm, depth+1)
		o.rec(mid, t1, m, tm, b, tb, depth+1)
		return
	}
	if res == fitQuad {
		o.out = append(o.out, offsetSeg{p0: a, c: ctrl, p2: b, t0: o.base + t0, t1: o.base + t1})
	} else {
		o.out = append(o.out, offsetSeg{line: true, p0: a, p2: b, t0: o.base + t0, t1: o.base + t1})
	}
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
// normal through it meets the quad. It also returns the offset point at
// mid and the tangent there, where a split begins.
func fitOffsetQuad(c curvePiece, a, ta, b, tb point, mid, hw, side, tol float64) (int, point, point, point) {
	on, tan := c.eval(mid)
	l := math.Sqrt(tan.x*tan.x + tan.y*tan.y)
	tm := point{tan.x / l, tan.y / l}
	ray := point{on.x - side*tm.y*hw, on.y + side*tm.x*hw}
	res, ctrl := fitOffsetQuadAt(on, ray, a, ta, b, tb, hw, tol)
	return res, ctrl, ray, tm
}

// fitOffsetQuadAt is fitOffsetQuad given the curve point on at mid and
// its offset point ray.
func fitOffsetQuadAt(on, ray, a, ta, b, tb point, hw, tol float64) (int, point) {
	// A line fits only when the offset point at mid is on it: parallel
	// end tangents also come from a U-turn.
	lineOrSplit := func() (int, point) {
		if distToLine(ray, a, b) <= tol {
			return fitLine, point{}
		}
		return fitSplit, point{}
	}
	denom := ta.x*tb.y - ta.y*tb.x
	if denom == 0 || math.IsNaN(denom) {
		return lineOrSplit()
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
		return lineOrSplit() // parallel, for all practical purposes
	}
	ctrl := point{a.x + ta.x*k, a.y + ta.y*k}
	q := [3]point{a, ctrl, b}
	if m := quadAt(q, 0.5); math.Sqrt((ray.x-m.x)*(ray.x-m.x)+(ray.y-m.y)*(ray.y-m.y)) <= tol {
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
	var buf [2]float64
	roots := lineQuadRoots(on, dir, q, buf[:0])
	if len(roots) != 1 {
		return fitSplit, ctrl
	}
	m := quadAt(q, roots[0])
	allow := tol * (1 - math.Abs(roots[0]-0.5)*2)
	if math.Sqrt((ray.x-m.x)*(ray.x-m.x)+(ray.y-m.y)*(ray.y-m.y)) <= allow {
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
	if s == (point{}) || l == (point{}) { // a side of no length turns nowhere
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

// lineQuadRoots appends to out the parameters in [0, 1] where the quad
// crosses the line through o along dir.
func lineQuadRoots(o, dir point, q [3]point, out []float64) []float64 {
	var r [3]float64
	for i := range q {
		r[i] = (q[i].y-o.y)*dir.x - (q[i].x-o.x)*dir.y
	}
	// r(t) = A t² + B t + C
	A := r[0] - 2*r[1] + r[2]
	B := 2 * (r[1] - r[0])
	C := r[0]
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

// sidePoly is one side of a curve's stroke as the chords Skia rasterizes
// it with: pts[k] lies on the side at curve parameter ts[k] (see
// offsetSeg), ts rising from 0 to the number of pieces.
type sidePoly struct {
	pts []point
	ts  []float64
}

// curveSides are the stroke sides of a path's curves in stroke (user)
// space, built when first asked for. Their storage is kept for the next
// stroke (see Context2D.sides).
type curveSides struct {
	curves  []curve // user space
	sides   [][2]sidePoly
	built   []bool
	quads   []offsetSeg  // scratch
	norm    []curvePiece // scratch
	cache   map[uint64]*sideCacheEntry
	older   map[uint64]*sideCacheEntry // the generation before cache
	runs    []curveRun
	secs    []crossSection
	hw, tol float64
	res     float64 // strokeResScale(m)
	m, inv  Matrix  // user to device and back
}

// reset takes the path's curves back to user space through inv, for a
// stroke of half width hw.
func (cs *curveSides) reset(curves []curve, m, inv Matrix, hw float64) {
	cs.res = strokeResScale(m)
	cs.hw, cs.tol, cs.m, cs.inv = hw, 1/(4*cs.res), m, inv
	n := len(curves)
	if cap(cs.curves) < n {
		cs.curves = append(cs.curves[:cap(cs.curves)], make([]curve, n-cap(cs.curves))...)
		cs.sides = append(cs.sides[:cap(cs.sides)], make([][2]sidePoly, n-cap(cs.sides))...)
		cs.built = append(cs.built[:cap(cs.built)], make([]bool, n-cap(cs.built))...)
	}
	cs.curves, cs.sides, cs.built = cs.curves[:n], cs.sides[:n], cs.built[:n]
	for i, c := range curves {
		ps := cs.curves[i].pieces[:0]
		for _, pc := range c.pieces {
			ps = append(ps, pc.mapped(inv))
		}
		cs.curves[i].pieces = ps
		cs.built[i] = false
	}
}

// side returns the left (side 0) or right (side 1) edge of curve id (one
// more than its index).
func (cs *curveSides) side(id int32, s int) *sidePoly {
	i := id - 1
	if !cs.built[i] {
		quads, o := cs.offsetQuads(cs.curves[i].pieces)
		for s := range quads {
			cs.sides[i][s] = flattenSide(quads[s], o, cs.m, cs.inv, cs.sides[i][s])
		}
		cs.built[i] = true
	}
	return &cs.sides[i][s]
}

// sideCacheSize bounds how many curves' offset quads are remembered.
const sideCacheSize = 256

// sideCacheEntry is the offset quads of both sides of a curve, moved so
// that the curve starts at the origin, for a half width and tolerance.
type sideCacheEntry struct {
	pieces  []curvePiece
	hw, tol float64
	quads   [2][]offsetSeg
}

// offsetQuads returns the offset quads of the left and right sides of a
// curve, in user space less o, the curve's start. Building them is most
// of a curve stroke's cost, and the same curves are stroked frame after
// frame, often moved, so they are remembered by the curve's shape (the
// quads do not depend on where the curve is; the chords, snapped in
// device space, do). The quads are always built at the origin, so a
// stroke does not depend on what was stroked before.
func (cs *curveSides) offsetQuads(pieces []curvePiece) (*[2][]offsetSeg, point) {
	o := pieces[0].p[0]
	norm := cs.norm[:0]
	h := uint64(14695981039346656037)
	mix := func(f float64) {
		h ^= math.Float64bits(f)
		h *= 1099511628211
	}
	mix(cs.hw)
	mix(cs.tol)
	for _, pc := range pieces {
		for k := 0; k <= pc.n; k++ {
			pc.p[k] = point{pc.p[k].x - o.x, pc.p[k].y - o.y}
			mix(pc.p[k].x)
			mix(pc.p[k].y)
		}
		mix(float64(pc.n))
		mix(pc.w)
		norm = append(norm, pc)
	}
	cs.norm = norm
	if e := cs.cached(h, norm); e != nil {
		return &e.quads, o
	}
	if cs.cache == nil || len(cs.cache) >= sideCacheSize {
		// A new generation; the last one is kept, so a frame of more
		// curves than one generation holds still finds most of them.
		cs.older, cs.cache = cs.cache, make(map[uint64]*sideCacheEntry)
	}
	e := &sideCacheEntry{pieces: slices.Clone(norm), hw: cs.hw, tol: cs.tol}
	for s, side := range [2]float64{1, -1} {
		quads := cs.quads[:0]
		for k, pc := range norm {
			quads = offsetSide(pc, float64(k), cs.hw, side, cs.tol, quads)
		}
		cs.quads = quads
		e.quads[s] = slices.Clone(quads)
	}
	cs.cache[h] = e
	return &e.quads, o
}

// cached finds the entry for the normalised pieces (hash h) in this
// generation or the last (copying it into this one while there is room).
func (cs *curveSides) cached(h uint64, norm []curvePiece) *sideCacheEntry {
	match := func(e *sideCacheEntry) bool {
		return e != nil && e.hw == cs.hw && e.tol == cs.tol && slices.Equal(e.pieces, norm)
	}
	if e := cs.cache[h]; match(e) {
		return e
	}
	if e := cs.older[h]; match(e) {
		if cs.cache != nil && len(cs.cache) < sideCacheSize {
			cs.cache[h] = e
		}
		return e
	}
	return nil
}

// strokeResScale is how much m enlarges lengths at most, the scale Skia
// strokes at: the longer of the images of the unit axes.
func strokeResScale(m Matrix) float64 {
	return math.Max(math.Hypot(m.A, m.B), math.Hypot(m.C, m.D))
}

// flattenSide cuts the quads of a stroke side into the chords Skia's
// rasterizer draws them with: 2^shift of them, at least 2, where each
// halving cuts the quad's bulge off its chord (measured in device space in
// 1/256 px, roughly) by 4 until it is below about 1/8 px. Like every
// vertex of the outline Skia fills, the chords' ends have their device y
// rounded to a quarter pixel (see ribbon.snapEdges). A chord's ends keep
// the curve parameters they lie at, spread evenly over the quad's. The
// quads are moved by o first.
func flattenSide(segs []offsetSeg, o point, m, inv Matrix, out sidePoly) sidePoly {
	out.pts, out.ts = out.pts[:0], out.ts[:0]
	snap := func(q point) point {
		d := dev(m, q.x+o.x, q.y+o.y)
		return dev(inv, d.x, snapQuarter(d.y))
	}
	add := func(q point, t float64) {
		if k := len(out.pts) - 1; k >= 0 && out.pts[k] == q {
			out.ts[k] = t
			return
		}
		out.pts = append(out.pts, q)
		out.ts = append(out.ts, t)
	}
	for i, g := range segs {
		if i == 0 || g.p0 != segs[i-1].p2 {
			add(snap(g.p0), g.t0)
		}
		if g.line {
			add(snap(g.p2), g.t1)
			continue
		}
		a, c, b := dev(m, g.p0.x+o.x, g.p0.y+o.y), dev(m, g.c.x+o.x, g.c.y+o.y), dev(m, g.p2.x+o.x, g.p2.y+o.y)
		dx := math.Abs(2*c.x-a.x-b.x) / 4 * 256
		dy := math.Abs(2*c.y-a.y-b.y) / 4 * 256
		dist := int(math.Max(dx, dy) + math.Min(dx, dy)/2)
		dist = (dist + 16) >> 5
		shift := bits.Len(uint(dist)) >> 1
		shift = max(1, min(shift, 6))
		n := 1 << shift
		q := [3]point{g.p0, g.c, g.p2}
		for k := 1; k < n; k++ {
			f := float64(k) / float64(n)
			add(snap(quadAt(q, f)), g.t0+(g.t1-g.t0)*f)
		}
		add(snap(g.p2), g.t1)
	}
	return out
}

// sideAt is the point of side s at curve parameter t, from chord k on
// (the first chord ending at or past t): the chord's end when t is there,
// else the point as far along the chord as t is between its ends.
func sideAt(s *sidePoly, k int, t float64) point {
	if k == 0 || s.ts[k] <= t {
		return s.pts[k]
	}
	t0, t1 := s.ts[k-1], s.ts[k]
	if !(t1 > t0) {
		return s.pts[k]
	}
	f := (t - t0) / (t1 - t0)
	a, b := s.pts[k-1], s.pts[k]
	return point{a.x + (b.x-a.x)*f, a.y + (b.y-a.y)*f}
}

// curveSections appends the cross-sections of curve id's stroke strictly
// between its ends: both sides' chords zipped by curve parameter, each
// section at a chord end of one side and the point of the other side at
// the same parameter, so that the ribbon's edges run along the chords
// exactly. The fringes reach half a device pixel either side of each
// edge, measured across the edge in device space, so they stay a pixel
// wide under a transform that stretches one axis more. It reports false,
// appending nothing, when a section is far from the stroke's width (a
// side that loops back where the curve turns tighter than the half
// width): the offset polyline is drawn there then.
func (cs *curveSides) curveSections(id int32, out []crossSection) ([]crossSection, bool) {
	l, r := cs.side(id, 0), cs.side(id, 1)
	if len(l.pts) < 2 || len(r.pts) < 2 {
		return out, false
	}
	n0 := len(out)
	end := l.ts[len(l.ts)-1]
	i, j := 1, 1
	for i < len(l.pts) && j < len(r.pts) {
		ti, tj := l.ts[i], r.ts[j]
		t := math.Min(ti, tj)
		if t >= end {
			break
		}
		a, b := sideAt(l, i, t), sideAt(r, j, t)
		if ti <= t {
			i++
		}
		if tj <= t {
			j++
		}
		sec, ok := cs.edgeSection(a, b)
		if !ok {
			return out[:n0], false
		}
		out = append(out, sec)
	}
	return out, true
}

// edgeSection is the cross-section from a on one side to b on the other,
// its fringes reaching half a device pixel either side of each edge,
// measured across the edge in device space. It reports false when a and
// b are far from the stroke's width apart.
func (cs *curveSides) edgeSection(a, b point) (crossSection, bool) {
	ux, uy := a.x-b.x, a.y-b.y
	d := math.Sqrt(ux*ux + uy*uy)
	if !(math.Abs(d-2*cs.hw) <= 0.5*cs.hw+1/cs.res) {
		return crossSection{}, false
	}
	ux, uy = ux/d, uy/d
	// A step d along u moves the edge d/|M⁻ᵀu| device pixels across itself.
	inv := cs.inv
	vx, vy := inv.A*ux+inv.B*uy, inv.C*ux+inv.D*uy
	aa := 0.5 * math.Sqrt(vx*vx+vy*vy)
	return crossSection{
		{a.x + ux*aa, a.y + uy*aa}, {a.x - ux*aa, a.y - uy*aa},
		{b.x + ux*aa, b.y + uy*aa}, {b.x - ux*aa, b.y - uy*aa},
	}, true
}

// sidesMeet reports whether curve a's sides end where curve b's begin
// (within a hundredth of a device pixel): the curves join smoothly, and
// the stroke needs no join between them. The section there is returned.
func (cs *curveSides) sidesMeet(a, b int32) (crossSection, bool) {
	var e, s [2]point
	for k := 0; k < 2; k++ {
		sa, sb := cs.side(a, k), cs.side(b, k)
		e[k], s[k] = sa.pts[len(sa.pts)-1], sb.pts[0]
		if math.Hypot(e[k].x-s[k].x, e[k].y-s[k].y)*cs.res > 0.01 {
			return crossSection{}, false
		}
	}
	return cs.edgeSection(e[0], e[1])
}

// curveRun is a run of a polyline's segments, from i0 on, flattened from
// one curve; secs[s0:s1] of curveSides are its sections.
type curveRun struct {
	id     int32
	i0     int
	s0, s1 int
}

// polylineRuns finds the curves of a polyline being stroked (seg as in
// expandPolyline) and builds their sections; runOf[i] is the index in
// cs.runs of segment i's run, -1 for a line or a curve drawn as a
// polyline.
func (cs *curveSides) polylineRuns(seg []int32, segs int, runOf []int) {
	cs.runs, cs.secs = cs.runs[:0], cs.secs[:0]
	for i := 0; i < segs; i++ {
		runOf[i] = -1
		id := seg[i]
		if id <= 0 {
			continue
		}
		if i > 0 && seg[i-1] == id {
			runOf[i] = runOf[i-1]
			continue
		}
		s0 := len(cs.secs)
		var ok bool
		cs.secs, ok = cs.curveSections(id, cs.secs)
		if ok {
			cs.runs = append(cs.runs, curveRun{id: id, i0: i, s0: s0, s1: len(cs.secs)})
			runOf[i] = len(cs.runs) - 1
			continue
		}
		// A curve whose sides do not work out stays a polyline.
		for i+1 < segs && seg[i+1] == id {
			i++
			runOf[i] = -1
		}
	}
}
