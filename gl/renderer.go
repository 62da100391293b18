// Package gl draws mini game canvases with OpenGL 3.3 core: every canvas
// is a texture behind a framebuffer object, and a 2D context turns Canvas
// 2D calls into batched triangles. All of it must run on the thread that
// owns the GL context (the simulator's main loop).
//
// Canvas content is stored top row first (canvas y grows with texture row),
// so canvases and decoded images are sampled alike; only the final blit to
// the window flips.
package gl

import (
	"fmt"
	"strings"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// blendMode is how a batch's pixels combine with the target's. Everything
// is premultiplied alpha.
type blendMode uint8

const (
	blendSourceOver blendMode = iota
	blendErase                // clearRect: dst *= 1 - src.a
	blendCopy                 // source replaces destination
	blendSourceAtop
	blendDestOver
	blendDestOut
	blendLighter
	blendXor
	blendSourceIn
	blendSourceOut
	blendDestIn
	blendDestAtop
)

// blendFuncs are the GL blend factors (source, destination) of each mode,
// for premultiplied colours.
var blendFuncs = [...][2]uint32{
	blendSourceOver: {gl.ONE, gl.ONE_MINUS_SRC_ALPHA},
	blendErase:      {gl.ZERO, gl.ONE_MINUS_SRC_ALPHA},
	blendCopy:       {gl.ONE, gl.ZERO},
	blendSourceAtop: {gl.DST_ALPHA, gl.ONE_MINUS_SRC_ALPHA},
	blendDestOver:   {gl.ONE_MINUS_DST_ALPHA, gl.ONE},
	blendDestOut:    {gl.ZERO, gl.ONE_MINUS_SRC_ALPHA},
	blendLighter:    {gl.ONE, gl.ONE},
	blendXor:        {gl.ONE_MINUS_DST_ALPHA, gl.ONE_MINUS_SRC_ALPHA},
	blendSourceIn:   {gl.DST_ALPHA, gl.ZERO},
	blendSourceOut:  {gl.ONE_MINUS_DST_ALPHA, gl.ZERO},
	blendDestIn:     {gl.ZERO, gl.SRC_ALPHA},
	blendDestAtop:   {gl.ONE_MINUS_DST_ALPHA, gl.SRC_ALPHA},
}

// vertex is one corner of a batched triangle: position in target pixels,
// texture coordinate (u < 0: untextured) and premultiplied colour.
type vertex struct {
	x, y, u, v float32
	c          [4]uint8
}

const (
	vertexSize    = 20
	maxBatchVerts = 65532 // indices are uint16
)

// Renderer owns the GL objects shared by every canvas and the batch of
// triangles not yet drawn. Draw calls go out when the texture, blend mode
// or target changes, when the batch is full, when it would have to leave
// a cheaper program for another kind (programs.go), or before pixels are
// read.
type Renderer struct {
	progs    batchPrograms
	usedProg uint32 // program in use in GL, to skip redundant switches
	vao, vbo uint32
	ibo      uint32
	shapeVBO uint32 // shapeData, attribute 3, only for batches with shapes

	verts     []vertex
	indices   []uint16
	shapeData []shapeAttr // per vertex while the batch has shapes (shapes.go)

	target       *Canvas   // canvas the batch draws into
	bound        *Canvas   // framebuffer bound in GL (nil: none known)
	texture      uint32    // texture of the batch; 0 while only solid colour
	kinds        batchKind // what the batch's vertices need
	blend        blendMode
	glBlend      blendMode // blend state set in GL, to skip redundant calls
	glBlendKnown bool

	// Stats count GL work since the last ResetStats, for the frame overlay
	// and benchmarks.
	Stats Stats

	// smooth records each texture's filter (imageSmoothingEnabled), set in
	// GL only when a draw needs the other one.
	smooth map[uint32]bool
	// frameFence marks the end of the last frame's GL work (EndFrame).
	frameFence uintptr
	// layer takes drawing for composite operations that need the whole
	// canvas (see composite.go); blendProg draws the blend modes.
	layer                  *Canvas
	blendProg              uint32
	uBlendMode, uBlendSize int32
	// paint is the gradient or pattern of the batch (nil: colours and
	// textures), drawn by paintProg.
	paint         *paintKey
	paintProg     uint32
	paintUniforms []int32
	gradients     []*Gradient // with lookup textures, for DeleteAll
	// shadow casting (shadow.go)
	shadowProg       uint32
	shadowUniforms   []int32
	shadowA, shadowB *Canvas
	// manualStencil is set while a fill, stroke or clip drives the stencil
	// test itself; otherwise Flush sets it from the target's clip.
	manualStencil bool
	// outlineScratch is reused by antialiased convex fills.
	outlineScratch aaOutline
	// scratch holds a copy of a canvas drawn onto itself.
	scratch *Canvas

	canvases map[*Canvas]struct{}
	// stencilled are the live canvases whose stencil may be attached.
	stencilled map[*Canvas]struct{}
	textures   map[*Texture]struct{}
	glyphs     *glyphCache
}

// Stats counts GL work.
type Stats struct {
	Batches   int // each drawn in calls of at most maxDrawIndices indices
	Triangles int
}

// NewRenderer compiles the shaders and allocates the buffers. The GL
// context must be current on the calling thread.
func NewRenderer() (*Renderer, error) {
	if err := gl.Init(); err != nil {
		return nil, fmt.Errorf("gl: loading OpenGL 3.3 functions: %w", err)
	}
	r := &Renderer{
		canvases:   map[*Canvas]struct{}{},
		stencilled: map[*Canvas]struct{}{},
		textures:   map[*Texture]struct{}{},
		smooth:     map[uint32]bool{},
		verts:      make([]vertex, 0, 4096),
		indices:    make([]uint16, 0, 6144),
	}
	if err := r.progs.link(); err != nil {
		return nil, err
	}

	gl.GenVertexArrays(1, &r.vao)
	gl.BindVertexArray(r.vao)
	gl.GenBuffers(1, &r.vbo)
	gl.BindBuffer(gl.ARRAY_BUFFER, r.vbo)
	gl.GenBuffers(1, &r.ibo)
	gl.BindBuffer(gl.ELEMENT_ARRAY_BUFFER, r.ibo)
	gl.EnableVertexAttribArray(0)
	gl.VertexAttribPointerWithOffset(0, 2, gl.FLOAT, false, vertexSize, 0)
	gl.EnableVertexAttribArray(1)
	gl.VertexAttribPointerWithOffset(1, 2, gl.FLOAT, false, vertexSize, 8)
	gl.EnableVertexAttribArray(2)
	gl.VertexAttribPointerWithOffset(2, 4, gl.UNSIGNED_BYTE, true, vertexSize, 16)
	gl.GenBuffers(1, &r.shapeVBO)
	gl.BindBuffer(gl.ARRAY_BUFFER, r.shapeVBO)
	gl.VertexAttribPointerWithOffset(3, 4, gl.FLOAT, false, shapeAttrSize, 0)
	gl.BindBuffer(gl.ARRAY_BUFFER, r.vbo)

	gl.ActiveTexture(gl.TEXTURE0)
	gl.Enable(gl.BLEND)
	r.applyBlend(blendSourceOver)
	gl.Disable(gl.DEPTH_TEST)
	gl.Disable(gl.CULL_FACE)
	r.glyphs = newGlyphCache()
	return r, checkError("creating the renderer")
}

const vertexShader = `#version 330 core
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec4 a_shape;
uniform vec2 u_size;
out vec2 v_uv;
out vec4 v_color;
out vec4 v_shape;
void main() {
	gl_Position = vec4(a_pos / u_size * 2.0 - 1.0, 0.0, 1.0);
	v_uv = a_uv;
	v_color = a_color;
	v_shape = a_shape;
}
` + "\x00"

func linkProgram(vsrc, fsrc string) (uint32, error) {
	vs, err := compileShader(vsrc, gl.VERTEX_SHADER)
	if err != nil {
		return 0, err
	}
	fs, err := compileShader(fsrc, gl.FRAGMENT_SHADER)
	if err != nil {
		return 0, err
	}
	p := gl.CreateProgram()
	gl.AttachShader(p, vs)
	gl.AttachShader(p, fs)
	gl.LinkProgram(p)
	gl.DeleteShader(vs)
	gl.DeleteShader(fs)
	var ok int32
	gl.GetProgramiv(p, gl.LINK_STATUS, &ok)
	if ok == gl.FALSE {
		return 0, fmt.Errorf("gl: linking shaders: %s", programLog(p))
	}
	return p, nil
}

func compileShader(src string, kind uint32) (uint32, error) {
	s := gl.CreateShader(kind)
	csrc, free := gl.Strs(src)
	gl.ShaderSource(s, 1, csrc, nil)
	free()
	gl.CompileShader(s)
	var ok int32
	gl.GetShaderiv(s, gl.COMPILE_STATUS, &ok)
	if ok == gl.FALSE {
		var n int32
		gl.GetShaderiv(s, gl.INFO_LOG_LENGTH, &n)
		log := strings.Repeat("\x00", int(n+1))
		gl.GetShaderInfoLog(s, n, nil, gl.Str(log))
		return 0, fmt.Errorf("gl: compiling shader: %s", strings.TrimRight(log, "\x00"))
	}
	return s, nil
}

func programLog(p uint32) string {
	var n int32
	gl.GetProgramiv(p, gl.INFO_LOG_LENGTH, &n)
	log := strings.Repeat("\x00", int(n+1))
	gl.GetProgramInfoLog(p, n, nil, gl.Str(log))
	return strings.TrimRight(log, "\x00")
}

func checkError(what string) error {
	if e := gl.GetError(); e != gl.NO_ERROR {
		return fmt.Errorf("gl: %s: error 0x%x", what, e)
	}
	return nil
}

// use prepares the batch for drawing vertices of a kind into target with
// the given texture (0: solid colour only) and blend mode, flushing what
// no longer fits.
func (r *Renderer) use(target *Canvas, texture uint32, kind batchKind, blend blendMode, verts int) {
	if r.flushesFor(target, texture, kind, blend, verts) {
		r.Flush()
		r.target = target
		r.blend = blend
	}
	if texture != 0 {
		r.texture = texture
	}
	r.kinds |= kind
}

// flushesFor reports whether use must draw the batch first.
func (r *Renderer) flushesFor(target *Canvas, texture uint32, kind batchKind, blend blendMode, verts int) bool {
	return target != r.target || blend != r.blend || (texture != 0 && r.texture != 0 && texture != r.texture) ||
		len(r.verts)+verts > maxBatchVerts || r.splitsFor(kind, texture)
}

// quad appends a quadrilateral (corners in order top-left, top-right,
// bottom-left, bottom-right) to the batch.
func (r *Renderer) quad(v0, v1, v2, v3 vertex) {
	base := uint16(len(r.verts))
	r.verts = append(r.verts, v0, v1, v2, v3)
	r.indices = append(r.indices, base, base+1, base+2, base+2, base+1, base+3)
}

// Flush draws the pending batch.
func (r *Renderer) Flush() {
	if len(r.indices) == 0 {
		r.emptyBatch()
		return
	}
	t := r.target
	r.bindTarget(t)
	r.applyBlend(r.blend)
	r.applyClipTest(t)
	if r.paint != nil {
		r.flushPaint()
		return
	}
	if r.texture != 0 {
		gl.BindTexture(gl.TEXTURE_2D, r.texture)
	}
	p := r.progs.pick(r.kinds, r.texture != 0)
	r.useProgram(p.id)
	gl.Uniform2f(p.uSize, float32(t.width), float32(t.height))
	r.drawBatch()
}

// useProgram makes p the program in use.
func (r *Renderer) useProgram(p uint32) {
	if r.usedProg != p {
		gl.UseProgram(p)
		r.usedProg = p
	}
}

// maxDrawIndices splits a batch into draw calls of at most 170 quads.
// llvmpipe (Mesa's software rasterizer, what GL is without a GPU) bins
// two triangles that make an axis-aligned rectangle as one rectangle,
// which it fills with no edge tests, but only within one piece of a draw
// (up to 1,024 indices) and only where the framebuffer is BGRA (see
// Canvas.Resize) with no stencil attached (see Canvas.stencilOn). Text and sprites are such quads: a 300-row text frame
// takes about 30% less CPU. A multiple of 6 keeps each quad's two
// triangles in one call; a GPU does not notice the few extra calls.
const maxDrawIndices = 1020

// drawBatch uploads and draws the batch with whatever program, textures
// and target are bound, then empties it.
func (r *Renderer) drawBatch() {
	r.bindShapeData()
	gl.BindBuffer(gl.ARRAY_BUFFER, r.vbo)
	gl.BufferData(gl.ARRAY_BUFFER, len(r.verts)*vertexSize, gl.Ptr(r.verts), gl.STREAM_DRAW)
	gl.BindBuffer(gl.ELEMENT_ARRAY_BUFFER, r.ibo)
	gl.BufferData(gl.ELEMENT_ARRAY_BUFFER, len(r.indices)*2, gl.Ptr(r.indices), gl.STREAM_DRAW)
	for off := 0; off < len(r.indices); off += maxDrawIndices {
		n := min(maxDrawIndices, len(r.indices)-off)
		gl.DrawElementsWithOffset(gl.TRIANGLES, int32(n), gl.UNSIGNED_SHORT, uintptr(off*2))
	}
	r.Stats.Batches++
	r.Stats.Triangles += len(r.indices) / 3
	r.emptyBatch()
}

// discardPending drops the batch for target unseen: it is about to be
// covered entirely (clearRect of the whole canvas).
func (r *Renderer) discardPending(target *Canvas) {
	if r.target == target {
		r.emptyBatch()
	}
}

// emptyBatch forgets the batch's geometry and what it was bound to.
func (r *Renderer) emptyBatch() {
	r.verts = r.verts[:0]
	r.indices = r.indices[:0]
	r.shapeData = r.shapeData[:0]
	r.texture = 0
	r.kinds = 0
}

func (r *Renderer) bindTarget(c *Canvas) {
	if r.bound == c {
		return
	}
	gl.BindFramebuffer(gl.FRAMEBUFFER, c.fbo)
	gl.Viewport(0, 0, int32(c.width), int32(c.height))
	r.bound = c
}

func (r *Renderer) applyBlend(m blendMode) {
	if r.glBlendKnown && m == r.glBlend {
		return
	}
	f := blendFuncs[m]
	gl.BlendFunc(f[0], f[1])
	r.glBlend = m
	r.glBlendKnown = true
}

// detachIdleStencils takes the stencil off every canvas that did not use
// it since the last call and has no clip in force, once a frame: a game
// that clips every frame keeps it on (attaching costs llvmpipe a flush),
// one that clipped once gets rectangle binning back.
func (r *Renderer) detachIdleStencils() {
	for c := range r.stencilled {
		switch {
		case !c.stencilOn:
			delete(r.stencilled, c)
		case c.stencilUsed || c.clipMask != 0: // a clip in force lives in the stencil
			c.stencilUsed = false
		default:
			c.detachStencil()
			delete(r.stencilled, c)
		}
	}
}

// ResetStats zeroes the counters.
func (r *Renderer) ResetStats() { r.Stats = Stats{} }

// forgetBinding makes the next draw rebind its framebuffer (after code
// outside the renderer bound another).
func (r *Renderer) forgetBinding() { r.bound = nil }

// setSmoothing switches a texture between bilinear and nearest sampling.
// Textures start bilinear.
func (r *Renderer) setSmoothing(tex uint32, on bool) {
	cur, known := r.smooth[tex]
	if !known {
		cur = true
	}
	if cur == on {
		return
	}
	r.Flush() // the batch may hold draws that sampled it the other way
	gl.BindTexture(gl.TEXTURE_2D, tex)
	setSampling(on)
	r.smooth[tex] = on
}

// snapshot copies a canvas into the scratch canvas and returns its
// texture, for drawing a canvas onto itself.
func (r *Renderer) snapshot(c *Canvas) uint32 {
	r.Flush()
	if r.scratch == nil {
		s, err := r.NewCanvas(c.width, c.height)
		if err != nil {
			return 0
		}
		delete(r.canvases, s) // owned by the renderer, not by a domain
		r.scratch = s
	} else if r.scratch.width != c.width || r.scratch.height != c.height {
		r.scratch.Resize(c.width, c.height)
	}
	gl.BindFramebuffer(gl.READ_FRAMEBUFFER, c.fbo)
	gl.BindFramebuffer(gl.DRAW_FRAMEBUFFER, r.scratch.fbo)
	gl.BlitFramebuffer(0, 0, int32(c.width), int32(c.height), 0, 0, int32(c.width), int32(c.height), gl.COLOR_BUFFER_BIT, gl.NEAREST)
	r.forgetBinding()
	return r.scratch.tex
}
