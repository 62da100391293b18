package gl

import (
	"image"
	"math"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// Clipping lives in the canvas's stencil buffer. Its top bit marks pixels
// inside the clip region; the low seven bits count windings while a path
// is filled. Every draw on a clipped canvas passes only where the clip bit
// is set.
const (
	clipBit     = 0x80
	windingBits = 0x7f
)

// clipNode is one clip() call: the region is the intersection of a node
// and its parents. Nodes are immutable, so drawState can share them and
// restore() returns to an older one for free.
type clipNode struct {
	parent  *clipNode
	polys   [][]point       // device space
	bounds  image.Rectangle // the whole pixels around polys
	evenOdd bool
}

// Clip intersects the clip region with the current path.
func (x *Context2D) Clip(evenOdd bool) {
	var polys [][]point
	for _, p := range x.path.polygons() {
		polys = append(polys, append([]point(nil), p...))
	}
	x.state.clip = &clipNode{parent: x.state.clip, polys: polys, bounds: pixelBounds(polys), evenOdd: evenOdd}
}

// applyClip makes the canvas's stencil hold the state's clip region before
// a draw; it costs a pointer comparison when nothing changed.
func (x *Context2D) applyClip() {
	c := x.c
	if c.clip == x.state.clip {
		return
	}
	r := x.r
	// Drawn under the old clip, or on another canvas: building the clip
	// adds its fans to the batch.
	r.Flush()
	c.clip = x.state.clip
	if c.clip == nil {
		c.clipMask = 0 // its bits go when the stencil is next used
		return
	}
	c.ensureStencil()
	var chain []*clipNode
	bounds := image.Rect(0, 0, c.width, c.height)
	for n := c.clip; n != nil; n = n.parent {
		chain = append(chain, n)
		bounds = bounds.Intersect(n.bounds)
	}
	// The stencil work stays inside the clip's bounds, so a small clip
	// (an avatar's circle) costs little however large the canvas is.
	c.clearStencil(c.stencilDirty, 0)
	c.clearStencil(bounds, clipBit)
	c.stencilDirty = bounds
	c.clipMask = clipBit
	if bounds.Empty() {
		return // nothing passes: no clip bit is set anywhere
	}
	r.manualStencil = true
	gl.Enable(gl.STENCIL_TEST)
	for i := len(chain) - 1; i >= 0; i-- {
		r.intersectClip(c, chain[i], bounds)
	}
	gl.Disable(gl.STENCIL_TEST)
	r.manualStencil = false
}

// pixelBounds is the whole-pixel box around polys, empty for none.
func pixelBounds(polys [][]point) image.Rectangle {
	box := emptyBox()
	for _, p := range polys {
		box.add(p)
	}
	if !(box.min.x <= box.max.x && box.min.y <= box.max.y) {
		return image.Rectangle{}
	}
	// Clamped well outside any canvas before converting, so huge or
	// infinite coordinates cannot overflow an int.
	const far = 2 * MaxCanvasSize
	clamp := func(v float64) float64 { return math.Max(-far, math.Min(far, v)) }
	return image.Rect(int(math.Floor(clamp(box.min.x))), int(math.Floor(clamp(box.min.y))),
		int(math.Ceil(clamp(box.max.x))), int(math.Ceil(clamp(box.max.y))))
}

// intersectClip clears the clip bit outside one clip path, inside bounds
// (outside them no clip bit is set).
func (r *Renderer) intersectClip(c *Canvas, n *clipNode, bounds image.Rectangle) {
	r.target = c
	gl.ColorMask(false, false, false, false)
	// Windings of the path into the low bits.
	gl.StencilFunc(gl.ALWAYS, 0, 0xff)
	inside := uint32(windingBits)
	if n.evenOdd {
		gl.StencilMask(1)
		gl.StencilOp(gl.KEEP, gl.KEEP, gl.INVERT)
		inside = 1
	} else {
		gl.StencilMask(windingBits)
		gl.StencilOpSeparate(gl.FRONT, gl.KEEP, gl.KEEP, gl.INCR_WRAP)
		gl.StencilOpSeparate(gl.BACK, gl.KEEP, gl.KEEP, gl.DECR_WRAP)
	}
	white := [4]uint8{255, 255, 255, 255}
	for _, p := range n.polys {
		r.appendFanChunked(p, white)
	}
	r.Flush()
	r.target = c
	// Outside the path (clip bit set, no winding): clear the clip bit.
	gl.StencilMask(0xff)
	gl.StencilFunc(gl.EQUAL, clipBit, clipBit|inside)
	gl.StencilOp(gl.KEEP, gl.KEEP, gl.ZERO)
	r.stencilQuad(c, bounds)
	// Forget the windings, keep the clip bit: wherever the path's fans
	// reached, which may be past bounds.
	gl.StencilMask(windingBits)
	gl.StencilFunc(gl.ALWAYS, 0, 0xff)
	gl.StencilOp(gl.ZERO, gl.ZERO, gl.ZERO)
	r.stencilQuad(c, n.bounds)
	gl.StencilMask(0xff)
	gl.ColorMask(true, true, true, true)
}

// stencilQuad draws an untextured quad over rect (clamped to the canvas)
// now, for stencil work; colour writes are normally masked off.
func (r *Renderer) stencilQuad(c *Canvas, rect image.Rectangle) {
	rect = rect.Intersect(image.Rect(0, 0, c.width, c.height))
	if rect.Empty() {
		return
	}
	x0, y0, x1, y1 := float32(rect.Min.X), float32(rect.Min.Y), float32(rect.Max.X), float32(rect.Max.Y)
	col := [4]uint8{255, 255, 255, 255}
	r.target = c
	r.quad(vertex{x0, y0, -1, -1, col}, vertex{x1, y0, -1, -1, col}, vertex{x0, y1, -1, -1, col}, vertex{x1, y1, -1, -1, col})
	r.Flush()
}

// applyClipTest sets the stencil test a plain draw on c needs.
func (r *Renderer) applyClipTest(c *Canvas) {
	if r.manualStencil {
		return
	}
	if c.clipMask != 0 {
		gl.Enable(gl.STENCIL_TEST)
		gl.StencilMask(0xff)
		gl.StencilFunc(gl.EQUAL, clipBit, clipBit)
		gl.StencilOp(gl.KEEP, gl.KEEP, gl.KEEP)
	} else {
		gl.Disable(gl.STENCIL_TEST)
	}
}

// clipped reports whether draws on c are clipped.
func (c *Canvas) clipped() bool { return c.clipMask != 0 }
