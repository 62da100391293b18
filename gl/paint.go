package gl

import (
	"sort"

	"github.com/go-gl/gl/v3.3-core/gl"
	"github.com/minisim/minisim/gl/csscolor"
)

// Paint is what fills or strokes: a colour, a gradient or a pattern
// (fillStyle and strokeStyle).
type Paint struct {
	Color    csscolor.RGBA
	Gradient *Gradient
	Pattern  *Pattern
}

// ColorPaint paints one colour.
func ColorPaint(c csscolor.RGBA) Paint { return Paint{Color: c} }

// GradientKind tells the CanvasGradient constructors apart.
type GradientKind uint8

// The gradient kinds.
const (
	LinearGradient GradientKind = iota + 1
	RadialGradient
	ConicGradient
)

// Gradient is a CanvasGradient: geometry in the user space of the draw
// call that uses it, and colour stops baked into a lookup texture.
type Gradient struct {
	Kind GradientKind
	// Linear: x0, y0, x1, y1. Radial: x0, y0, r0, x1, y1, r1.
	// Conic: start angle, x, y.
	Params [6]float64
	stops  []gradientStop
	lut    uint32 // texture, made (again) when the stops change
	dirty  bool
}

type gradientStop struct {
	offset float64
	color  csscolor.RGBA
}

// AddColorStop adds a stop; stops at equal offsets keep their order (the
// later one starts a sharp edge).
func (g *Gradient) AddColorStop(offset float64, c csscolor.RGBA) {
	i := sort.Search(len(g.stops), func(i int) bool { return g.stops[i].offset > offset })
	g.stops = append(g.stops, gradientStop{})
	copy(g.stops[i+1:], g.stops[i:])
	g.stops[i] = gradientStop{offset, c}
	g.dirty = true
}

const lutSize = 256

// lutPixels samples the gradient at lutSize points. Browsers interpolate
// colours unpremultiplied and premultiply the result; so do we, per texel.
func (g *Gradient) lutPixels() []uint8 {
	pix := make([]uint8, 4*lutSize)
	for i := 0; i < lutSize; i++ {
		t := float64(i) / (lutSize - 1)
		c := g.colorAt(t)
		a := c.A
		pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = unit8(c.R*a), unit8(c.G*a), unit8(c.B*a), unit8(a)
	}
	return pix
}

func (g *Gradient) colorAt(t float64) csscolor.RGBA {
	s := g.stops
	if len(s) == 0 {
		return csscolor.RGBA{}
	}
	if t <= s[0].offset {
		return s[0].color
	}
	for i := 1; i < len(s); i++ {
		if t <= s[i].offset {
			a, b := s[i-1], s[i]
			if b.offset == a.offset {
				return b.color
			}
			k := (t - a.offset) / (b.offset - a.offset)
			lerp := func(x, y float64) float64 { return x + (y-x)*k }
			return csscolor.RGBA{R: lerp(a.color.R, b.color.R), G: lerp(a.color.G, b.color.G),
				B: lerp(a.color.B, b.color.B), A: lerp(a.color.A, b.color.A)}
		}
	}
	return s[len(s)-1].color
}

// Repetition is a pattern's repeat mode.
type Repetition uint8

// The repetition values of createPattern.
const (
	Repeat Repetition = iota
	RepeatX
	RepeatY
	NoRepeat
)

// Pattern is a CanvasPattern: a texture tiled in the user space of the
// draw call, through the pattern's own transform.
type Pattern struct {
	tex           uint32
	width, height int
	Repetition    Repetition
	Transform     Matrix
}

// NewPattern makes a pattern of src. A canvas is copied as it is now, as
// the spec says; an image is referenced.
func (r *Renderer) NewPattern(src Source, rep Repetition) *Pattern {
	tex, w, h, canvas := src.source()
	p := &Pattern{tex: tex, width: w, height: h, Repetition: rep, Transform: Identity}
	if canvas != nil { // a texture of the renderer's, freed by DeleteAll
		p.tex = r.NewTexture(canvas.ReadPixels()).tex
	}
	return p
}

// paintKey is what a batch drawn with a gradient or pattern depends on:
// the paint and the transform in force (paints live in user space).
type paintKey struct {
	gradient *Gradient
	pattern  *Pattern
	inv      Matrix // device -> user space
}

// fillPaint returns the vertex colour and paint key for drawing with p
// (nil key: a plain colour, drawn by the main program).
func (x *Context2D) paintFor(p Paint) ([4]uint8, *paintKey) {
	if p.Gradient == nil && p.Pattern == nil {
		return premul(p.Color, x.state.alpha), nil
	}
	inv, ok := x.state.m.Invert()
	if !ok {
		return [4]uint8{}, nil
	}
	a := unit8(x.state.alpha)
	return [4]uint8{a, a, a, a}, &paintKey{gradient: p.Gradient, pattern: p.Pattern, inv: inv}
}

// beginPaint starts drawing with a fill or stroke style: the clip is
// applied and the batch switched to the paint. ok is false when nothing
// would show (a transparent colour or an uninvertible transform).
func (x *Context2D) beginPaint(p Paint) (col [4]uint8, ok bool) {
	x.applyClip()
	col, pk := x.paintFor(p)
	x.r.setPaint(pk)
	return col, col[3] != 0
}

// setPaint switches the batch to a paint (nil: plain colours and
// textures), flushing what was drawn with another.
func (r *Renderer) setPaint(k *paintKey) {
	same := (k == nil && r.paint == nil) || (k != nil && r.paint != nil && *k == *r.paint)
	if same {
		return
	}
	target := r.target
	r.Flush()
	r.target = target
	r.paint = k
}

const (
	paintLinear = 1
	paintRadial = 2
	paintConic  = 3
	paintImage  = 4
)

// flushPaint draws the batch with the paint program.
func (r *Renderer) flushPaint() {
	if r.paintProg == 0 {
		p, err := linkProgram(vertexShader, paintShader)
		if err != nil {
			r.discardPending(r.target)
			return
		}
		r.paintProg = p
		r.useProgram(p)
		gl.Uniform1i(gl.GetUniformLocation(p, gl.Str("u_paint\x00")), 0)
		gl.Uniform1i(gl.GetUniformLocation(p, gl.Str("u_mask\x00")), 1)
		for _, name := range []string{"u_size", "u_inv", "u_kind", "u_a", "u_b", "u_repeat", "u_patsize"} {
			r.paintUniforms = append(r.paintUniforms, gl.GetUniformLocation(p, gl.Str(name+"\x00")))
		}
	}
	k := r.paint
	u := r.paintUniforms
	r.useProgram(r.paintProg)
	t := r.target
	gl.Uniform2f(u[0], float32(t.width), float32(t.height))
	inv := k.inv
	if k.pattern != nil {
		if pi, ok := k.pattern.Transform.Invert(); ok {
			inv = pi.Mul(inv)
		}
	}
	m := [9]float32{float32(inv.A), float32(inv.B), 0, float32(inv.C), float32(inv.D), 0, float32(inv.E), float32(inv.F), 1}
	gl.UniformMatrix3fv(u[1], 1, false, &m[0])
	if r.texture != 0 { // glyph coverage for text drawn with a paint
		gl.ActiveTexture(gl.TEXTURE1)
		gl.BindTexture(gl.TEXTURE_2D, r.texture)
		gl.ActiveTexture(gl.TEXTURE0)
	}
	if g := k.gradient; g != nil {
		r.uploadLUT(g)
		gl.BindTexture(gl.TEXTURE_2D, g.lut)
		p := g.Params
		switch g.Kind {
		case LinearGradient:
			gl.Uniform1i(u[2], paintLinear)
			gl.Uniform4f(u[3], float32(p[0]), float32(p[1]), float32(p[2]), float32(p[3]))
		case RadialGradient:
			gl.Uniform1i(u[2], paintRadial)
			gl.Uniform4f(u[3], float32(p[0]), float32(p[1]), float32(p[2]), 0)
			gl.Uniform4f(u[4], float32(p[3]), float32(p[4]), float32(p[5]), 0)
		case ConicGradient:
			gl.Uniform1i(u[2], paintConic)
			gl.Uniform4f(u[3], float32(p[1]), float32(p[2]), float32(p[0]), 0)
		}
	} else {
		pt := k.pattern
		gl.Uniform1i(u[2], paintImage)
		gl.BindTexture(gl.TEXTURE_2D, pt.tex)
		rx, ry := int32(1), int32(1)
		if pt.Repetition == RepeatY || pt.Repetition == NoRepeat {
			rx = 0
		}
		if pt.Repetition == RepeatX || pt.Repetition == NoRepeat {
			ry = 0
		}
		gl.Uniform2i(u[5], rx, ry)
		gl.Uniform2f(u[6], float32(pt.width), float32(pt.height))
	}
	r.drawBatch()
}

// uploadLUT (re)makes a gradient's lookup texture when its stops changed.
func (r *Renderer) uploadLUT(g *Gradient) {
	if g.lut == 0 {
		gl.GenTextures(1, &g.lut)
		g.dirty = true
		r.gradients = append(r.gradients, g)
	}
	if !g.dirty {
		return
	}
	g.dirty = false
	pix := g.lutPixels()
	gl.BindTexture(gl.TEXTURE_2D, g.lut)
	gl.PixelStorei(gl.UNPACK_ALIGNMENT, 1)
	gl.TexImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, lutSize, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(pix))
	setSampling(true)
}

// paintShader computes a gradient or pattern colour per pixel in user
// space (u_inv maps device pixels back), times the vertex colour (global
// alpha and edge coverage) and, for text, the glyph coverage.
const paintShader = `#version 330 core
in vec2 v_uv;
in vec4 v_color;
uniform sampler2D u_paint;
uniform sampler2D u_mask;
uniform vec2 u_size;
uniform mat3 u_inv;
uniform int u_kind;
uniform vec4 u_a;
uniform vec4 u_b;
uniform ivec2 u_repeat;
uniform vec2 u_patsize;
out vec4 o_color;
const float PI = 3.14159265358979;

vec4 lut(float t) { return texture(u_paint, vec2((clamp(t, 0.0, 1.0) * 255.0 + 0.5) / 256.0, 0.5)); }

vec4 radial(vec2 p) {
	// Two-point conical gradient: the largest t with r(t) >= 0 whose circle
	// passes through p.
	vec2 c0 = u_a.xy, c1 = u_b.xy;
	float r0 = u_a.z, r1 = u_b.z;
	vec2 cd = c1 - c0, pd = p - c0;
	float dr = r1 - r0;
	float a = dot(cd, cd) - dr * dr;
	float b = dot(pd, cd) + r0 * dr;
	float c = dot(pd, pd) - r0 * r0;
	float t;
	if (abs(a) < 1e-6) {
		if (abs(b) < 1e-6) return vec4(0.0);
		t = c / (2.0 * b);
	} else {
		float disc = b * b - a * c;
		if (disc < 0.0) return vec4(0.0);
		float s = sqrt(disc);
		t = (b + s) / a;
		if (r0 + t * dr < 0.0) {
			t = (b - s) / a;
			if (r0 + t * dr < 0.0) return vec4(0.0);
		}
	}
	return lut(t);
}

vec4 pattern(vec2 p) {
	vec2 uv = p / u_patsize;
	if ((u_repeat.x == 0 && (uv.x < 0.0 || uv.x > 1.0)) || (u_repeat.y == 0 && (uv.y < 0.0 || uv.y > 1.0))) return vec4(0.0);
	return texture(u_paint, fract(uv));
}

void main() {
	vec2 p = (u_inv * vec3(gl_FragCoord.x, gl_FragCoord.y, 1.0)).xy;
	vec4 c;
	if (u_kind == 1) {
		vec2 d = u_a.zw - u_a.xy;
		float len2 = dot(d, d);
		c = len2 > 0.0 ? lut(dot(p - u_a.xy, d) / len2) : vec4(0.0);
	} else if (u_kind == 2) {
		c = radial(p);
	} else if (u_kind == 3) {
		vec2 d = p - u_a.xy;
		float ang = atan(d.y, d.x) - u_a.z;
		c = lut(fract(ang / (2.0 * PI)));
	} else {
		c = pattern(p);
	}
	float coverage = v_uv.x < -0.5 ? 1.0 : texture(u_mask, v_uv).r;
	o_color = c * v_color * coverage;
}
` + "\x00"
