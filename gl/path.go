package gl

import (
	"github.com/go-gl/gl/v3.3-core/gl"
)

// BeginPath empties the current path.
func (x *Context2D) BeginPath() { x.path.reset() }

// MoveTo starts a new subpath.
func (x *Context2D) MoveTo(px, py float64) { x.path.moveTo(x.state.m, px, py) }

// LineTo adds a straight segment.
func (x *Context2D) LineTo(px, py float64) { x.path.lineTo(x.state.m, px, py) }

// ClosePath closes the current subpath.
func (x *Context2D) ClosePath() { x.path.closePath() }

// Rect adds a closed rectangle subpath.
func (x *Context2D) Rect(rx, ry, rw, rh float64) { x.path.rect(x.state.m, rx, ry, rw, rh) }

// QuadraticCurveTo adds a quadratic Bézier curve.
func (x *Context2D) QuadraticCurveTo(cx, cy, px, py float64) {
	x.path.quadTo(x.state.m, cx, cy, px, py)
}

// BezierCurveTo adds a cubic Bézier curve.
func (x *Context2D) BezierCurveTo(c1x, c1y, c2x, c2y, px, py float64) {
	x.path.cubicTo(x.state.m, c1x, c1y, c2x, c2y, px, py)
}

// Arc adds a circular arc, joined to the current point by a line; false
// means a negative radius (the browser's IndexSizeError).
func (x *Context2D) Arc(cx, cy, radius, start, end float64, ccw bool) bool {
	return x.path.ellipse(x.state.m, cx, cy, radius, radius, 0, start, end, ccw)
}

// Ellipse adds an elliptical arc; false means a negative radius.
func (x *Context2D) Ellipse(cx, cy, rx, ry, rotation, start, end float64, ccw bool) bool {
	return x.path.ellipse(x.state.m, cx, cy, rx, ry, rotation, start, end, ccw)
}

// ArcTo adds an arc tangent to two lines; false means a negative radius.
func (x *Context2D) ArcTo(x1, y1, x2, y2, radius float64) bool {
	return x.path.arcTo(x.state.m, x1, y1, x2, y2, radius)
}

// RoundRect adds a rounded rectangle (radii as documented on path.roundRect).
func (x *Context2D) RoundRect(rx, ry, rw, rh float64, radii [4][2]float64) {
	x.path.roundRect(x.state.m, rx, ry, rw, rh, radii)
}

// Fill fills the current path with the fill colour; evenOdd selects the
// even-odd rule instead of nonzero.
func (x *Context2D) Fill(evenOdd bool) {
	col, ok := x.beginPaint(x.state.fill)
	if !ok {
		return
	}
	// A lone circle is drawn analytically, before polygons() would build
	// its polyline (when it is one, the path has a polygon).
	if c, r, ok := x.path.onlyCircle(); ok && x.fillCircleAA(c, r, col, x.drawBlend()) {
		x.finishDraw()
		return
	}
	polys := x.path.polygons()
	if len(polys) == 0 {
		return
	}
	if len(polys) == 1 && isConvex(polys[0]) {
		if !x.fillParallelogramAA(polys[0], col, x.drawBlend()) {
			x.fillConvexAA(polys[0], col, x.drawBlend())
		}
	} else {
		x.fillStencil(polys, col, evenOdd)
	}
	x.finishDraw()
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
		if dx*dx+dy*dy < 1e-12 {
			// No length to speak of: a closed arc ends a rounding error
			// from where it began, in no meaningful direction.
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

// fillStencil fills any polygons by stencil-then-cover: the fans of every
// inset subpath count windings into the stencil buffer; the antialiasing
// fringe is drawn where the stencil says "outside"; then one quad over the
// bounds draws where the rule says "inside", clearing the stencil behind it.
func (x *Context2D) fillStencil(polys [][]point, col [4]uint8, evenOdd bool) {
	r, dst := x.r, x.dst()
	r.Flush()
	dst.ensureStencil()
	r.target = dst
	r.manualStencil = true
	defer func() { r.manualStencil = false }()
	box := emptyBox()
	outlines := make([]aaOutline, 0, len(polys))
	for _, poly := range polys {
		o := outline(poly, &aaOutline{}) // each kept: no shared scratch
		outlines = append(outlines, o)
		box.add(o.outer)
	}

	// Windings go to the low bits; the clip bit (if any) stays.
	inside := uint32(windingBits)
	gl.Enable(gl.STENCIL_TEST)
	gl.ColorMask(false, false, false, false)
	gl.StencilFunc(gl.ALWAYS, 0, 0xff)
	if evenOdd {
		inside = 1
		gl.StencilMask(1)
		gl.StencilOp(gl.KEEP, gl.KEEP, gl.INVERT)
	} else {
		gl.StencilMask(windingBits)
		gl.StencilOpSeparate(gl.FRONT, gl.KEEP, gl.KEEP, gl.INCR_WRAP)
		gl.StencilOpSeparate(gl.BACK, gl.KEEP, gl.KEEP, gl.DECR_WRAP)
	}
	white := [4]uint8{255, 255, 255, 255}
	for _, o := range outlines {
		r.appendFanChunked(o.inner, white)
	}
	r.Flush()
	r.target = dst
	gl.ColorMask(true, true, true, true)
	r.blend = x.drawBlend()

	// Fringe: inside the clip, outside the fill.
	clip := dst.clipMask
	gl.StencilFunc(gl.EQUAL, int32(clip), clip|inside)
	gl.StencilOp(gl.KEEP, gl.KEEP, gl.KEEP)
	for _, o := range outlines {
		if len(r.verts)+2*len(o.inner) > maxBatchVerts {
			r.Flush()
			r.target = dst
		}
		if 2*len(o.inner) <= maxBatchVerts {
			r.appendFringe(o, col)
		}
	}
	r.Flush()
	r.target = dst

	// Cover: inside the clip (clip bit as set) with a non-zero winding,
	// i.e. the masked stencil exceeds the clip bit alone. Zeroing the
	// winding bits leaves the stencil ready for the next fill.
	gl.StencilFunc(gl.LESS, int32(clip), clip|inside)
	gl.StencilMask(windingBits)
	gl.StencilOp(gl.ZERO, gl.ZERO, gl.ZERO)
	r.blend = x.drawBlend()
	v := func(px, py float64) vertex { return vertex{float32(px), float32(py), -1, -1, col} }
	r.quad(v(box.min.x, box.min.y), v(box.max.x, box.min.y), v(box.min.x, box.max.y), v(box.max.x, box.max.y))
	r.Flush()
	gl.StencilMask(0xff)
	gl.Disable(gl.STENCIL_TEST)
}

// appendFanChunked adds a fan of any length, flushing between chunks that
// fit the batch: each chunk restarts the fan from the first point.
func (r *Renderer) appendFanChunked(poly []point, col [4]uint8) {
	for len(poly) >= 3 {
		chunk := poly
		if len(chunk) > maxBatchVerts {
			chunk = chunk[:maxBatchVerts]
		}
		if len(r.verts)+len(chunk) > maxBatchVerts {
			target := r.target
			r.Flush()
			r.target = target
		}
		r.appendFan(chunk, col)
		if len(poly) <= maxBatchVerts {
			return
		}
		poly = append([]point{poly[0]}, poly[maxBatchVerts-1:]...)
	}
}
