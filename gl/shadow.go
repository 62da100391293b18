package gl

import (
	"math"

	"github.com/go-gl/gl/v3.3-core/gl"
	"github.com/minisim/minisim/gl/csscolor"
)

// Shadows: a draw with a visible shadow goes into the layer; the layer's
// alpha, tinted with shadowColor, Gaussian-blurred (σ = shadowBlur / 2)
// and moved by the offset, is composited first, then the layer itself.
// Offsets and blur are in device pixels: the transform does not scale
// them, as the spec says.

// SetShadowColor sets shadowColor.
func (x *Context2D) SetShadowColor(c csscolor.RGBA) { x.state.shadowColor = c }

// ShadowColor is the current shadowColor.
func (x *Context2D) ShadowColor() csscolor.RGBA { return x.state.shadowColor }

// SetShadowBlur sets shadowBlur; negative and non-finite are ignored.
func (x *Context2D) SetShadowBlur(b float64) {
	if finite(b) && b >= 0 {
		x.state.shadowBlur = b
	}
}

// ShadowBlur is the current shadowBlur.
func (x *Context2D) ShadowBlur() float64 { return x.state.shadowBlur }

// SetShadowOffset sets shadowOffsetX/Y; non-finite values are ignored.
func (x *Context2D) SetShadowOffset(dx, dy float64) {
	if finite(dx) && finite(dy) {
		x.state.shadowDX, x.state.shadowDY = dx, dy
	}
}

// ShadowOffset is the current shadow offset.
func (x *Context2D) ShadowOffset() (dx, dy float64) { return x.state.shadowDX, x.state.shadowDY }

// shadowVisible reports whether draws cast a shadow now.
func (x *Context2D) shadowVisible() bool {
	s := &x.state
	return s.shadowColor.A > 0 && (s.shadowBlur > 0 || s.shadowDX != 0 || s.shadowDY != 0)
}

// maxShadowRadius bounds the blur kernel (taps each side).
const maxShadowRadius = 96

// castShadow renders the shadow of layer into a renderer canvas and
// returns it, ready to composite.
func (x *Context2D) castShadow(layer *Canvas) *Canvas {
	r := x.r
	if r.shadowProg == 0 {
		p, err := linkProgram(vertexShader, shadowShader)
		if err != nil {
			return nil
		}
		r.shadowProg = p
		r.useProgram(p)
		for _, name := range []string{"u_size", "u_step", "u_sigma", "u_radius", "u_color", "u_offset", "u_final"} {
			r.shadowUniforms = append(r.shadowUniforms, gl.GetUniformLocation(p, gl.Str(name+"\x00")))
		}
	}
	a := r.scratchCanvas(&r.shadowA, layer)
	b := r.scratchCanvas(&r.shadowB, layer)
	sigma := x.state.shadowBlur / 2
	radius := int(math.Min(math.Ceil(3*sigma), maxShadowRadius))
	w, h := float32(layer.width), float32(layer.height)
	c := x.state.shadowColor
	// Pass 1: blur the alpha horizontally, shifted by the offset.
	r.shadowPass(layer, a, [2]float32{1 / w, 0}, sigma, radius,
		[2]float32{float32(x.state.shadowDX) / w, float32(x.state.shadowDY) / h}, nil)
	// Pass 2: blur vertically and tint.
	col := [4]float32{float32(c.R * c.A), float32(c.G * c.A), float32(c.B * c.A), float32(c.A)}
	r.shadowPass(a, b, [2]float32{0, 1 / h}, sigma, radius, [2]float32{}, &col)
	return b
}

// scratchCanvas returns a renderer-owned canvas sized like like.
func (r *Renderer) scratchCanvas(slot **Canvas, like *Canvas) *Canvas {
	if *slot == nil {
		c, err := r.NewCanvas(like.width, like.height)
		if err != nil {
			return like
		}
		delete(r.canvases, c)
		*slot = c
	} else if (*slot).width != like.width || (*slot).height != like.height {
		(*slot).Resize(like.width, like.height)
	}
	return *slot
}

func (r *Renderer) shadowPass(src, dst *Canvas, step [2]float32, sigma float64, radius int, offset [2]float32, tint *[4]float32) {
	u := r.shadowUniforms
	r.bindTarget(dst)
	gl.ClearColor(0, 0, 0, 0)
	gl.Clear(gl.COLOR_BUFFER_BIT)
	r.useProgram(r.shadowProg)
	gl.Uniform2f(u[0], float32(dst.width), float32(dst.height))
	gl.Uniform2f(u[1], step[0], step[1])
	gl.Uniform1f(u[2], float32(sigma))
	gl.Uniform1i(u[3], int32(radius))
	final := int32(0)
	if tint != nil {
		final = 1
		gl.Uniform4f(u[4], tint[0], tint[1], tint[2], tint[3])
	}
	gl.Uniform1i(u[6], final)
	gl.Uniform2f(u[5], offset[0], offset[1])
	gl.BindTexture(gl.TEXTURE_2D, src.tex)
	gl.Disable(gl.STENCIL_TEST)
	r.drawProgramQuad(dst)
}

// shadowShader blurs alpha along u_step with a Gaussian kernel; the final
// pass tints it. Samples outside the canvas are transparent.
const shadowShader = `#version 330 core
in vec2 v_uv;
uniform sampler2D u_tex;
uniform vec2 u_step;
uniform float u_sigma;
uniform int u_radius;
uniform vec4 u_color;
uniform vec2 u_offset;
uniform int u_final;
out vec4 o_color;

float alphaAt(vec2 uv) {
	if (uv.x < 0.0 || uv.y < 0.0 || uv.x > 1.0 || uv.y > 1.0) return 0.0;
	return texture(u_tex, uv).a;
}

void main() {
	vec2 uv = v_uv - u_offset;
	float a = 0.0, wsum = 0.0;
	for (int i = -u_radius; i <= u_radius; i++) {
		float w = u_sigma > 0.0 ? exp(-0.5 * float(i * i) / (u_sigma * u_sigma)) : 1.0;
		a += w * alphaAt(uv + float(i) * u_step);
		wsum += w;
	}
	a /= wsum;
	o_color = u_final == 1 ? u_color * a : vec4(a);
}
` + "\x00"
