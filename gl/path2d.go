package gl

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Path2D records path commands in user space; drawing it replays them
// through the transform in force then, as the spec says.
type Path2D struct {
	cmds []pathCmd
}

type pathOp uint8

const (
	opMoveTo pathOp = iota
	opLineTo
	opClose
	opQuad
	opCubic
	opEllipse
	opArcTo
	opRect
	opRoundRect
	opTransform // following commands use this matrix (addPath)
)

type pathCmd struct {
	op    pathOp
	a     [8]float64
	radii [4][2]float64
	ccw   bool
	m     Matrix
}

// Commands the 2D context also has.

// MoveTo starts a subpath.
func (p *Path2D) MoveTo(x, y float64) { p.add(pathCmd{op: opMoveTo, a: [8]float64{x, y}}) }

// LineTo adds a segment.
func (p *Path2D) LineTo(x, y float64) { p.add(pathCmd{op: opLineTo, a: [8]float64{x, y}}) }

// ClosePath closes the subpath.
func (p *Path2D) ClosePath() { p.add(pathCmd{op: opClose}) }

// QuadraticCurveTo adds a quadratic curve.
func (p *Path2D) QuadraticCurveTo(cx, cy, x, y float64) {
	p.add(pathCmd{op: opQuad, a: [8]float64{cx, cy, x, y}})
}

// BezierCurveTo adds a cubic curve.
func (p *Path2D) BezierCurveTo(c1x, c1y, c2x, c2y, x, y float64) {
	p.add(pathCmd{op: opCubic, a: [8]float64{c1x, c1y, c2x, c2y, x, y}})
}

// Ellipse adds an elliptical arc (Arc is an ellipse with equal radii);
// false means a negative radius.
func (p *Path2D) Ellipse(cx, cy, rx, ry, rot, start, end float64, ccw bool) bool {
	if rx < 0 || ry < 0 {
		return false
	}
	p.add(pathCmd{op: opEllipse, a: [8]float64{cx, cy, rx, ry, rot, start, end}, ccw: ccw})
	return true
}

// ArcTo adds a tangent arc; false means a negative radius.
func (p *Path2D) ArcTo(x1, y1, x2, y2, r float64) bool {
	if r < 0 {
		return false
	}
	p.add(pathCmd{op: opArcTo, a: [8]float64{x1, y1, x2, y2, r}})
	return true
}

// Rect adds a closed rectangle.
func (p *Path2D) Rect(x, y, w, h float64) { p.add(pathCmd{op: opRect, a: [8]float64{x, y, w, h}}) }

// RoundRect adds a rounded rectangle.
func (p *Path2D) RoundRect(x, y, w, h float64, radii [4][2]float64) {
	p.add(pathCmd{op: opRoundRect, a: [8]float64{x, y, w, h}, radii: radii})
}

// AddPath appends another path's commands, transformed by m.
func (p *Path2D) AddPath(q *Path2D, m Matrix) {
	if !m.finite() {
		return
	}
	p.add(pathCmd{op: opTransform, m: m})
	p.cmds = append(p.cmds, q.cmds...)
	p.add(pathCmd{op: opTransform, m: Identity})
}

// Copy returns an independent copy (new Path2D(path)).
func (p *Path2D) Copy() *Path2D { return &Path2D{cmds: append([]pathCmd(nil), p.cmds...)} }

func (p *Path2D) add(c pathCmd) { p.cmds = append(p.cmds, c) }

// flatten replays the commands through m into a device-space path.
func (p *Path2D) flatten(m Matrix) *path {
	var out path
	cur := m
	for _, c := range p.cmds {
		a := c.a
		switch c.op {
		case opMoveTo:
			out.moveTo(cur, a[0], a[1])
		case opLineTo:
			out.lineTo(cur, a[0], a[1])
		case opClose:
			out.closePath()
		case opQuad:
			out.quadTo(cur, a[0], a[1], a[2], a[3])
		case opCubic:
			out.cubicTo(cur, a[0], a[1], a[2], a[3], a[4], a[5])
		case opEllipse:
			out.ellipse(cur, a[0], a[1], a[2], a[3], a[4], a[5], a[6], c.ccw)
		case opArcTo:
			out.arcTo(cur, a[0], a[1], a[2], a[3], a[4])
		case opRect:
			out.rect(cur, a[0], a[1], a[2], a[3])
		case opRoundRect:
			out.roundRect(cur, a[0], a[1], a[2], a[3], c.radii)
		case opTransform:
			cur = m.Mul(c.m)
		}
	}
	return &out
}

// FillPath fills a Path2D (ctx.fill(path)).
func (x *Context2D) FillPath(p *Path2D, evenOdd bool) {
	saved := x.path
	x.path = *p.flatten(x.state.m)
	x.Fill(evenOdd)
	x.path = saved
}

// StrokePath strokes a Path2D (ctx.stroke(path)).
func (x *Context2D) StrokePath(p *Path2D) {
	saved := x.path
	x.path = *p.flatten(x.state.m)
	x.Stroke()
	x.path = saved
}

// ClipPath clips to a Path2D (ctx.clip(path)).
func (x *Context2D) ClipPath(p *Path2D, evenOdd bool) {
	saved := x.path
	x.path = *p.flatten(x.state.m)
	x.Clip(evenOdd)
	x.path = saved
}

// IsPointInPath tests a point in canvas pixels against the current path,
// or p when not nil, under a fill rule.
func (x *Context2D) IsPointInPath(p *Path2D, px, py float64, evenOdd bool) bool {
	if !allFinite(px, py) {
		return false
	}
	pp := &x.path
	if p != nil {
		pp = p.flatten(x.state.m)
	}
	w := 0
	for _, poly := range pp.polygons() {
		w += winding(poly, px, py, evenOdd)
	}
	if evenOdd {
		return w%2 != 0
	}
	return w != 0
}

// winding is the winding number of poly around (px, py); for even-odd
// only its parity matters. Points on an edge count as inside.
func winding(poly []point, px, py float64, evenOdd bool) int {
	w := 0
	n := len(poly)
	for i := 0; i < n; i++ {
		a, b := poly[i], poly[(i+1)%n]
		if onSegment(a, b, px, py) {
			return 1
		}
		if (a.y <= py) != (b.y <= py) {
			t := (py - a.y) / (b.y - a.y)
			if a.x+t*(b.x-a.x) > px {
				if b.y > a.y {
					w++
				} else {
					w--
				}
			}
		}
	}
	if evenOdd && w < 0 {
		w = -w
	}
	return w
}

func onSegment(a, b point, px, py float64) bool {
	cross := (b.x-a.x)*(py-a.y) - (b.y-a.y)*(px-a.x)
	if math.Abs(cross) > 1e-9*(math.Abs(b.x-a.x)+math.Abs(b.y-a.y)+1) {
		return false
	}
	return px >= math.Min(a.x, b.x) && px <= math.Max(a.x, b.x) && py >= math.Min(a.y, b.y) && py <= math.Max(a.y, b.y)
}

// IsPointInStroke tests a point in canvas pixels against the area the
// current path's (or p's) stroke would cover with the current line style.
func (x *Context2D) IsPointInStroke(p *Path2D, px, py float64) bool {
	if !allFinite(px, py) {
		return false
	}
	pp := &x.path
	if p != nil {
		pp = p.flatten(x.state.m)
	}
	for _, rb := range strokeRibbons(pp, x.state.m, x.state.strokeStyle(), &x.sides) {
		for i := 0; i+1 < len(rb.sections); i++ {
			a, b := rb.sections[i], rb.sections[i+1]
			// The line's true edge lies midway between core and fringe edge.
			mid := func(s crossSection, k, l int) point { return point{(s[k].x + s[l].x) / 2, (s[k].y + s[l].y) / 2} }
			quad := []point{mid(a, 0, 1), mid(b, 0, 1), mid(b, 2, 3), mid(a, 2, 3)}
			if winding(quad, px, py, true) != 0 {
				return true
			}
		}
	}
	return false
}

// ParseSVGPath reads SVG path data (new Path2D("M 10 10 L ...")). As in
// browsers, a syntax error keeps what was read before it.
func ParseSVGPath(d string) *Path2D {
	p := &Path2D{}
	s := svgScanner{src: d}
	var cx, cy, sx, sy float64 // current point and subpath start
	var lastCtrlX, lastCtrlY float64
	var lastCmd byte
	for {
		cmd, ok := s.command(lastCmd)
		if !ok {
			return p
		}
		rel := cmd >= 'a'
		up := cmd &^ 0x20
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = cx, cy
		}
		nums := map[byte]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'T': 2, 'A': 7, 'Z': 0}[up]
		var a [7]float64
		for i := 0; i < nums; i++ {
			v, ok := s.number()
			if !ok {
				return p
			}
			a[i] = v
		}
		switch up {
		case 'M':
			cx, cy = ox+a[0], oy+a[1]
			sx, sy = cx, cy
			p.MoveTo(cx, cy)
			cmd = map[bool]byte{true: 'l', false: 'L'}[rel] // further pairs are line-tos
		case 'L':
			cx, cy = ox+a[0], oy+a[1]
			p.LineTo(cx, cy)
		case 'H':
			cx = ox + a[0]
			p.LineTo(cx, cy)
		case 'V':
			cy = oy + a[0]
			p.LineTo(cx, cy)
		case 'C':
			p.BezierCurveTo(ox+a[0], oy+a[1], ox+a[2], oy+a[3], ox+a[4], oy+a[5])
			lastCtrlX, lastCtrlY = ox+a[2], oy+a[3]
			cx, cy = ox+a[4], oy+a[5]
		case 'S':
			c1x, c1y := cx, cy
			if lastCmd|0x20 == 'c' || lastCmd|0x20 == 's' {
				c1x, c1y = 2*cx-lastCtrlX, 2*cy-lastCtrlY
			}
			p.BezierCurveTo(c1x, c1y, ox+a[0], oy+a[1], ox+a[2], oy+a[3])
			lastCtrlX, lastCtrlY = ox+a[0], oy+a[1]
			cx, cy = ox+a[2], oy+a[3]
		case 'Q':
			p.QuadraticCurveTo(ox+a[0], oy+a[1], ox+a[2], oy+a[3])
			lastCtrlX, lastCtrlY = ox+a[0], oy+a[1]
			cx, cy = ox+a[2], oy+a[3]
		case 'T':
			qx, qy := cx, cy
			if lastCmd|0x20 == 'q' || lastCmd|0x20 == 't' {
				qx, qy = 2*cx-lastCtrlX, 2*cy-lastCtrlY
			}
			p.QuadraticCurveTo(qx, qy, ox+a[0], oy+a[1])
			lastCtrlX, lastCtrlY = qx, qy
			cx, cy = ox+a[0], oy+a[1]
		case 'A':
			ex, ey := ox+a[5], oy+a[6]
			svgArc(p, cx, cy, a[0], a[1], a[2], a[3] != 0, a[4] != 0, ex, ey)
			cx, cy = ex, ey
		case 'Z':
			p.ClosePath()
			cx, cy = sx, sy
		}
		lastCmd = cmd
	}
}

// svgArc converts an SVG endpoint arc to a centre-parameterized ellipse
// (SVG 1.1 appendix F.6).
func svgArc(p *Path2D, x1, y1, rx, ry, rotDeg float64, large, sweep bool, x2, y2 float64) {
	if rx == 0 || ry == 0 {
		p.LineTo(x2, y2)
		return
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	phi := rotDeg * math.Pi / 180
	sp, cp := math.Sincos(phi)
	dx, dy := (x1-x2)/2, (y1-y2)/2
	x1p, y1p := cp*dx+sp*dy, -sp*dx+cp*dy
	if l := x1p*x1p/(rx*rx) + y1p*y1p/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1p*y1p - ry*ry*x1p*x1p
	den := rx*rx*y1p*y1p + ry*ry*x1p*x1p
	k := 0.0
	if den > 0 && num > 0 {
		k = math.Sqrt(num / den)
	}
	if large == sweep {
		k = -k
	}
	cxp, cyp := k*rx*y1p/ry, -k*ry*x1p/rx
	cx, cy := cp*cxp-sp*cyp+(x1+x2)/2, sp*cxp+cp*cyp+(y1+y2)/2
	angle := func(ux, uy, vx, vy float64) float64 { return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy) }
	t1 := angle(1, 0, (x1p-cxp)/rx, (y1p-cyp)/ry)
	dt := angle((x1p-cxp)/rx, (y1p-cyp)/ry, (-x1p-cxp)/rx, (-y1p-cyp)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	p.Ellipse(cx, cy, rx, ry, phi, t1, t1+dt, !sweep)
}

// svgScanner reads commands and numbers from SVG path data.
type svgScanner struct {
	src string
	pos int
}

func (s *svgScanner) skip() {
	for s.pos < len(s.src) && strings.IndexByte(" \t\r\n,", s.src[s.pos]) >= 0 {
		s.pos++
	}
}

// command returns the next command letter, or repeats last when numbers
// follow without one (implicit repetition).
func (s *svgScanner) command(last byte) (byte, bool) {
	s.skip()
	if s.pos >= len(s.src) {
		return 0, false
	}
	c := s.src[s.pos]
	if strings.IndexByte("MmLlHhVvCcSsQqTtAaZz", c) >= 0 {
		s.pos++
		return c, true
	}
	if last != 0 && last|0x20 != 'z' && (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
		return last, true
	}
	return 0, false
}

func (s *svgScanner) number() (float64, bool) {
	s.skip()
	start := s.pos
	if s.pos < len(s.src) && (s.src[s.pos] == '-' || s.src[s.pos] == '+') {
		s.pos++
	}
	digits := func() {
		for s.pos < len(s.src) && s.src[s.pos] >= '0' && s.src[s.pos] <= '9' {
			s.pos++
		}
	}
	digits()
	if s.pos < len(s.src) && s.src[s.pos] == '.' {
		s.pos++
		digits()
	}
	if s.pos < len(s.src) && (s.src[s.pos] == 'e' || s.src[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.src) && (s.src[s.pos] == '-' || s.src[s.pos] == '+') {
			s.pos++
		}
		digits()
	}
	v, err := strconv.ParseFloat(s.src[start:s.pos], 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// String describes a path for debugging.
func (p *Path2D) String() string { return fmt.Sprintf("Path2D(%d commands)", len(p.cmds)) }
