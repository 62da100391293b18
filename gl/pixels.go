package gl

import (
	"image"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// ReadRegion returns the canvas pixels of r (canvas coordinates, may reach
// outside the canvas, which reads as transparent black) unpremultiplied, as
// getImageData gives them: w*h*4 bytes, top row first.
func (c *Canvas) ReadRegion(r image.Rectangle) []uint8 {
	out := make([]uint8, r.Dx()*r.Dy()*4)
	in := r.Intersect(image.Rect(0, 0, c.width, c.height))
	if in.Empty() {
		return out
	}
	rr := c.r
	rr.Flush()
	rr.bindTarget(c)
	buf := make([]uint8, in.Dx()*in.Dy()*4)
	gl.PixelStorei(gl.PACK_ALIGNMENT, 1)
	gl.ReadPixels(int32(in.Min.X), int32(in.Min.Y), int32(in.Dx()), int32(in.Dy()), gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(buf))
	for y := 0; y < in.Dy(); y++ {
		src := buf[y*in.Dx()*4 : (y+1)*in.Dx()*4]
		dst := out[((in.Min.Y-r.Min.Y+y)*r.Dx()+(in.Min.X-r.Min.X))*4:]
		for i := 0; i < len(src); i += 4 {
			a := uint32(src[i+3])
			dst[i+3] = uint8(a)
			if a == 0 {
				dst[i], dst[i+1], dst[i+2] = 0, 0, 0
				continue
			}
			dst[i] = uint8(min((uint32(src[i])*255+a/2)/a, 255))
			dst[i+1] = uint8(min((uint32(src[i+1])*255+a/2)/a, 255))
			dst[i+2] = uint8(min((uint32(src[i+2])*255+a/2)/a, 255))
		}
	}
	return out
}

// WriteRegion replaces the pixels of the canvas at (dx, dy) with the
// w×h unpremultiplied pixels src, limited to the rectangle dirty of src,
// as putImageData does: no transform, alpha, compositing or clip applies.
func (c *Canvas) WriteRegion(src []uint8, w, h, dx, dy int, dirty image.Rectangle) {
	dirty = dirty.Intersect(image.Rect(0, 0, w, h))
	// Where the dirty part lands, cut to the canvas.
	dst := dirty.Add(image.Pt(dx, dy)).Intersect(image.Rect(0, 0, c.width, c.height))
	if dst.Empty() || len(src) < w*h*4 {
		return
	}
	buf := make([]uint8, dst.Dx()*dst.Dy()*4)
	for y := 0; y < dst.Dy(); y++ {
		row := src[((dst.Min.Y-dy+y)*w+(dst.Min.X-dx))*4:]
		out := buf[y*dst.Dx()*4 : (y+1)*dst.Dx()*4]
		for i := 0; i < len(out); i += 4 {
			a := uint32(row[i+3])
			out[i] = uint8((uint32(row[i])*a + 127) / 255)
			out[i+1] = uint8((uint32(row[i+1])*a + 127) / 255)
			out[i+2] = uint8((uint32(row[i+2])*a + 127) / 255)
			out[i+3] = uint8(a)
		}
	}
	r := c.r
	if r.target == c {
		r.Flush() // earlier draws come first
	}
	gl.BindTexture(gl.TEXTURE_2D, c.tex)
	gl.PixelStorei(gl.UNPACK_ALIGNMENT, 1)
	gl.TexSubImage2D(gl.TEXTURE_2D, 0, int32(dst.Min.X), int32(dst.Min.Y), int32(dst.Dx()), int32(dst.Dy()),
		gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(buf))
}
