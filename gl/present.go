package gl

import (
	"image"
	"time"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// Present draws the on-screen canvas stretched over dst in the window's
// framebuffer (fbW×fbH, y down like the canvas), black around and behind
// it. A nil canvas shows a black screen.
func (r *Renderer) Present(c *Canvas, fbW, fbH int, dst image.Rectangle) {
	r.Flush()
	r.detachIdleStencils()
	gl.BindFramebuffer(gl.DRAW_FRAMEBUFFER, 0)
	gl.Viewport(0, 0, int32(fbW), int32(fbH))
	gl.ClearColor(0, 0, 0, 1)
	gl.Clear(gl.COLOR_BUFFER_BIT)
	if c != nil && !c.deleted {
		gl.BindFramebuffer(gl.READ_FRAMEBUFFER, c.fbo)
		// The window's rows run bottom-up: flip while blitting.
		gl.BlitFramebuffer(0, 0, int32(c.width), int32(c.height),
			int32(dst.Min.X), int32(fbH-dst.Min.Y), int32(dst.Max.X), int32(fbH-dst.Max.Y),
			gl.COLOR_BUFFER_BIT, gl.LINEAR)
	}
	r.forgetBinding()
}

// EndFrame submits the frame's GL work and lets it run while the next
// frame's JS does, but waits for the frame before it, as a swap chain of
// two would: without a present (headless) nothing else keeps the CPU from
// queueing frames faster than the GPU draws them.
func (r *Renderer) EndFrame() {
	r.Flush()
	r.detachIdleStencils()
	gl.Flush() // start rasterizing now, not at the next synchronizing call
	if r.frameFence != 0 {
		gl.ClientWaitSync(r.frameFence, gl.SYNC_FLUSH_COMMANDS_BIT, uint64(time.Second))
		gl.DeleteSync(r.frameFence)
	}
	r.frameFence = gl.FenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)
}

// ReadScaled returns the canvas stretched to w×h, premultiplied, top row
// first: what the device screen shows at its pixel size.
func (r *Renderer) ReadScaled(c *Canvas, w, h int) *image.RGBA {
	if c.width == w && c.height == h {
		return c.ReadPixels()
	}
	r.Flush()
	tmp, err := r.NewCanvas(w, h)
	if err != nil {
		return image.NewRGBA(image.Rect(0, 0, w, h))
	}
	defer tmp.Delete()
	gl.BindFramebuffer(gl.READ_FRAMEBUFFER, c.fbo)
	gl.BindFramebuffer(gl.DRAW_FRAMEBUFFER, tmp.fbo)
	gl.BlitFramebuffer(0, 0, int32(c.width), int32(c.height), 0, 0, int32(w), int32(h), gl.COLOR_BUFFER_BIT, gl.LINEAR)
	r.forgetBinding()
	return tmp.ReadPixels()
}

// Overlay is a canvas shown over the screen at a rectangle in frame pixels
// (TikTok's shared canvas placed by its style).
type Overlay struct {
	Canvas     *Canvas
	X, Y, W, H float64
}

// ComposeFrame draws, into frame, the black screen, the on-screen canvas
// stretched over it and the overlays on top.
func (r *Renderer) ComposeFrame(frame, screen *Canvas, overlays []Overlay) {
	frame.Clear()
	r.bindTarget(frame)
	gl.ClearColor(0, 0, 0, 1)
	gl.Clear(gl.COLOR_BUFFER_BIT)
	white := [4]uint8{255, 255, 255, 255}
	draw := func(c *Canvas, x, y, w, h float32) {
		r.setPaint(nil)
		r.use(frame, c.tex, kindImage, blendSourceOver, 4)
		r.quad(vertex{x, y, 0, 0, white}, vertex{x + w, y, 1, 0, white}, vertex{x, y + h, 0, 1, white}, vertex{x + w, y + h, 1, 1, white})
		r.Flush()
	}
	if screen != nil {
		draw(screen, 0, 0, float32(frame.width), float32(frame.height))
	}
	for _, o := range overlays {
		draw(o.Canvas, float32(o.X), float32(o.Y), float32(o.W), float32(o.H))
	}
}
