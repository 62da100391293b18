package gl

import "github.com/go-gl/gl/v3.3-core/gl"

// batchKind says what a batch's fragments need. A software rasterizer
// (llvmpipe) runs every instruction of a shader for every pixel, both arms
// of a branch included, so a batch that needs less gets a program that
// does less: solid colour fills skip texture sampling entirely, and glyphs
// placed 1:1 on whole pixels read one texel instead of filtering four.
type batchKind uint8

const (
	kindSolid batchKind = 1 << iota // vertex colour only
	kindImage                       // filtered texture × vertex colour
	kindGlyph                       // atlas coverage × colour, one texel per pixel
	kindShape                       // colour × coverage computed per pixel (shapes.go)
)

// minSplitVerts is the size from which a batch is drawn rather than
// widened to a kind it lacks: below it, a draw call costs more than the
// general program does on its few pixels.
const minSplitVerts = 64

// splitsFor reports whether adding vertices of kind (with texture, 0 for
// none) should first draw the batch, to keep it on a cheaper program.
// Shapes never share a batch with a texture: only the shape program
// computes their coverage.
func (r *Renderer) splitsFor(kind batchKind, texture uint32) bool {
	if (kind == kindShape && r.texture != 0) || (texture != 0 && r.kinds&kindShape != 0) {
		return true
	}
	if (r.kinds|kind)&^(kindSolid|kindShape) == 0 {
		return false // the shape program draws solid vertices as they are
	}
	return r.kinds != 0 && r.kinds&kind == 0 && len(r.verts) >= minSplitVerts
}

// program is a linked batch program and its size uniform.
type program struct {
	id    uint32
	uSize int32
}

// batchPrograms draw the batch: one per kind, and a general one for
// batches that mix colour and texture.
type batchPrograms struct {
	general, solid, image, glyph, shape program
}

func (ps *batchPrograms) link() error {
	for _, p := range []struct {
		dst *program
		src string
	}{{&ps.general, generalShader}, {&ps.solid, solidShader}, {&ps.image, imageShader}, {&ps.glyph, glyphShader}, {&ps.shape, shapeShader}} {
		id, err := linkProgram(vertexShader, p.src)
		if err != nil {
			return err
		}
		gl.UseProgram(id)
		gl.Uniform1i(gl.GetUniformLocation(id, gl.Str("u_tex\x00")), 0)
		*p.dst = program{id: id, uSize: gl.GetUniformLocation(id, gl.Str("u_size\x00"))}
	}
	gl.UseProgram(0) // as Renderer.usedProg starts
	return nil
}

// pick returns the cheapest program that draws a batch of these kinds.
// Vertices added without use (stencil fans, fringes) are solid and come
// only into batches without a texture.
func (ps *batchPrograms) pick(kinds batchKind, textured bool) program {
	switch {
	case !textured && kinds&kindShape != 0:
		return ps.shape
	case !textured:
		return ps.solid
	case kinds == kindImage:
		return ps.image
	case kinds == kindGlyph:
		return ps.glyph
	}
	return ps.general
}

// generalShader draws solid and textured vertices alike (not shapes):
// u < 0 marks untextured ones.
const generalShader = `#version 330 core
in vec2 v_uv;
in vec4 v_color;
uniform sampler2D u_tex;
out vec4 o_color;
void main() {
	o_color = v_uv.x < -0.5 ? v_color : texture(u_tex, v_uv) * v_color;
}
` + "\x00"

const solidShader = `#version 330 core
in vec4 v_color;
out vec4 o_color;
void main() {
	o_color = v_color;
}
` + "\x00"

const imageShader = `#version 330 core
in vec2 v_uv;
in vec4 v_color;
uniform sampler2D u_tex;
out vec4 o_color;
void main() {
	o_color = texture(u_tex, v_uv) * v_color;
}
` + "\x00"

// glyphShader reads the texel under each pixel's centre: the quads of
// crisp text map atlas texels 1:1 onto whole device pixels, where bilinear
// filtering would return that same texel.
const glyphShader = `#version 330 core
in vec2 v_uv;
in vec4 v_color;
uniform sampler2D u_tex;
out vec4 o_color;
void main() {
	ivec2 texel = ivec2(v_uv * vec2(textureSize(u_tex, 0)));
	o_color = texelFetch(u_tex, texel, 0).r * v_color;
}
` + "\x00"
