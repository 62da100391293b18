package gl

import (
	"math"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// Circles and parallelograms (rectangles under any transform) are
// antialiased analytically: one quad half a pixel larger than the shape,
// whose fragments compute their own coverage from their distance to the
// edges or to the centre. That is 2 triangles where the fringe of aa.go
// takes a fan plus 2 per edge, and llvmpipe pays far more per triangle and
// per 4×4 block a triangle touches than per pixel. The coverage is the one
// the fringe ramps through: clamp(distance inside + 0.5, 0, 1) per edge.

// shapeAttr is a shape vertex's coverage input (attribute 3). For a
// parallelogram: per edge, 0.5 minus the signed distance inside it, in
// device pixels, opposite edges at x/z and y/w; the zero value means full
// coverage, as for solid vertices sharing the batch. For a circle
// (w = circleTag, more than any a parallelogram's): the offset from the
// centre and the radius + 0.5.
type shapeAttr [4]float32

const (
	shapeAttrSize = 16
	circleTag     = 2
	// maxCircleRadius is the device radius up to which a circle is drawn
	// analytically, while float32 distances keep a fine edge. (Even at 160
	// px, the bounding square's extra pixels cost less than the fringe's
	// triangles.)
	maxCircleRadius = 1 << 14
)

// shapeShader is the program of batches with shapes.
const shapeShader = `#version 330 core
in vec4 v_color;
in vec4 v_shape;
out vec4 o_color;
float inside(float a) { return clamp(1.0 - a, 0.0, 1.0); }
void main() {
	float cov;
	if (v_shape.w > 1.5) {
		// Below about half a pixel of radius the ramp overstates a disc:
		// its area bounds its coverage.
		float r = v_shape.z - 0.5;
		cov = min(clamp(v_shape.z - length(v_shape.xy), 0.0, 1.0), 3.14159265 * r * r);
	} else {
		cov = max(inside(v_shape.x) + inside(v_shape.z) - 1.0, 0.0) *
			max(inside(v_shape.y) + inside(v_shape.w) - 1.0, 0.0);
	}
	o_color = v_color * cov;
}
` + "\x00"

// bindShapeData uploads the batch's shape attributes and enables them when
// it has shapes; other batches read the disabled attribute's constant.
func (r *Renderer) bindShapeData() {
	if r.kinds&kindShape == 0 {
		gl.DisableVertexAttribArray(3)
		return
	}
	r.padShapeData()
	gl.BindBuffer(gl.ARRAY_BUFFER, r.shapeVBO)
	gl.BufferData(gl.ARRAY_BUFFER, len(r.shapeData)*shapeAttrSize, gl.Ptr(r.shapeData), gl.STREAM_DRAW)
	gl.EnableVertexAttribArray(3)
}

// padShapeData gives vertices added without shape data (solid fills in
// the same batch) full coverage.
func (r *Renderer) padShapeData() {
	for len(r.shapeData) < len(r.verts) {
		r.shapeData = append(r.shapeData, shapeAttr{})
	}
}

// analyticShapes reports whether a shape drawn into dst now can take the
// shape program: not with a gradient or pattern (their program computes
// no coverage), nor into a textured batch it would join rather than split.
func (x *Context2D) analyticShapes(dst *Canvas, blend blendMode) bool {
	r := x.r
	if r.paint != nil {
		return false
	}
	return r.texture == 0 || r.flushesFor(dst, 0, kindSolid, blend, 4)
}

// shapeQuad appends a quad (corners in quad's order) with shape data.
func (r *Renderer) shapeQuad(v [4]vertex, s [4]shapeAttr) {
	r.padShapeData()
	r.quad(v[0], v[1], v[2], v[3])
	r.shapeData = append(r.shapeData, s[0], s[1], s[2], s[3])
}

// fillCircleAA fills a device-space circle; false when it is too big for
// float32 coordinates to stay exact or cannot take the shape program now.
func (x *Context2D) fillCircleAA(c point, radius float64, col [4]uint8, blend blendMode) bool {
	dst := x.dst()
	if !(radius > 0 && radius <= maxCircleRadius) || !x.analyticShapes(dst, blend) {
		return false
	}
	x.r.use(dst, 0, kindShape, blend, 4)
	h := radius + 0.5
	var v [4]vertex
	var s [4]shapeAttr
	for i, d := range [4]point{{-h, -h}, {h, -h}, {-h, h}, {h, h}} {
		v[i] = vertex{float32(c.x + d.x), float32(c.y + d.y), -1, -1, col}
		s[i] = shapeAttr{float32(d.x), float32(d.y), float32(h), circleTag}
	}
	x.r.shapeQuad(v, s)
	return true
}

// fillParallelogramAA fills a device-space parallelogram (corners in
// order); false when poly is not one or cannot take the shape program now.
func (x *Context2D) fillParallelogramAA(poly []point, col [4]uint8, blend blendMode) bool {
	dst := x.dst()
	if !isParallelogram(poly) || !x.analyticShapes(dst, blend) {
		return false
	}
	// Sides: e0 = p1-p0 (and its opposite e2), e1 = p2-p1 (and e3). sin is
	// that of the corner angle, the same at every corner.
	e0 := point{poly[1].x - poly[0].x, poly[1].y - poly[0].y}
	e1 := point{poly[2].x - poly[1].x, poly[2].y - poly[1].y}
	l0, l1 := math.Hypot(e0.x, e0.y), math.Hypot(e1.x, e1.y)
	sin := math.Abs(e0.x*e1.y-e0.y*e1.x) / (l0 * l1)
	if !(sin >= 0.05) {
		return false // so sharp that the half-pixel margin would reach far out: the fringe path caps it
	}
	h02, h13 := float32(l1*sin), float32(l0*sin) // widths across each pair of sides
	// Each corner's vertex moves away from its two neighbours, along the
	// sides' directions d0 = e0/|e0| and d1 = e1/|e1|, until it is half a
	// pixel outside both of its sides: in shapeAttr terms those are then
	// 0.5 - (-0.5) = 1, the opposite sides 0.5 - (width + 0.5).
	attrs := [4]shapeAttr{{1, -h13, -h02, 1}, {1, 1, -h02, -h13}, {-h02, 1, 1, -h13}, {-h02, -h13, 1, 1}}
	g := 0.5 / sin
	d0x, d0y, d1x, d1y := g*e0.x/l0, g*e0.y/l0, g*e1.x/l1, g*e1.y/l1
	out := [4]point{{-d0x - d1x, -d0y - d1y}, {d0x - d1x, d0y - d1y}, {d0x + d1x, d0y + d1y}, {d1x - d0x, d1y - d0y}}
	x.r.use(dst, 0, kindShape, blend, 4)
	var v [4]vertex
	var s [4]shapeAttr
	for i, k := range [4]int{0, 1, 3, 2} { // quad order: 0 1 / 3 2
		q := point{poly[k].x + out[k].x, poly[k].y + out[k].y}
		v[i] = vertex{float32(q.x), float32(q.y), -1, -1, col}
		s[i] = attrs[k]
	}
	x.r.shapeQuad(v, s)
	return true
}

// isParallelogram reports whether poly is the 4 corners of a
// parallelogram with some area.
func isParallelogram(poly []point) bool {
	if len(poly) != 4 {
		return false
	}
	a, b, c, d := poly[0], poly[1], poly[2], poly[3]
	ex, ey := b.x-a.x, b.y-a.y
	fx, fy := d.x-a.x, d.y-a.y
	scale := math.Max(math.Hypot(ex, ey), math.Hypot(fx, fy))
	if !(math.Abs(ex*fy-ey*fx) > 0) || !(scale < math.Inf(1)) {
		return false
	}
	const eps = 1e-9
	return math.Abs(c.x-(b.x+fx)) <= eps*scale && math.Abs(c.y-(b.y+fy)) <= eps*scale
}
