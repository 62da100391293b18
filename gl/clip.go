package gl

import (
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
	polys   [][]point // device space
	evenOdd bool
}

// Clip intersects the clip region with the current path.
func (x *Context2D) Clip(evenOdd bool) {
	var polys [][]point
	for _, p := range x.path.polygons() {
		polys = append(polys, append([]point(nil), p...))
	}
	x.state.clip = &clipNode{parent: x.state.clip, polys: polys, evenOdd: evenOdd}
}

// applyClip makes the canvas's stencil hold the state's clip region before
// a draw; it costs a pointer comparison when nothing changed.
func (x *Context2D) applyClip() {
	c := x.c
	if c.clip == x.state.clip {
		return
	}
	r := x.r
	if r.target == c {
		r.Flush() // drawn under the old clip
	}
	c.clip = x.state.clip
	if c.clip == nil {
		c.clipMask = 0
		if c.stencil != 0 {
			r.bindTarget(c)
			gl.StencilMask(0xff)
			gl.ClearStencil(0)
			gl.Clear(gl.STENCIL_BUFFER_BIT)
		}
		return
	}
	c.ensureStencil()
	r.bindTarget(c)
	gl.StencilMask(0xff)
	gl.ClearStencil(clipBit)
	gl.Clear(gl.STENCIL_BUFFER_BIT)
	gl.ClearStencil(0)
	var chain []*clipNode
	for n := c.clip; n != nil; n = n.parent {
		chain = append(chain, n)
	}
	r.manualStencil = true
	gl.Enable(gl.STENCIL_TEST)
	for i := len(chain) - 1; i >= 0; i-- {
		r.intersectClip(c, chain[i])
	}
	gl.Disable(gl.STENCIL_TEST)
	r.manualStencil = false
	c.clipMask = clipBit
}

// intersectClip clears the clip bit outside one clip path.
func (r *Renderer) intersectClip(c *Canvas, n *clipNode) {
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
	r.fullCanvasQuad(c)
	// Forget the windings, keep the clip bit.
	gl.StencilMask(windingBits)
	gl.StencilFunc(gl.ALWAYS, 0, 0xff)
	gl.StencilOp(gl.ZERO, gl.ZERO, gl.ZERO)
	r.fullCanvasQuad(c)
	gl.StencilMask(0xff)
	gl.ColorMask(true, true, true, true)
}

// fullCanvasQuad draws an untextured quad over the whole canvas now (for
// stencil work; colour writes are normally masked off).
func (r *Renderer) fullCanvasQuad(c *Canvas) {
	w, h := float32(c.width), float32(c.height)
	col := [4]uint8{255, 255, 255, 255}
	r.target = c
	r.quad(vertex{0, 0, -1, -1, col}, vertex{w, 0, -1, -1, col}, vertex{0, h, -1, -1, col}, vertex{w, h, -1, -1, col})
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
