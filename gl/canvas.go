package gl

import (
	"fmt"
	"image"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// MaxCanvasSize bounds a canvas side, as browsers do; larger requests are
// clamped so a game cannot exhaust GPU memory with one assignment.
const MaxCanvasSize = 8192

// Canvas is a drawable texture behind a framebuffer object. Its content
// persists between frames until the game clears it or resizes it.
type Canvas struct {
	r        *Renderer
	tex, fbo uint32
	stencil  uint32 // renderbuffer, made when a clip, fill or stroke first needs it; Resize deletes it
	// The stencil is attached to the framebuffer only while it is used:
	// llvmpipe bins quads as rectangles only into a framebuffer without one
	// (see maxDrawIndices). It comes off after a frame that did not use it
	// (Renderer.detachIdleStencils); a detached renderbuffer keeps its
	// content.
	stencilOn, stencilUsed bool
	// stencilDirty is where the stencil may hold clip bits: the clip's
	// bounds, kept after the clip is dropped until the stencil is next used.
	stencilDirty  image.Rectangle
	width, height int
	// clip is the clip region the stencil holds; clipMask is clipBit while
	// it holds one (see clip.go).
	clip     *clipNode
	clipMask uint32
	deleted  bool
}

// NewCanvas allocates a transparent canvas.
func (r *Renderer) NewCanvas(width, height int) (*Canvas, error) {
	c := &Canvas{r: r}
	gl.GenTextures(1, &c.tex)
	gl.GenFramebuffers(1, &c.fbo)
	if err := c.Resize(width, height); err != nil {
		c.Delete()
		return nil, err
	}
	r.canvases[c] = struct{}{}
	return c, nil
}

// Size is the canvas's size in pixels.
func (c *Canvas) Size() (width, height int) { return c.width, c.height }

// Resize reallocates the canvas at a new size; its content is cleared, as
// assigning canvas.width does in a browser (even to the same value).
func (c *Canvas) Resize(width, height int) error {
	width, height = clampSize(width), clampSize(height)
	r := c.r
	if r.target == c {
		r.discardPending(c)
	}
	c.width, c.height = width, height
	gl.BindTexture(gl.TEXTURE_2D, c.tex)
	// Unsized RGBA with BGRA data gets BGRA storage from Mesa, the only
	// layout llvmpipe fills rectangles in (see maxDrawIndices); a sized
	// RGBA8 would be stored RGBA. GPUs store either as they like.
	gl.TexImage2D(gl.TEXTURE_2D, 0, gl.RGBA, int32(width), int32(height), 0, gl.BGRA, gl.UNSIGNED_BYTE, nil)
	setSampling(true)
	gl.BindFramebuffer(gl.FRAMEBUFFER, c.fbo)
	gl.FramebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, c.tex, 0)
	if c.stencil != 0 { // made again, at the new size, when next needed
		gl.FramebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_STENCIL_ATTACHMENT, gl.RENDERBUFFER, 0)
		gl.DeleteRenderbuffers(1, &c.stencil)
		c.stencil, c.stencilOn, c.stencilDirty = 0, false, image.Rectangle{}
	}
	c.clip, c.clipMask = nil, 0
	if st := gl.CheckFramebufferStatus(gl.FRAMEBUFFER); st != gl.FRAMEBUFFER_COMPLETE {
		r.forgetBinding()
		return fmt.Errorf("gl: canvas %dx%d: framebuffer incomplete (0x%x)", width, height, st)
	}
	gl.Viewport(0, 0, int32(width), int32(height))
	gl.ClearColor(0, 0, 0, 0)
	gl.Clear(gl.COLOR_BUFFER_BIT)
	r.bound = c
	return checkError("resizing a canvas")
}

// ensureStencil readies the canvas's stencil for a fill, stroke or clip:
// made, attached, bound and free of a dropped clip.
func (c *Canvas) ensureStencil() {
	r := c.r
	r.bindTarget(c)
	c.stencilUsed = true
	if !c.stencilOn {
		if c.stencil == 0 {
			gl.GenRenderbuffers(1, &c.stencil)
			c.allocStencil()
		} else {
			gl.FramebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_STENCIL_ATTACHMENT, gl.RENDERBUFFER, c.stencil)
			c.stencilOn = true
		}
		r.stencilled[c] = struct{}{}
	}
	if c.clipMask == 0 && !c.stencilDirty.Empty() { // a dropped clip's bits
		c.clearStencil(c.stencilDirty, 0)
		c.stencilDirty = image.Rectangle{}
	}
}

// detachStencil takes the stencil off the canvas's framebuffer.
func (c *Canvas) detachStencil() {
	if c.stencilOn {
		c.r.bindTarget(c)
		gl.FramebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_STENCIL_ATTACHMENT, gl.RENDERBUFFER, 0)
		c.stencilOn = false
	}
}

// allocStencil sizes the stencil to the canvas, attached and cleared; the
// canvas's framebuffer must be bound.
func (c *Canvas) allocStencil() {
	gl.BindRenderbuffer(gl.RENDERBUFFER, c.stencil)
	gl.RenderbufferStorage(gl.RENDERBUFFER, gl.DEPTH24_STENCIL8, int32(c.width), int32(c.height))
	gl.FramebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_STENCIL_ATTACHMENT, gl.RENDERBUFFER, c.stencil)
	gl.StencilMask(0xff)
	gl.ClearStencil(0)
	gl.Clear(gl.STENCIL_BUFFER_BIT)
	c.stencilOn, c.stencilDirty = true, image.Rectangle{}
}

// clearStencil sets the stencil to v inside rect (canvas pixels, y down
// as GL's are here); the stencil must be attached and bound.
func (c *Canvas) clearStencil(rect image.Rectangle, v int32) {
	rect = rect.Intersect(image.Rect(0, 0, c.width, c.height))
	if rect.Empty() {
		return
	}
	gl.Enable(gl.SCISSOR_TEST)
	gl.Scissor(int32(rect.Min.X), int32(rect.Min.Y), int32(rect.Dx()), int32(rect.Dy()))
	gl.StencilMask(0xff)
	gl.ClearStencil(v)
	gl.Clear(gl.STENCIL_BUFFER_BIT)
	gl.ClearStencil(0)
	gl.Disable(gl.SCISSOR_TEST)
}

// clampSize maps a requested side to 1..MaxCanvasSize (a 0-sized GL
// texture is not drawable; the context still reports the requested size).
func clampSize(n int) int {
	if n < 1 {
		return 1
	}
	if n > MaxCanvasSize {
		return MaxCanvasSize
	}
	return n
}

func setSampling(smooth bool) {
	f := int32(gl.LINEAR)
	if !smooth {
		f = gl.NEAREST
	}
	gl.TexParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, f)
	gl.TexParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, f)
	gl.TexParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE)
	gl.TexParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE)
}

// Clear makes the whole canvas transparent at once, dropping draws still
// pending for it.
func (c *Canvas) Clear() {
	r := c.r
	r.discardPending(c)
	if r.target != nil && r.target != c {
		r.Flush()
	}
	r.bindTarget(c)
	gl.ClearColor(0, 0, 0, 0)
	gl.Clear(gl.COLOR_BUFFER_BIT)
}

// ReadPixels returns the canvas content, top row first, premultiplied.
func (c *Canvas) ReadPixels() *image.RGBA {
	r := c.r
	if r.target == c {
		r.Flush()
	}
	img := image.NewRGBA(image.Rect(0, 0, c.width, c.height))
	r.bindTarget(c)
	gl.PixelStorei(gl.PACK_ALIGNMENT, 1)
	gl.ReadPixels(0, 0, int32(c.width), int32(c.height), gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(img.Pix))
	return img
}

// Delete frees the canvas's GL objects; drawing it afterwards draws nothing.
func (c *Canvas) Delete() {
	if c.deleted {
		return
	}
	r := c.r
	if r.target == c {
		r.discardPending(c)
		r.target = nil
	}
	if r.bound == c {
		gl.BindFramebuffer(gl.FRAMEBUFFER, 0)
		r.bound = nil
	}
	gl.DeleteFramebuffers(1, &c.fbo)
	delete(r.smooth, c.tex) // GL reuses texture names
	gl.DeleteTextures(1, &c.tex)
	if c.stencil != 0 {
		gl.DeleteRenderbuffers(1, &c.stencil)
	}
	c.deleted = true
	delete(r.canvases, c)
	delete(r.stencilled, c)
}

// Texture is an immutable image uploaded to the GPU (a decoded PNG/JPEG).
type Texture struct {
	r             *Renderer
	tex           uint32
	width, height int
}

// NewTexture uploads premultiplied RGBA pixels.
func (r *Renderer) NewTexture(img *image.RGBA) *Texture {
	t := &Texture{r: r, width: img.Rect.Dx(), height: img.Rect.Dy()}
	gl.GenTextures(1, &t.tex)
	gl.BindTexture(gl.TEXTURE_2D, t.tex)
	gl.PixelStorei(gl.UNPACK_ALIGNMENT, 1)
	gl.PixelStorei(gl.UNPACK_ROW_LENGTH, int32(img.Stride/4))
	var pix = img.Pix
	if len(pix) == 0 {
		pix = []uint8{0, 0, 0, 0}
	}
	gl.TexImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, int32(max(t.width, 1)), int32(max(t.height, 1)), 0, gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(pix))
	gl.PixelStorei(gl.UNPACK_ROW_LENGTH, 0)
	setSampling(true)
	r.textures[t] = struct{}{}
	return t
}

// Size is the texture's size in pixels.
func (t *Texture) Size() (width, height int) { return t.width, t.height }

// Delete frees the texture.
func (t *Texture) Delete() {
	if t.tex == 0 {
		return
	}
	if t.r.texture == t.tex {
		t.r.Flush()
	}
	delete(t.r.smooth, t.tex) // GL reuses texture names
	gl.DeleteTextures(1, &t.tex)
	t.tex = 0
	delete(t.r.textures, t)
}

// Source is anything drawImage accepts: a texture or another canvas.
type Source interface {
	source() (tex uint32, width, height int, canvas *Canvas)
}

func (t *Texture) source() (uint32, int, int, *Canvas) { return t.tex, t.width, t.height, nil }
func (c *Canvas) source() (uint32, int, int, *Canvas) {
	if c.deleted {
		return 0, 0, 0, nil
	}
	return c.tex, c.width, c.height, c
}

// DeleteAll frees every canvas and texture (a domain being torn down).
func (r *Renderer) DeleteAll() {
	r.Flush()
	for c := range r.canvases {
		c.Delete()
	}
	for t := range r.textures {
		t.Delete()
	}
	for _, g := range r.gradients {
		gl.DeleteTextures(1, &g.lut)
		g.lut, g.dirty = 0, true
	}
	r.gradients = nil
}
