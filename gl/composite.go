package gl

import (
	"github.com/go-gl/gl/v3.3-core/gl"
)

// CompositeOp is ctx.globalCompositeOperation.
type CompositeOp uint8

// The composite operations, in the order of CompositeOpNames.
const (
	OpSourceOver CompositeOp = iota
	OpSourceIn
	OpSourceOut
	OpSourceAtop
	OpDestinationOver
	OpDestinationIn
	OpDestinationOut
	OpDestinationAtop
	OpLighter
	OpCopy
	OpXor
	OpMultiply
	OpScreen
	OpOverlay
	OpDarken
	OpLighten
	OpColorDodge
	OpColorBurn
	OpHardLight
	OpSoftLight
	OpDifference
	OpExclusion
	OpHue
	OpSaturation
	OpColor
	OpLuminosity
)

// CompositeOpNames are the strings globalCompositeOperation accepts,
// indexed by CompositeOp.
var CompositeOpNames = []string{
	"source-over", "source-in", "source-out", "source-atop",
	"destination-over", "destination-in", "destination-out", "destination-atop",
	"lighter", "copy", "xor",
	"multiply", "screen", "overlay", "darken", "lighten", "color-dodge", "color-burn",
	"hard-light", "soft-light", "difference", "exclusion", "hue", "saturation", "color", "luminosity",
}

// compositeWay is how an operation reaches the canvas.
type compositeWay uint8

const (
	// A blend mode (multiply, screen...), which GL blending cannot
	// express: a shader reads the layer and the canvas (blendLayer).
	viaShader compositeWay = iota
	// GL blending on the canvas directly, for operations that leave
	// pixels outside the shape alone (a transparent source keeps the
	// destination).
	direct
	// Porter-Duff operations that change pixels outside the shape too (a
	// transparent source clears them): the shape is drawn into a layer,
	// and the whole layer is blended onto the canvas.
	layered
)

// compositeRules says, per operation, how it is drawn and with which GL
// blending; the blend modes are the zero value, viaShader.
var compositeRules = [...]struct {
	way   compositeWay
	blend blendMode
}{
	OpSourceOver:      {direct, blendSourceOver},
	OpSourceAtop:      {direct, blendSourceAtop},
	OpDestinationOver: {direct, blendDestOver},
	OpDestinationOut:  {direct, blendDestOut},
	OpLighter:         {direct, blendLighter},
	OpXor:             {direct, blendXor},
	OpSourceIn:        {layered, blendSourceIn},
	OpSourceOut:       {layered, blendSourceOut},
	OpDestinationIn:   {layered, blendDestIn},
	OpDestinationAtop: {layered, blendDestAtop},
	OpCopy:            {layered, blendCopy},
	OpLuminosity:      {viaShader, 0}, // sizes the table to every operation
}

// SetCompositeOp sets globalCompositeOperation.
func (x *Context2D) SetCompositeOp(op CompositeOp) { x.state.op = op }

// CompositeOp is the current globalCompositeOperation.
func (x *Context2D) CompositeOp() CompositeOp { return x.state.op }

// usesLayer reports whether drawing calls go through the layer now: for
// operations GL blending cannot do on the canvas directly, and to cast a
// shadow.
func (x *Context2D) usesLayer() bool {
	return compositeRules[x.state.op].way != direct || x.shadowVisible()
}

// dst is where drawing calls draw: the canvas, or the layer.
func (x *Context2D) dst() *Canvas {
	if !x.usesLayer() {
		return x.c
	}
	return x.r.layerFor(x.c)
}

// drawBlend is the blending drawing calls use on dst.
func (x *Context2D) drawBlend() blendMode {
	if x.usesLayer() {
		return blendSourceOver // into the empty layer
	}
	return compositeRules[x.state.op].blend
}

// finishDraw ends a drawing call that went to the layer: its shadow, then
// the layer itself, are composited onto the canvas, and the layer cleared.
func (x *Context2D) finishDraw() {
	if !x.usesLayer() {
		return
	}
	r := x.r
	layer := r.layerFor(x.c)
	r.Flush()
	r.setPaint(nil)
	if x.shadowVisible() {
		if sh := x.castShadow(layer); sh != nil {
			x.composite(sh)
		}
	}
	x.composite(layer)
	layer.Clear()
}

// composite draws a full-canvas source onto the canvas with the current
// operation.
func (x *Context2D) composite(src *Canvas) {
	r := x.r
	rule := compositeRules[x.state.op]
	if rule.way == viaShader {
		r.blendLayer(src, x.c, x.state.op)
		return
	}
	r.use(x.c, src.tex, kindImage, rule.blend, 4)
	r.fullQuad(x.c, [4]uint8{255, 255, 255, 255})
	r.Flush()
}

// layerFor returns the renderer's layer canvas sized like c, empty.
func (r *Renderer) layerFor(c *Canvas) *Canvas {
	if r.layer == nil {
		l, err := r.NewCanvas(c.width, c.height)
		if err != nil {
			return c // cannot happen for a size c already has; draw directly
		}
		delete(r.canvases, l) // owned by the renderer, not by a domain
		r.layer = l
	} else if r.layer.width != c.width || r.layer.height != c.height {
		r.layer.Resize(c.width, c.height)
	}
	return r.layer
}

// fullQuad adds a quad covering target that samples the bound texture
// 1:1 (the layer and the canvas have the same size).
func (r *Renderer) fullQuad(target *Canvas, col [4]uint8) {
	w, h := float32(target.width), float32(target.height)
	r.quad(vertex{0, 0, 0, 0, col}, vertex{w, 0, 1, 0, col}, vertex{0, h, 0, 1, col}, vertex{w, h, 1, 1, col})
}

// drawProgramQuad runs the program in use (a filter: blend modes,
// shadow blur) over the whole of target, replacing its pixels.
func (r *Renderer) drawProgramQuad(target *Canvas) {
	r.applyBlend(blendCopy)
	r.target = target
	r.fullQuad(target, [4]uint8{255, 255, 255, 255})
	r.drawBatch()
}

// blendLayer composites layer onto target with a blend mode (multiply,
// screen...), which GL blending cannot express: a shader reads the layer
// and a snapshot of the target and writes the result.
func (r *Renderer) blendLayer(layer, target *Canvas, op CompositeOp) {
	if r.blendProg == 0 {
		p, err := linkProgram(vertexShader, blendModeShader)
		if err != nil {
			return // a driver that cannot compile it draws nothing for these modes
		}
		r.blendProg = p
		r.useProgram(p)
		gl.Uniform1i(gl.GetUniformLocation(p, gl.Str("u_src\x00")), 0)
		gl.Uniform1i(gl.GetUniformLocation(p, gl.Str("u_dst\x00")), 1)
		r.uBlendMode = gl.GetUniformLocation(p, gl.Str("u_mode\x00"))
		r.uBlendSize = gl.GetUniformLocation(p, gl.Str("u_size\x00"))
	}
	snap := r.snapshot(target)
	r.bindTarget(target)
	r.applyClipTest(target)
	r.useProgram(r.blendProg)
	gl.Uniform1i(r.uBlendMode, int32(op-OpMultiply))
	gl.Uniform2f(r.uBlendSize, float32(target.width), float32(target.height))
	gl.ActiveTexture(gl.TEXTURE1)
	gl.BindTexture(gl.TEXTURE_2D, snap)
	gl.ActiveTexture(gl.TEXTURE0)
	gl.BindTexture(gl.TEXTURE_2D, layer.tex)
	r.drawProgramQuad(target)
}

// blendModeShader implements the separable and non-separable blend modes
// of the Compositing and Blending spec, source-over composited, on
// premultiplied colours.
const blendModeShader = `#version 330 core
in vec2 v_uv;
uniform sampler2D u_src;
uniform sampler2D u_dst;
uniform int u_mode;
out vec4 o_color;

float lum(vec3 c) { return dot(c, vec3(0.3, 0.59, 0.11)); }
vec3 clipColor(vec3 c) {
	float l = lum(c), n = min(min(c.r, c.g), c.b), x = max(max(c.r, c.g), c.b);
	if (n < 0.0) c = l + (c - l) * l / (l - n);
	if (x > 1.0) c = l + (c - l) * (1.0 - l) / (x - l);
	return c;
}
vec3 setLum(vec3 c, float l) { return clipColor(c + (l - lum(c))); }
float sat(vec3 c) { return max(max(c.r, c.g), c.b) - min(min(c.r, c.g), c.b); }
vec3 setSat(vec3 c, float s) {
	float mx = max(max(c.r, c.g), c.b), mn = min(min(c.r, c.g), c.b);
	return mx > mn ? (c - mn) * s / (mx - mn) : vec3(0.0);
}
float dodge(float b, float s) { return b == 0.0 ? 0.0 : (s >= 1.0 ? 1.0 : min(1.0, b / (1.0 - s))); }
float burn(float b, float s) { return b >= 1.0 ? 1.0 : (s <= 0.0 ? 0.0 : 1.0 - min(1.0, (1.0 - b) / s)); }
float hardLight(float b, float s) { return s <= 0.5 ? b * 2.0 * s : b + (2.0 * s - 1.0) - b * (2.0 * s - 1.0); }
float softLight(float b, float s) {
	if (s <= 0.5) return b - (1.0 - 2.0 * s) * b * (1.0 - b);
	float d = b <= 0.25 ? ((16.0 * b - 12.0) * b + 4.0) * b : sqrt(b);
	return b + (2.0 * s - 1.0) * (d - b);
}
vec3 blend(vec3 b, vec3 s) {
	if (u_mode == 0) return b * s;
	if (u_mode == 1) return b + s - b * s;
	if (u_mode == 2) return vec3(hardLight(s.r, b.r), hardLight(s.g, b.g), hardLight(s.b, b.b));
	if (u_mode == 3) return min(b, s);
	if (u_mode == 4) return max(b, s);
	if (u_mode == 5) return vec3(dodge(b.r, s.r), dodge(b.g, s.g), dodge(b.b, s.b));
	if (u_mode == 6) return vec3(burn(b.r, s.r), burn(b.g, s.g), burn(b.b, s.b));
	if (u_mode == 7) return vec3(hardLight(b.r, s.r), hardLight(b.g, s.g), hardLight(b.b, s.b));
	if (u_mode == 8) return vec3(softLight(b.r, s.r), softLight(b.g, s.g), softLight(b.b, s.b));
	if (u_mode == 9) return abs(b - s);
	if (u_mode == 10) return b + s - 2.0 * b * s;
	if (u_mode == 11) return setLum(setSat(s, sat(b)), lum(b));
	if (u_mode == 12) return setLum(setSat(b, sat(s)), lum(b));
	if (u_mode == 13) return setLum(s, lum(b));
	return setLum(b, lum(s));
}
void main() {
	vec4 s = texture(u_src, v_uv);
	vec4 d = texture(u_dst, v_uv);
	vec3 cs = s.a > 0.0 ? s.rgb / s.a : vec3(0.0);
	vec3 cb = d.a > 0.0 ? d.rgb / d.a : vec3(0.0);
	vec3 mixed = (1.0 - d.a) * cs + d.a * clamp(blend(cb, cs), 0.0, 1.0);
	o_color = vec4(s.a * mixed + (1.0 - s.a) * d.rgb, s.a + d.a * (1.0 - s.a));
}
` + "\x00"
