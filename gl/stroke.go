package gl

import (
	"math"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// LineCap is ctx.lineCap.
type LineCap uint8

// The lineCap values.
const (
	CapButt LineCap = iota
	CapRound
	CapSquare
)

// LineJoin is ctx.lineJoin.
type LineJoin uint8

// The lineJoin values.
const (
	JoinMiter LineJoin = iota
	JoinRound
	JoinBevel
)

// strokeStyle is what shapes a stroke, in user space.
type strokeStyle struct {
	width      float64
	cap        LineCap
	join       LineJoin
	miterLimit float64
	dash       []float64
	dashOffset float64
}

// A stroke is built as a ribbon of cross-sections along each polyline.
// Every cross-section has four points across the line: the outer edge of
// the left fringe, the left edge of the core, the right edge of the core
// and the outer edge of the right fringe. Consecutive cross-sections make
// three quads: fringe, core, fringe. The fringes ramp coverage from 1 to
// 0 over one device pixel, which antialiases the edges.
type crossSection [4]point

// ribbon is the cross-sections of one polyline, in device space.
type ribbon struct {
	sections []crossSection
	alpha    float64 // core coverage: below 1 for lines thinner than a pixel
	// exact marks the sections whose edges already lie on Skia's outline,
	// snapped (see curveSides.curveSections); nil when there are none.
	exact []bool
}

// strokeRibbons turns the current path into ribbons: the path's device
// points are taken back to user space (the stroke is shaped by the
// transform in force now, so a scaled context draws a scaled pen), dashed,
// expanded, and mapped to device space again. Curves' sides are built in
// cs, which remembers them for later strokes; nil builds them afresh.
func strokeRibbons(p *path, m Matrix, st strokeStyle, cs *curveSides) []ribbon {
	p.build()
	inv, ok := m.Invert()
	if !ok || !(st.width > 0) {
		return nil
	}
	scale := m.Scale()
	if len(p.curves) > 0 && len(st.dash) == 0 {
		if cs == nil {
			cs = new(curveSides)
		}
		cs.reset(p.curves, m, inv, st.width/2)
	} else {
		cs = nil
	}
	var out []ribbon
	for _, sp := range p.subpaths {
		pts := make([]point, 0, len(sp.pts))
		// seg[i]: the curve (see subpath.seg) of the segment from pts[i],
		// kept only when curves are stroked as curves.
		var seg []int32
		if cs != nil {
			seg = make([]int32, 0, len(sp.pts))
		}
		for k, q := range sp.pts {
			ux, uy := inv.Apply(q.x, q.y)
			if n := len(pts); n == 0 || pts[n-1].x != ux || pts[n-1].y != uy {
				if n > 0 && cs != nil {
					seg = append(seg, sp.seg[k])
				}
				pts = append(pts, point{ux, uy})
			}
		}
		closed := sp.closed
		closing := int32(0) // the closing segment is a line
		if closed && len(pts) > 1 && pts[0] == pts[len(pts)-1] {
			pts = pts[:len(pts)-1]
			if cs != nil {
				closing = seg[len(seg)-1]
				seg = seg[:len(seg)-1]
			}
		}
		if cs != nil {
			seg = append(seg, closing)
		}
		for _, piece := range dashPieces(pts, closed, st.dash, st.dashOffset) {
			if r, ok := expandPolyline(piece.pts, piece.closed, st, scale, m, cs, seg); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// maxDashes bounds the dash pieces of one stroke.
const maxDashes = 100000

type polyline struct {
	pts    []point
	closed bool
}

// dashPieces splits a polyline into its dashes (the whole line when dash
// is empty).
func dashPieces(pts []point, closed bool, dash []float64, offset float64) []polyline {
	if len(dash) == 0 || len(pts) < 2 {
		return []polyline{{pts, closed}}
	}
	total := 0.0
	for _, d := range dash {
		total += d
	}
	if !(total > 0) {
		return []polyline{{pts, closed}}
	}
	if closed {
		pts = append(append([]point(nil), pts...), pts[0])
	}
	// A dash pattern far finer than the line is long would make millions of
	// pieces; like Skia, give up dashing then and draw the line whole.
	length := 0.0
	for i := 0; i+1 < len(pts); i++ {
		length += math.Hypot(pts[i+1].x-pts[i].x, pts[i+1].y-pts[i].y)
	}
	if length/total > maxDashes {
		return []polyline{{pts, closed}}
	}
	// Find where in the pattern the line starts.
	phase := math.Mod(offset, total)
	if phase < 0 {
		phase += total
	}
	idx := 0
	for phase >= dash[idx] {
		phase -= dash[idx]
		idx = (idx + 1) % len(dash)
	}
	left := dash[idx] - phase // length left in the current dash or gap
	on := idx%2 == 0
	var out []polyline
	var cur []point
	if on {
		cur = []point{pts[0]}
	}
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		segLen := math.Hypot(b.x-a.x, b.y-a.y)
		pos := 0.0
		for segLen-pos > left {
			pos += left
			t := pos / segLen
			q := point{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t}
			if on {
				cur = append(cur, q)
				out = append(out, polyline{cur, false})
				cur = nil
			} else {
				cur = []point{q}
			}
			on = !on
			idx = (idx + 1) % len(dash)
			left = dash[idx]
		}
		left -= segLen - pos
		if on {
			cur = append(cur, b)
		}
	}
	if on && len(cur) >= 2 {
		out = append(out, polyline{cur, false})
	}
	return out
}

// expandPolyline builds the ribbon of one polyline in user space and maps
// it to device space. scale is the transform's scale, which sets how wide
// one device pixel of fringe is in user space.
//
// cs and seg, when not nil, are the curves the polyline was flattened
// from and the curve of each segment (see strokeRibbons): where the
// polyline follows a curve, the stroke's edges are put on the offset
// quads Chromium strokes that curve with, not on the offset polyline.
func expandPolyline(pts []point, closed bool, st strokeStyle, scale float64, m Matrix, cs *curveSides, seg []int32) (ribbon, bool) {
	n := len(pts)
	if n == 0 || (n == 1 && st.cap == CapButt) {
		return ribbon{}, false
	}
	hw := st.width / 2
	aa := 0.5 / scale // half a device pixel, in user space
	r := ribbon{alpha: 1}
	core := hw - aa
	if core < 0 {
		// Thinner than a pixel: a pixel-wide ribbon at reduced coverage,
		// as rasterizers draw hairlines.
		r.alpha = st.width * scale
		core = 0
	}
	outer := math.Max(hw, aa) + aa
	section := func(c point, nx, ny float64) crossSection {
		return crossSection{
			{c.x + nx*outer, c.y + ny*outer}, {c.x + nx*core, c.y + ny*core},
			{c.x - nx*core, c.y - ny*core}, {c.x - nx*outer, c.y - ny*outer},
		}
	}
	addExact := func(s crossSection, exact bool) {
		if exact && r.exact == nil {
			r.exact = make([]bool, len(r.sections), cap(r.sections))
		}
		r.sections = append(r.sections, s)
		if r.exact != nil {
			r.exact = append(r.exact, exact)
		}
	}
	add := func(s crossSection) { addExact(s, false) }

	if n == 1 { // a lone point: round or square caps make a dot
		c := pts[0]
		if st.cap == CapSquare {
			add(section(point{c.x - hw, c.y}, 0, 1))
			add(section(point{c.x + hw, c.y}, 0, 1))
		} else {
			roundCap(c, -1, 0, 0, 1, hw, section, add, false)
			roundCap(c, 1, 0, 0, 1, hw, section, add, true)
		}
		return r.toDevice(m), true
	}

	dir := func(i int) (float64, float64) {
		a, b := pts[i], pts[(i+1)%n]
		dx, dy := b.x-a.x, b.y-a.y
		l := math.Hypot(dx, dy)
		return dx / l, dy / l
	}
	segs := n - 1
	if closed {
		segs = n
	}
	// Where the polyline follows curves, their sections replace the joins
	// inside them (see curveSides.polylineRuns).
	var runOf []int
	if cs != nil && len(seg) == n && core > 0 {
		runOf = make([]int, segs)
		cs.polylineRuns(seg, segs, runOf)
		if len(cs.secs) > 0 {
			r.sections = make([]crossSection, 0, n+len(cs.secs)+8)
			r.exact = make([]bool, 0, cap(r.sections))
		}
	}
	interior := func(i int) {
		if runOf == nil || runOf[i] < 0 || cs.runs[runOf[i]].i0 != i {
			return
		}
		run := cs.runs[runOf[i]]
		for _, sec := range cs.secs[run.s0:run.s1] {
			addExact(sec, true)
		}
	}
	// curveAt tells how vertex j, between segments j-1 and j, lies on the
	// curves: inside one (skip), where two curves meet smoothly (a section
	// there), or neither.
	curveAt := func(j int) (sec crossSection, skip, ok bool) {
		if runOf == nil {
			return sec, false, false
		}
		a, b := runOf[(j-1+segs)%segs], runOf[j%n]
		if a < 0 || b < 0 {
			return sec, false, false
		}
		if a == b && j < n {
			return sec, true, false
		}
		sec, ok = cs.sidesMeet(cs.runs[a].id, cs.runs[b].id)
		return sec, false, ok
	}
	// Start cap (open) or first join (closed).
	if !closed {
		dx, dy := dir(0)
		start := pts[0]
		switch st.cap {
		case CapSquare:
			start = point{start.x - dx*hw, start.y - dy*hw}
		case CapRound:
			roundCap(start, -dx, -dy, -dy, dx, hw, section, add, false)
		}
		add(section(start, -dy, dx))
	}
	for i := 0; i < segs; i++ {
		if !closed || i > 0 {
			interior(i)
		}
		dx, dy := dir(i)
		// The join at the end of segment i, with segment i+1.
		j := i + 1
		last := !closed && j == n-1
		if last {
			end := pts[j]
			if st.cap == CapSquare {
				end = point{end.x + dx*hw, end.y + dy*hw}
			}
			add(section(end, -dy, dx))
			if st.cap == CapRound {
				roundCap(pts[j], dx, dy, -dy, dx, hw, section, add, true)
			}
			break
		}
		if sec, skip, ok := curveAt(j); skip || ok {
			if ok {
				addExact(sec, true)
			}
			continue
		}
		ex, ey := dir(j % n)
		join(pts[j%n], dx, dy, ex, ey, st, section, add)
	}
	if closed && len(r.sections) > 0 {
		interior(0)
		addExact(r.sections[0], r.exact != nil && r.exact[0]) // close the ribbon where it began
	}
	r = r.toDevice(m)
	r.snapEdges()
	return r, true
}

// snapEdges rounds the y of each outline point of the stroke to a quarter
// pixel, fringe included, as Skia's analytic rasterizer does with every
// vertex of the outline it fills: sloped stroke edges land up to 1/8 px
// from where the geometry puts them, and Chromium shows that. Sections on
// curves (exact) lie on snapped chords already.
func (r *ribbon) snapEdges() {
	if r.alpha < 1 {
		return // a hairline's core is not an outline
	}
	for i := range r.sections {
		if r.exact != nil && r.exact[i] {
			continue
		}
		s := &r.sections[i]
		for _, side := range [2][2]int{{0, 1}, {3, 2}} {
			o, c := &s[side[0]], &s[side[1]]
			edge := (o.y + c.y) / 2
			dy := snapQuarter(edge) - edge
			o.y += dy
			c.y += dy
		}
	}
}

// join adds the cross-sections that turn from direction (dx,dy) to
// (ex,ey) at corner c.
func join(c point, dx, dy, ex, ey float64, st strokeStyle, section func(point, float64, float64) crossSection, add func(crossSection)) {
	n0x, n0y := -dy, dx // left normals
	n1x, n1y := -ey, ex
	cross := dx*ey - dy*ex
	dot := dx*ex + dy*ey
	if math.Abs(cross) < 1e-9 && dot > 0 { // straight on
		add(section(c, n0x, n0y))
		return
	}
	// Miter direction: the average normal, scaled so it reaches hw from
	// both edges.
	mx, my := (n0x+n1x)/2, (n0y+n1y)/2
	m2 := mx*mx + my*my
	miterOK := st.join == JoinMiter && m2 > 1e-12 && 1/math.Sqrt(m2) <= st.miterLimit
	if miterOK {
		add(section(c, mx/m2, my/m2))
		return
	}
	// Bevel or round: end the first segment, sweep (round) around the
	// outside of the turn, start the next. The cross-sections pivot at the
	// corner, so the inside of the turn folds over itself harmlessly.
	add(section(c, n0x, n0y))
	if st.join == JoinRound {
		a0 := math.Atan2(n0y, n0x)
		a1 := math.Atan2(n1y, n1x)
		d := a1 - a0
		for d > math.Pi {
			d -= 2 * math.Pi
		}
		for d < -math.Pi {
			d += 2 * math.Pi
		}
		steps := int(math.Ceil(math.Abs(d) / (math.Pi / 16)))
		for k := 1; k < steps; k++ {
			a := a0 + d*float64(k)/float64(steps)
			add(section(c, math.Cos(a), math.Sin(a)))
		}
	}
	add(section(c, n1x, n1y))
}

// roundCap adds a half disc of cross-sections beyond c in direction
// (dx, dy): outwards from c for an end cap, inwards from the tip for a
// start cap. (nx, ny) is the ribbon's left normal.
func roundCap(c point, dx, dy, nx, ny, hw float64, section func(point, float64, float64) crossSection, add func(crossSection), outward bool) {
	const steps = 12
	for k := 0; k <= steps; k++ {
		i := k
		if !outward {
			i = steps - k
		}
		th := float64(i) / steps * math.Pi / 2
		t, w := hw*math.Sin(th), math.Cos(th)
		add(section(point{c.x + dx*t, c.y + dy*t}, nx*w, ny*w))
	}
}

// toDevice maps a ribbon's points through m.
func (r ribbon) toDevice(m Matrix) ribbon {
	for i := range r.sections {
		for k := range r.sections[i] {
			q := r.sections[i][k]
			r.sections[i][k] = dev(m, q.x, q.y)
		}
	}
	return r
}

// Stroke outlines the current path with the stroke colour.
func (x *Context2D) Stroke() {
	col, ok := x.beginPaint(x.state.stroke)
	if !ok {
		return
	}
	x.drawRibbons(strokeRibbons(&x.path, x.state.m, x.state.strokeStyle(), &x.sides), col)
	x.finishDraw()
}

func (st *drawState) strokeStyle() strokeStyle {
	return strokeStyle{width: st.lineWidth, cap: st.lineCap, join: st.lineJoin,
		miterLimit: st.miterLimit, dash: st.dash, dashOffset: st.dashOffset}
}

// Ribbon lanes, by the cross-section points they join.
var (
	coreLanes   = [][2]int{{1, 2}}
	fringeLanes = [][2]int{{0, 1}, {2, 3}}
	allLanes    = [][2]int{{0, 1}, {1, 2}, {2, 3}}
)

// drawRibbons draws strokes. Opaque ones go straight into the batch: where
// pieces overlap, opaque paint over the same paint changes nothing.
// Translucent ones must cover each pixel once, so the stencil keeps a
// record: cores first, then the fringes around them, each pixel taken
// once, then the stencil is cleared.
func (x *Context2D) drawRibbons(rs []ribbon, col [4]uint8) {
	if len(rs) == 0 {
		return
	}
	opaque := col[3] == 255
	for _, rb := range rs {
		opaque = opaque && rb.alpha >= 1
	}
	r, dst, blend := x.r, x.dst(), x.drawBlend()
	if opaque && blend == blendSourceOver {
		for _, rb := range rs {
			x.appendRibbon(rb, col, allLanes, blend)
		}
		return
	}
	r.Flush()
	dst.ensureStencil()
	r.manualStencil = true
	defer func() { r.manualStencil = false }()
	gl.Enable(gl.STENCIL_TEST)
	gl.StencilMask(windingBits)
	gl.StencilFunc(gl.EQUAL, int32(dst.clipMask), 0xff) // inside the clip, not drawn yet
	gl.StencilOp(gl.KEEP, gl.KEEP, gl.INCR)
	for _, rb := range rs {
		x.appendRibbon(rb, col, coreLanes, blend)
	}
	x.flushKeepTarget()
	for _, rb := range rs { // fringes claim their pixels once too
		x.appendRibbon(rb, col, fringeLanes, blend)
	}
	x.flushKeepTarget()
	gl.ColorMask(false, false, false, false)
	gl.StencilFunc(gl.ALWAYS, 0, 0xff)
	gl.StencilOp(gl.ZERO, gl.ZERO, gl.ZERO) // the winding bits only: the clip bit stays
	for _, rb := range rs {
		x.appendRibbon(rb, col, allLanes, blend)
	}
	x.flushKeepTarget()
	gl.ColorMask(true, true, true, true)
	gl.StencilMask(0xff)
	gl.Disable(gl.STENCIL_TEST)
}

func (x *Context2D) flushKeepTarget() {
	x.r.Flush()
	x.r.target = x.dst()
}

// appendRibbon adds the chosen lanes of a ribbon to the batch, splitting
// long ribbons across batches.
func (x *Context2D) appendRibbon(rb ribbon, col [4]uint8, lanes [][2]int, blend blendMode) {
	r := x.r
	core := col
	if rb.alpha < 1 {
		for i := range core {
			core[i] = uint8(float64(core[i])*rb.alpha + 0.5)
		}
	}
	colors := [4][4]uint8{{}, core, core, {}}
	const perSection = 4
	secs := rb.sections
	for len(secs) >= 2 {
		chunk := secs
		if max := maxBatchVerts/perSection - 1; len(chunk) > max {
			chunk = chunk[:max]
		}
		r.use(x.dst(), 0, kindSolid, blend, perSection*len(chunk))
		base := uint16(len(r.verts))
		for _, s := range chunk {
			for k, q := range s {
				r.verts = append(r.verts, vertex{float32(q.x), float32(q.y), -1, -1, colors[k]})
			}
		}
		for i := 0; i+1 < len(chunk); i++ {
			a, b := base+uint16(perSection*i), base+uint16(perSection*(i+1))
			for _, l := range lanes {
				r.indices = append(r.indices, a+uint16(l[0]), a+uint16(l[1]), b+uint16(l[0]),
					b+uint16(l[0]), a+uint16(l[1]), b+uint16(l[1]))
			}
		}
		if len(secs) == len(chunk) {
			return
		}
		secs = secs[len(chunk)-1:]
	}
}

// snapQuarter rounds v to the nearest quarter pixel, halves up.
func snapQuarter(v float64) float64 { return math.Floor(v*4+0.5) / 4 }
