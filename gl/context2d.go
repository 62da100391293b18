package gl

import (
	"math"
	"strconv"
	"strings"

	"github.com/minisim/minisim/fonts"
	"github.com/minisim/minisim/gl/csscolor"
)

// Context2D is a canvas's CanvasRenderingContext2D state machine: the state
// stack, transforms and styles, turning each call into batched triangles.
// Arguments arrive already coerced; calls with non-finite numbers are
// ignored, as in a browser.
type Context2D struct {
	r     *Renderer
	c     *Canvas
	state drawState
	stack []drawState
	path  path
	// sides keeps what strokes build curves' sides with, for the next
	// stroke (see curveSides).
	sides curveSides
}

// drawState is everything save() captures.
type drawState struct {
	m            Matrix
	fill, stroke Paint
	alpha        float64
	lineWidth    float64
	lineCap      LineCap
	lineJoin     LineJoin
	miterLimit   float64
	dash         []float64 // never modified in place: save() shares it
	dashOffset   float64
	font         fonts.FontSpec
	textAlign    TextAlign
	baseline     TextBaseline
	smoothing    bool
	op           CompositeOp
	clip         *clipNode
	// letterSpacing is in px; the string it was set from is kept for the
	// getter, as the browser serializes it.
	rtl              bool // direction: "rtl" turns start/end around
	smoothingQuality uint8
	letterSpacing    float64
	letterSpacingSrc string
	shadowColor      csscolor.RGBA
	shadowBlur       float64
	shadowDX         float64
	shadowDY         float64
}

// TextAlign is ctx.textAlign.
type TextAlign uint8

// The textAlign values; start and end are left and right in ltr text.
const (
	AlignStart TextAlign = iota
	AlignEnd
	AlignLeft
	AlignRight
	AlignCenter
)

// TextBaseline is ctx.textBaseline.
type TextBaseline uint8

// The textBaseline values.
const (
	BaselineAlphabetic TextBaseline = iota
	BaselineTop
	BaselineHanging
	BaselineMiddle
	BaselineIdeographic
	BaselineBottom
)

var defaultFont = fonts.FontSpec{Style: "normal", Weight: 400, SizePx: 10, Families: []string{"sans-serif"}}

func defaultState() drawState {
	black := csscolor.RGBA{A: 1}
	return drawState{m: Identity, fill: ColorPaint(black), stroke: ColorPaint(black), alpha: 1, lineWidth: 1, miterLimit: 10,
		font: defaultFont, smoothing: true, letterSpacingSrc: "0px"}
}

// NewContext2D creates the 2D context of a canvas.
func (r *Renderer) NewContext2D(c *Canvas) *Context2D {
	return &Context2D{r: r, c: c, state: defaultState()}
}

// Canvas is the context's canvas.
func (x *Context2D) Canvas() *Canvas { return x.c }

// Reset restores the default state and empties the path (the canvas was
// resized).
func (x *Context2D) Reset() {
	x.state = defaultState()
	x.stack = x.stack[:0]
	x.path.reset()
}

// Save pushes the drawing state.
func (x *Context2D) Save() { x.stack = append(x.stack, x.state) }

// Restore pops the drawing state; with an empty stack it does nothing.
func (x *Context2D) Restore() {
	if n := len(x.stack); n > 0 {
		x.state = x.stack[n-1]
		x.stack = x.stack[:n-1]
	}
}

// Transform returns the current transform.
func (x *Context2D) Transform() Matrix { return x.state.m }

// SetTransform replaces the transform; non-finite values are ignored.
func (x *Context2D) SetTransform(m Matrix) {
	if m.finite() {
		x.state.m = m
	}
}

// ApplyTransform multiplies the transform by m (ctx.transform).
func (x *Context2D) ApplyTransform(m Matrix) {
	if m.finite() {
		x.state.m = x.state.m.Mul(m)
	}
}

// Translate moves the origin.
func (x *Context2D) Translate(tx, ty float64) { x.ApplyTransform(Matrix{A: 1, D: 1, E: tx, F: ty}) }

// Scale scales the axes.
func (x *Context2D) Scale(sx, sy float64) { x.ApplyTransform(Matrix{A: sx, D: sy}) }

// Rotate rotates clockwise by angle radians.
func (x *Context2D) Rotate(angle float64) {
	if !finite(angle) {
		return
	}
	s, c := math.Sincos(angle)
	x.ApplyTransform(Matrix{A: c, B: s, C: -s, D: c})
}

// Style accessors. The JS layer keeps the strings it reports back.

// SetFillColor sets fillStyle to a colour.
func (x *Context2D) SetFillColor(c csscolor.RGBA) { x.state.fill = ColorPaint(c) }

// SetStrokeColor sets strokeStyle to a colour.
func (x *Context2D) SetStrokeColor(c csscolor.RGBA) { x.state.stroke = ColorPaint(c) }

// SetFillPaint sets fillStyle to a colour, gradient or pattern.
func (x *Context2D) SetFillPaint(p Paint) { x.state.fill = p }

// SetStrokePaint sets strokeStyle to a colour, gradient or pattern.
func (x *Context2D) SetStrokePaint(p Paint) { x.state.stroke = p }

// FillPaint is the current fillStyle.
func (x *Context2D) FillPaint() Paint { return x.state.fill }

// StrokePaint is the current strokeStyle.
func (x *Context2D) StrokePaint() Paint { return x.state.stroke }

// SetGlobalAlpha sets globalAlpha; values outside 0..1 are ignored.
func (x *Context2D) SetGlobalAlpha(a float64) {
	if finite(a) && a >= 0 && a <= 1 {
		x.state.alpha = a
	}
}

// GlobalAlpha is the current globalAlpha.
func (x *Context2D) GlobalAlpha() float64 { return x.state.alpha }

// SetLineWidth sets lineWidth; zero, negative and non-finite are ignored.
func (x *Context2D) SetLineWidth(w float64) {
	if finite(w) && w > 0 {
		x.state.lineWidth = w
	}
}

// LineWidth is the current line width.
func (x *Context2D) LineWidth() float64 { return x.state.lineWidth }

// SetLineCap sets lineCap.
func (x *Context2D) SetLineCap(c LineCap) { x.state.lineCap = c }

// LineCap is the current lineCap.
func (x *Context2D) LineCap() LineCap { return x.state.lineCap }

// SetLineJoin sets lineJoin.
func (x *Context2D) SetLineJoin(j LineJoin) { x.state.lineJoin = j }

// LineJoin is the current lineJoin.
func (x *Context2D) LineJoin() LineJoin { return x.state.lineJoin }

// SetMiterLimit sets miterLimit; zero, negative and non-finite are ignored.
func (x *Context2D) SetMiterLimit(l float64) {
	if finite(l) && l > 0 {
		x.state.miterLimit = l
	}
}

// MiterLimit is the current miterLimit.
func (x *Context2D) MiterLimit() float64 { return x.state.miterLimit }

// SetLineDash sets the dash pattern, as setLineDash does: a list with a
// negative or non-finite value is ignored, an odd-length list is doubled.
func (x *Context2D) SetLineDash(d []float64) {
	for _, v := range d {
		if !finite(v) || v < 0 {
			return
		}
	}
	dash := append([]float64(nil), d...)
	if len(dash)%2 == 1 {
		dash = append(dash, dash...)
	}
	x.state.dash = dash
}

// LineDash is the current dash pattern (a copy).
func (x *Context2D) LineDash() []float64 { return append([]float64{}, x.state.dash...) }

// SetLineDashOffset sets lineDashOffset; non-finite values are ignored.
func (x *Context2D) SetLineDashOffset(o float64) {
	if finite(o) {
		x.state.dashOffset = o
	}
}

// LineDashOffset is the current lineDashOffset.
func (x *Context2D) LineDashOffset() float64 { return x.state.dashOffset }

// SetFont sets the parsed font.
func (x *Context2D) SetFont(f fonts.FontSpec) { x.state.font = f }

// Font is the current font.
func (x *Context2D) Font() fonts.FontSpec { return x.state.font }

// SetTextAlign sets textAlign.
func (x *Context2D) SetTextAlign(a TextAlign) { x.state.textAlign = a }

// TextAlign is the current textAlign.
func (x *Context2D) TextAlign() TextAlign { return x.state.textAlign }

// SetTextBaseline sets textBaseline.
func (x *Context2D) SetTextBaseline(b TextBaseline) { x.state.baseline = b }

// TextBaseline is the current textBaseline.
func (x *Context2D) TextBaseline() TextBaseline { return x.state.baseline }

// SetLetterSpacing sets letterSpacing from a CSS length ("3px", "0.1em",
// "2pt"); anything else is ignored, as in a browser.
func (x *Context2D) SetLetterSpacing(s string) {
	if px, ok := cssLength(s, x.state.font.SizePx); ok {
		x.state.letterSpacing, x.state.letterSpacingSrc = px, s
	}
}

// LetterSpacing is letterSpacing as it was set.
func (x *Context2D) LetterSpacing() string { return x.state.letterSpacingSrc }

// cssLength reads a CSS length in px, pt, em or rem (em relative to the
// current font size).
func cssLength(s string, fontPx float64) (float64, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	for _, u := range []struct {
		suffix string
		scale  float64
	}{{"rem", 16}, {"px", 1}, {"pt", 4.0 / 3}, {"em", fontPx}} {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || !finite(v) {
				return 0, false
			}
			return v * u.scale, true
		}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v == 0 {
		return 0, true // a unitless zero is a length
	}
	return 0, false
}

// SetRTL sets direction to "rtl" (true) or "ltr".
func (x *Context2D) SetRTL(rtl bool) { x.state.rtl = rtl }

// RTL reports whether direction is "rtl".
func (x *Context2D) RTL() bool { return x.state.rtl }

// SetImageSmoothingQuality sets imageSmoothingQuality (0 low, 1 medium,
// 2 high). Bilinear filtering serves all three.
func (x *Context2D) SetImageSmoothingQuality(q uint8) { x.state.smoothingQuality = q }

// ImageSmoothingQuality is imageSmoothingQuality.
func (x *Context2D) ImageSmoothingQuality() uint8 { return x.state.smoothingQuality }

// SetImageSmoothing sets imageSmoothingEnabled.
func (x *Context2D) SetImageSmoothing(on bool) { x.state.smoothing = on }

// ImageSmoothing is imageSmoothingEnabled.
func (x *Context2D) ImageSmoothing() bool { return x.state.smoothing }

// premul returns a colour as premultiplied 8-bit channels with alpha
// multiplied in.
func premul(c csscolor.RGBA, alpha float64) [4]uint8 {
	a := c.A * alpha
	return [4]uint8{unit8(c.R * a), unit8(c.G * a), unit8(c.B * a), unit8(a)}
}

func unit8(f float64) uint8 {
	if f <= 0 {
		return 0
	}
	if f >= 1 {
		return 255
	}
	return uint8(f*255 + 0.5)
}

// solidQuad appends the user-space rectangle (x, y, w, h) in one colour
// to target.
func (x *Context2D) solidQuad(target *Canvas, rx, ry, rw, rh float64, col [4]uint8, blend blendMode) {
	m := &x.state.m
	x.r.use(target, 0, kindSolid, blend, 4)
	x0, y0 := m.Apply(rx, ry)
	x1, y1 := m.Apply(rx+rw, ry)
	x2, y2 := m.Apply(rx, ry+rh)
	x3, y3 := m.Apply(rx+rw, ry+rh)
	x.r.quad(
		vertex{float32(x0), float32(y0), -1, -1, col},
		vertex{float32(x1), float32(y1), -1, -1, col},
		vertex{float32(x2), float32(y2), -1, -1, col},
		vertex{float32(x3), float32(y3), -1, -1, col},
	)
}

// FillRect fills a rectangle with the fill colour.
func (x *Context2D) FillRect(rx, ry, rw, rh float64) {
	if !allFinite(rx, ry, rw, rh) || rw == 0 || rh == 0 {
		return
	}
	col, ok := x.beginPaint(x.state.fill)
	if !ok {
		return
	}
	x.rectAA(rx, ry, rw, rh, col)
	x.finishDraw()
}

// rectAA fills a user-space rectangle, antialiasing its edges unless they
// fall on whole device pixels.
func (x *Context2D) rectAA(rx, ry, rw, rh float64, col [4]uint8) {
	m := x.state.m
	if m.IsAxisAligned() {
		x0, y0 := m.Apply(rx, ry)
		x1, y1 := m.Apply(rx+rw, ry+rh)
		if pixelAligned(x0, y0, x1, y1) {
			x.solidQuad(x.dst(), rx, ry, rw, rh, col, x.drawBlend())
			return
		}
	}
	corners := [4]point{dev(m, rx, ry), dev(m, rx+rw, ry), dev(m, rx+rw, ry+rh), dev(m, rx, ry+rh)}
	if !x.fillParallelogramAA(corners[:], col, x.drawBlend()) {
		x.fillConvexAA(corners[:], col, x.drawBlend())
	}
}

// StrokeRect outlines a rectangle with the current line style, without
// touching the current path.
func (x *Context2D) StrokeRect(rx, ry, rw, rh float64) {
	if !allFinite(rx, ry, rw, rh) || (rw == 0 && rh == 0) {
		return
	}
	col, ok := x.beginPaint(x.state.stroke)
	if !ok {
		return
	}
	var p path
	p.rect(x.state.m, rx, ry, rw, rh)
	x.drawRibbons(strokeRibbons(&p, x.state.m, x.state.strokeStyle(), &x.sides), col)
	x.finishDraw()
}

// ClearRect makes a rectangle transparent.
func (x *Context2D) ClearRect(rx, ry, rw, rh float64) {
	if !allFinite(rx, ry, rw, rh) || rw == 0 || rh == 0 {
		return
	}
	x.applyClip()
	if !x.c.clipped() && x.coversCanvas(rx, ry, rw, rh) {
		x.c.Clear()
		return
	}
	x.r.setPaint(nil)
	x.solidQuad(x.c, rx, ry, rw, rh, [4]uint8{0, 0, 0, 255}, blendErase)
}

// coversCanvas reports whether the user-space rectangle covers every pixel
// of the canvas (clearing it all is the most common call of every frame).
func (x *Context2D) coversCanvas(rx, ry, rw, rh float64) bool {
	m := x.state.m
	if !m.IsAxisAligned() {
		return false
	}
	x0, y0 := m.Apply(rx, ry)
	x1, y1 := m.Apply(rx+rw, ry+rh)
	return math.Min(x0, x1) <= 0 && math.Min(y0, y1) <= 0 &&
		math.Max(x0, x1) >= float64(x.c.width) && math.Max(y0, y1) >= float64(x.c.height)
}

// DrawImage draws the source rectangle (sx, sy, sw, sh) of src into the
// destination rectangle (dx, dy, dw, dh), as the 9-argument drawImage; the
// shorter forms fill in the whole source. Source rectangles reaching past
// the image are clipped, with the destination shrunk in proportion.
func (x *Context2D) DrawImage(src Source, sx, sy, sw, sh, dx, dy, dw, dh float64) {
	if !allFinite(sx, sy, sw, sh, dx, dy, dw, dh) || sw == 0 || sh == 0 || dw == 0 || dh == 0 {
		return
	}
	tex, tw, th, srcCanvas := src.source()
	if tex == 0 || tw == 0 || th == 0 {
		return
	}
	if sw < 0 {
		sx, sw = sx+sw, -sw
	}
	if sh < 0 {
		sy, sh = sy+sh, -sh
	}
	if dw < 0 {
		dx, dw = dx+dw, -dw
	}
	if dh < 0 {
		dy, dh = dy+dh, -dh
	}
	// Clip the source to the image, moving the destination edges with it.
	kx, ky := dw/sw, dh/sh
	if sx < 0 {
		dx -= sx * kx
		sw += sx
		sx = 0
	}
	if sy < 0 {
		dy -= sy * ky
		sh += sy
		sy = 0
	}
	if over := sx + sw - float64(tw); over > 0 {
		sw -= over
	}
	if over := sy + sh - float64(th); over > 0 {
		sh -= over
	}
	if sw <= 0 || sh <= 0 {
		return
	}
	dw, dh = sw*kx, sh*ky
	a := unit8(x.state.alpha)
	if a == 0 {
		return
	}
	if srcCanvas == x.c {
		// Drawing a canvas onto itself reads the pixels as they were
		// before the call, so draw from a snapshot.
		snap := x.r.snapshot(x.c)
		tex = snap
	} else if srcCanvas != nil && x.r.target == srcCanvas {
		x.r.Flush()
	}
	x.applyClip()
	x.r.setPaint(nil)
	x.r.setSmoothing(tex, x.state.smoothing) // may flush: before use
	x.r.use(x.dst(), tex, kindImage, x.drawBlend(), 4)
	col := [4]uint8{a, a, a, a}
	m := &x.state.m
	u0, v0 := float32(sx/float64(tw)), float32(sy/float64(th))
	u1, v1 := float32((sx+sw)/float64(tw)), float32((sy+sh)/float64(th))
	x0, y0 := m.Apply(dx, dy)
	x1, y1 := m.Apply(dx+dw, dy)
	x2, y2 := m.Apply(dx, dy+dh)
	x3, y3 := m.Apply(dx+dw, dy+dh)
	x.r.quad(
		vertex{float32(x0), float32(y0), u0, v0, col},
		vertex{float32(x1), float32(y1), u1, v0, col},
		vertex{float32(x2), float32(y2), u0, v1, col},
		vertex{float32(x3), float32(y3), u1, v1, col},
	)
	x.finishDraw()
}
