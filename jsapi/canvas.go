package jsapi

import (
	"fmt"
	"math"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/fonts"
	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/gl/csscolor"
)

// canvasBinding is one canvas as JS sees it: the element-like object and
// its 2D context over a GL canvas.
type canvasBinding struct {
	a             *API
	canvas        *gl.Canvas
	obj           *goja.Object
	ctx           *gl.Context2D
	ctxObj        *goja.Object
	width, height int // as the game set them (the GL canvas is at least 1x1)
	onScreen      bool
	shared        bool // the open data domain's shared canvas

	// The strings fillStyle, strokeStyle and font were last set from, and
	// what they gave, to skip re-parsing the same value every frame.
	fillSrc, strokeSrc, fontSrc string
	fillPaint, strokePaint      gl.Paint
}

// Browsers' default canvas size, for offscreen canvases.
const defaultCanvasWidth, defaultCanvasHeight = 300, 150

func (a *API) installCanvas() {
	a.set("createCanvas", func(goja.FunctionCall) goja.Value {
		w, h := defaultCanvasWidth, defaultCanvasHeight
		onScreen := a.screen == nil
		if onScreen {
			s := a.host.SystemInfo()
			w, h = int(math.Round(s.WindowWidth)), int(math.Round(s.WindowHeight))
		}
		b, err := a.newCanvas(w, h, onScreen)
		if err != nil {
			panic(a.vm.NewGoError(fmt.Errorf("%s: %w", a.apiName("createCanvas"), err)))
		}
		if onScreen {
			a.screen = b
		}
		return b.obj
	})
}

func (a *API) newCanvas(w, h int, onScreen bool) (*canvasBinding, error) {
	c, err := a.host.Renderer().NewCanvas(w, h)
	if err != nil {
		return nil, err
	}
	b := &canvasBinding{a: a, canvas: c, width: w, height: h, onScreen: onScreen}
	b.obj = a.vm.NewObject()
	a.accessor(b.obj, "width", func() goja.Value { return a.vm.ToValue(b.width) },
		func(v goja.Value) { b.resize(toCanvasSize(v, defaultCanvasWidth), b.height) })
	a.accessor(b.obj, "height", func() goja.Value { return a.vm.ToValue(b.height) },
		func(v goja.Value) { b.resize(b.width, toCanvasSize(v, defaultCanvasHeight)) })
	must(b.obj.Set("getContext", Native(a.vm, "Canvas.getContext", b.getContext)))
	a.sources[b.obj] = c
	a.canvases = append(a.canvases, b)
	a.installExport(b)
	return b, nil
}

// toCanvasSize coerces a width/height assignment as a browser does: NaN
// becomes 0, a negative value the default size; sizes past the GL limit
// are clamped.
func toCanvasSize(v goja.Value, def int) int {
	f := math.Trunc(v.ToFloat())
	switch {
	case math.IsNaN(f):
		return 0
	case f < 0:
		return def
	}
	return int(math.Min(f, gl.MaxCanvasSize))
}

// resize reallocates the canvas; as in a browser, even setting the same
// size clears it and resets the context state.
func (b *canvasBinding) resize(w, h int) {
	b.width, b.height = w, h
	if err := b.canvas.Resize(w, h); err != nil {
		panic(b.a.vm.NewGoError(err))
	}
	if b.ctx != nil {
		b.ctx.Reset()
		b.fillSrc, b.strokeSrc, b.fontSrc = "", "", ""
	}
}

// accessor defines a getter/setter property.
func (a *API) accessor(o *goja.Object, name string, get func() goja.Value, set func(goja.Value)) {
	var setter goja.Value
	if set != nil {
		setter = a.vm.ToValue(Native(a.vm, name, func(call goja.FunctionCall) goja.Value {
			set(call.Argument(0))
			return goja.Undefined()
		}))
	}
	getter := a.vm.ToValue(Native(a.vm, name, func(goja.FunctionCall) goja.Value { return get() }))
	must(o.DefineAccessorProperty(name, getter, setter, goja.FLAG_FALSE, goja.FLAG_TRUE))
}

func (b *canvasBinding) getContext(call goja.FunctionCall) goja.Value {
	kind := call.Argument(0).String()
	switch kind {
	case "2d":
		if b.ctxObj == nil {
			b.ctx = b.a.host.Renderer().NewContext2D(b.canvas)
			b.ctxObj = b.a.newContext2D(b)
		}
		return b.ctxObj
	case "webgl", "experimental-webgl", "webgl2":
		if b.a.domain == OpenDomain {
			b.a.loop.Warnf("canvas.getContext(%q): canvases in the open data domain support only the 2d context; returning null", kind)
		} else {
			b.a.loop.Warnf("canvas.getContext(%q): WebGL is not supported by this build of minisim yet; returning null", kind)
		}
		return goja.Null()
	}
	return goja.Null()
}

// bindingOf finds the canvas behind a JS object (nil for anything else).
func (a *API) bindingOf(o *goja.Object) *canvasBinding {
	if o == nil {
		return nil
	}
	if a.sharedCanvas != nil && a.sharedCanvas.obj == o {
		return a.sharedCanvas
	}
	for _, c := range a.canvases {
		if c.obj == o {
			return c
		}
	}
	return nil
}

// argsRequired throws the browser's TypeError when a method gets too few
// arguments.
func (a *API) argsRequired(call goja.FunctionCall, n int, iface, method string) {
	if len(call.Arguments) < n {
		panic(a.vm.NewTypeError("Failed to execute '%s' on '%s': %d arguments required, but only %d present.",
			method, iface, n, len(call.Arguments)))
	}
}

func num(call goja.FunctionCall, i int) float64 {
	if i < len(call.Arguments) {
		return call.Arguments[i].ToFloat()
	}
	return math.NaN()
}

// newContext2D builds the CanvasRenderingContext2D object. Every method is
// a plain FunctionCall binding: this is the hottest path in the simulator.
func (a *API) newContext2D(b *canvasBinding) *goja.Object {
	vm, x := a.vm, b.ctx
	o := vm.NewObject()
	const iface = "CanvasRenderingContext2D"
	undef := goja.Undefined()
	method := func(name string, fn func(goja.FunctionCall) goja.Value) {
		must(o.Set(name, Native(vm, iface+"."+name, fn)))
	}
	rect := func(name string, draw func(x, y, w, h float64)) {
		method(name, func(call goja.FunctionCall) goja.Value {
			a.argsRequired(call, 4, iface, name)
			draw(num(call, 0), num(call, 1), num(call, 2), num(call, 3))
			return undef
		})
	}
	point := func(name string, f func(x, y float64)) {
		method(name, func(call goja.FunctionCall) goja.Value {
			a.argsRequired(call, 2, iface, name)
			f(num(call, 0), num(call, 1))
			return undef
		})
	}
	rect("fillRect", x.FillRect)
	rect("strokeRect", x.StrokeRect)
	rect("clearRect", x.ClearRect)
	rect("rect", x.Rect)

	method("drawImage", func(call goja.FunctionCall) goja.Value {
		if src, ok := call.Argument(0).(*goja.Object); ok {
			a.refuseDrawing(a.bindingOf(src), b, "drawImage")
		}
		a.drawImage(x, call)
		return undef
	})
	method("save", func(goja.FunctionCall) goja.Value { x.Save(); return undef })
	method("restore", func(goja.FunctionCall) goja.Value { x.Restore(); return undef })
	point("translate", x.Translate)
	point("scale", x.Scale)
	method("rotate", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 1, iface, "rotate")
		x.Rotate(num(call, 0))
		return undef
	})
	matrixArgs := func(call goja.FunctionCall, name string) gl.Matrix {
		a.argsRequired(call, 6, iface, name)
		return gl.Matrix{A: num(call, 0), B: num(call, 1), C: num(call, 2), D: num(call, 3), E: num(call, 4), F: num(call, 5)}
	}
	method("transform", func(call goja.FunctionCall) goja.Value {
		x.ApplyTransform(matrixArgs(call, "transform"))
		return undef
	})
	method("setTransform", func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 {
			x.SetTransform(gl.Identity)
			return undef
		}
		if m, ok := call.Argument(0).(*goja.Object); ok && len(call.Arguments) == 1 {
			get := func(k string, def float64) float64 {
				if v := m.Get(k); v != nil && !goja.IsUndefined(v) {
					return v.ToFloat()
				}
				return def
			}
			x.SetTransform(gl.Matrix{A: get("a", 1), B: get("b", 0), C: get("c", 0), D: get("d", 1), E: get("e", 0), F: get("f", 0)})
			return undef
		}
		x.SetTransform(matrixArgs(call, "setTransform"))
		return undef
	})
	method("resetTransform", func(goja.FunctionCall) goja.Value { x.SetTransform(gl.Identity); return undef })
	method("getTransform", func(goja.FunctionCall) goja.Value {
		m := x.Transform()
		return a.object("a", m.A, "b", m.B, "c", m.C, "d", m.D, "e", m.E, "f", m.F,
			"m11", m.A, "m12", m.B, "m21", m.C, "m22", m.D, "m41", m.E, "m42", m.F, "is2D", true)
	})

	method("beginPath", func(goja.FunctionCall) goja.Value { x.BeginPath(); return undef })
	method("closePath", func(goja.FunctionCall) goja.Value { x.ClosePath(); return undef })
	point("moveTo", x.MoveTo)
	point("lineTo", x.LineTo)
	method("quadraticCurveTo", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 4, iface, "quadraticCurveTo")
		x.QuadraticCurveTo(num(call, 0), num(call, 1), num(call, 2), num(call, 3))
		return undef
	})
	method("bezierCurveTo", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 6, iface, "bezierCurveTo")
		x.BezierCurveTo(num(call, 0), num(call, 1), num(call, 2), num(call, 3), num(call, 4), num(call, 5))
		return undef
	})
	method("ellipse", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 7, iface, "ellipse")
		if !x.Ellipse(num(call, 0), num(call, 1), num(call, 2), num(call, 3), num(call, 4), num(call, 5), num(call, 6), call.Argument(7).ToBoolean()) {
			panic(a.domError("IndexSizeError", "Failed to execute 'ellipse' on '%s': The radius provided is negative.", iface))
		}
		return undef
	})
	method("arcTo", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 5, iface, "arcTo")
		if !x.ArcTo(num(call, 0), num(call, 1), num(call, 2), num(call, 3), num(call, 4)) {
			panic(a.domError("IndexSizeError", "Failed to execute 'arcTo' on '%s': The radius provided (%v) is negative.", iface, num(call, 4)))
		}
		return undef
	})
	method("roundRect", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 4, iface, "roundRect")
		x.RoundRect(num(call, 0), num(call, 1), num(call, 2), num(call, 3), a.cornerRadii(call.Argument(4)))
		return undef
	})
	method("arc", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 5, iface, "arc")
		if !x.Arc(num(call, 0), num(call, 1), num(call, 2), num(call, 3), num(call, 4), call.Argument(5).ToBoolean()) {
			panic(a.domError("IndexSizeError", "Failed to execute 'arc' on '%s': The radius provided (%v) is negative.", iface, num(call, 2)))
		}
		return undef
	})
	method("setLineDash", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 1, iface, "setLineDash")
		var list []float64
		if err := vm.ExportTo(call.Arguments[0], &list); err != nil {
			panic(vm.NewTypeError("Failed to execute 'setLineDash' on '%s': The provided value cannot be converted to a sequence.", iface))
		}
		x.SetLineDash(list)
		return undef
	})
	method("getLineDash", func(goja.FunctionCall) goja.Value { return vm.ToValue(x.LineDash()) })

	a.installText(o, b)
	a.installPaints(o, b)
	a.installPixels(o, b)
	a.installPathUse(o, x)
	a.installStyles(o, b)
	must(o.Set("canvas", b.obj))
	return o
}

// drawImage accepts the three browser forms: (img, dx, dy),
// (img, dx, dy, dw, dh) and (img, sx, sy, sw, sh, dx, dy, dw, dh).
func (a *API) drawImage(x *gl.Context2D, call goja.FunctionCall) {
	const iface = "CanvasRenderingContext2D"
	a.argsRequired(call, 3, iface, "drawImage")
	obj, _ := call.Arguments[0].(*goja.Object)
	src, ok := a.sources[obj]
	if !ok {
		if img := a.imageOf(obj); img != nil {
			return // an image still loading (or failed) draws nothing
		}
		panic(a.vm.NewTypeError("Failed to execute 'drawImage' on '%s': The provided value is not of type '(HTMLCanvasElement or HTMLImageElement or ImageBitmap or OffscreenCanvas)'.", iface))
	}
	sw, sh := sourceSize(src)
	switch len(call.Arguments) {
	case 3:
		x.DrawImage(src, 0, 0, sw, sh, num(call, 1), num(call, 2), sw, sh)
	case 5:
		x.DrawImage(src, 0, 0, sw, sh, num(call, 1), num(call, 2), num(call, 3), num(call, 4))
	case 9:
		x.DrawImage(src, num(call, 1), num(call, 2), num(call, 3), num(call, 4), num(call, 5), num(call, 6), num(call, 7), num(call, 8))
	default:
		panic(a.vm.NewTypeError("Failed to execute 'drawImage' on '%s': Valid arities are: [3, 5, 9], but %d arguments provided.", iface, len(call.Arguments)))
	}
}

func sourceSize(src gl.Source) (float64, float64) {
	type sized interface{ Size() (int, int) }
	w, h := src.(sized).Size()
	return float64(w), float64(h)
}

// installStyles defines the style properties: each setter ignores values a
// browser would reject, keeping the previous one.
func (a *API) installStyles(o *goja.Object, b *canvasBinding) {
	x, vm := b.ctx, a.vm
	// The same colour string set again (every frame, in most games) is not
	// parsed again; restore() may have changed the paint meanwhile, so the
	// shortcut also checks that the paint is still the one it gave.
	paintStyle := func(name string, get func() gl.Paint, set func(gl.Paint), src *string, last *gl.Paint) {
		a.accessor(o, name, func() goja.Value { return a.paintValue(get()) }, func(v goja.Value) {
			str, isStr := jsString(v)
			if isStr && str == *src && get() == *last {
				return
			}
			if p, ok := a.paintOf(v); ok {
				set(p)
				*src, *last = str, p
			}
		})
	}
	paintStyle("fillStyle", x.FillPaint, x.SetFillPaint, &b.fillSrc, &b.fillPaint)
	paintStyle("strokeStyle", x.StrokePaint, x.SetStrokePaint, &b.strokeSrc, &b.strokePaint)
	a.accessor(o, "globalAlpha", func() goja.Value { return vm.ToValue(x.GlobalAlpha()) },
		func(v goja.Value) { x.SetGlobalAlpha(v.ToFloat()) })
	a.accessor(o, "lineWidth", func() goja.Value { return vm.ToValue(x.LineWidth()) },
		func(v goja.Value) { x.SetLineWidth(v.ToFloat()) })
	a.enumAccessor(o, "globalCompositeOperation", gl.CompositeOpNames,
		func() int { return int(x.CompositeOp()) }, func(i int) { x.SetCompositeOp(gl.CompositeOp(i)) })
	a.accessor(o, "shadowColor", func() goja.Value { return vm.ToValue(x.ShadowColor().Serialize()) }, func(v goja.Value) {
		if c, ok := csscolor.Parse(v.String()); ok {
			x.SetShadowColor(c)
		}
	})
	a.accessor(o, "shadowBlur", func() goja.Value { return vm.ToValue(x.ShadowBlur()) },
		func(v goja.Value) { x.SetShadowBlur(v.ToFloat()) })
	a.accessor(o, "shadowOffsetX", func() goja.Value { dx, _ := x.ShadowOffset(); return vm.ToValue(dx) },
		func(v goja.Value) { _, dy := x.ShadowOffset(); x.SetShadowOffset(v.ToFloat(), dy) })
	a.accessor(o, "shadowOffsetY", func() goja.Value { _, dy := x.ShadowOffset(); return vm.ToValue(dy) },
		func(v goja.Value) { dx, _ := x.ShadowOffset(); x.SetShadowOffset(dx, v.ToFloat()) })
	a.enumAccessor(o, "lineCap", lineCaps, func() int { return int(x.LineCap()) }, func(i int) { x.SetLineCap(gl.LineCap(i)) })
	a.enumAccessor(o, "lineJoin", lineJoins, func() int { return int(x.LineJoin()) }, func(i int) { x.SetLineJoin(gl.LineJoin(i)) })
	a.accessor(o, "miterLimit", func() goja.Value { return vm.ToValue(x.MiterLimit()) },
		func(v goja.Value) { x.SetMiterLimit(v.ToFloat()) })
	a.accessor(o, "lineDashOffset", func() goja.Value { return vm.ToValue(x.LineDashOffset()) },
		func(v goja.Value) { x.SetLineDashOffset(v.ToFloat()) })
	a.accessor(o, "imageSmoothingEnabled", func() goja.Value { return vm.ToValue(x.ImageSmoothing()) },
		func(v goja.Value) { x.SetImageSmoothing(v.ToBoolean()) })
	a.accessor(o, "font", func() goja.Value { return vm.ToValue(x.Font().String()) }, func(v goja.Value) {
		s := v.String()
		if s == b.fontSrc {
			return
		}
		if spec, ok := fonts.ParseFont(s); ok {
			x.SetFont(spec)
			b.fontSrc = s
		}
	})
	a.accessor(o, "direction", func() goja.Value {
		if x.RTL() {
			return vm.ToValue("rtl")
		}
		return vm.ToValue("ltr")
	}, func(v goja.Value) {
		switch v.String() {
		case "rtl":
			x.SetRTL(true)
		case "ltr", "inherit": // a canvas that is not in a document inherits ltr
			x.SetRTL(false)
		}
	})
	a.enumAccessor(o, "imageSmoothingQuality", smoothingQualities,
		func() int { return int(x.ImageSmoothingQuality()) }, func(i int) { x.SetImageSmoothingQuality(uint8(i)) })
	a.accessor(o, "letterSpacing", func() goja.Value { return vm.ToValue(x.LetterSpacing()) },
		func(v goja.Value) { x.SetLetterSpacing(v.String()) })
	a.enumAccessor(o, "textAlign", textAligns, func() int { return int(x.TextAlign()) }, func(i int) { x.SetTextAlign(gl.TextAlign(i)) })
	a.enumAccessor(o, "textBaseline", textBaselines, func() int { return int(x.TextBaseline()) }, func(i int) { x.SetTextBaseline(gl.TextBaseline(i)) })
}

// Indexed by gl.TextAlign, gl.TextBaseline, gl.LineCap and gl.LineJoin:
// the strings the properties accept and report.
var (
	textAligns    = []string{"start", "end", "left", "right", "center"}
	textBaselines = []string{"alphabetic", "top", "hanging", "middle", "ideographic", "bottom"}
	lineCaps      = []string{"butt", "round", "square"}
	lineJoins     = []string{"miter", "round", "bevel"}
	// imageSmoothingQuality starts at "low", as in browsers.
	smoothingQualities = []string{"low", "medium", "high"}
)

// indexOf finds an enumerated value; -1 means the browser would ignore it.
func indexOf(values []string, v string) int {
	for i, name := range values {
		if v == name {
			return i
		}
	}
	return -1
}

// installText defines fillText and measureText.
func (a *API) installText(o *goja.Object, b *canvasBinding) {
	const iface = "CanvasRenderingContext2D"
	x, vm := b.ctx, a.vm
	lib := a.host.Fonts()
	text := func(name string, draw func(lib *fonts.Library, text string, x, y, maxWidth float64)) {
		must(o.Set(name, Native(vm, iface+"."+name, func(call goja.FunctionCall) goja.Value {
			a.argsRequired(call, 3, iface, name)
			maxWidth := math.Inf(1)
			if len(call.Arguments) > 3 && !goja.IsUndefined(call.Arguments[3]) {
				maxWidth = num(call, 3)
			}
			draw(lib, call.Arguments[0].String(), num(call, 1), num(call, 2), maxWidth)
			return goja.Undefined()
		})))
	}
	text("fillText", x.FillText)
	text("strokeText", x.StrokeText)
	must(o.Set("measureText", Native(vm, iface+".measureText", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 1, iface, "measureText")
		m := x.MeasureText(lib, call.Arguments[0].String())
		return a.object(
			"width", m.Width,
			"actualBoundingBoxLeft", m.ActualBoundingBoxLeft,
			"actualBoundingBoxRight", m.ActualBoundingBoxRight,
			"actualBoundingBoxAscent", m.ActualBoundingBoxAscent,
			"actualBoundingBoxDescent", m.ActualBoundingBoxDescent,
			"fontBoundingBoxAscent", m.FontBoundingBoxAscent,
			"fontBoundingBoxDescent", m.FontBoundingBoxDescent,
		)
	})))
}

// domError makes an Error whose name is a DOMException name, as browsers
// throw for IndexSizeError and the like.
func (a *API) domError(name, format string, args ...any) *goja.Object {
	e := a.vm.NewGoError(fmt.Errorf(format, args...))
	must(e.Set("name", name))
	return e
}

// cornerRadii reads roundRect's radii argument: a number, a {x, y}
// point, or a list of 1 to 4 of them, expanded to [top-left, top-right,
// bottom-right, bottom-left] as the spec does.
func (a *API) cornerRadii(v goja.Value) [4][2]float64 {
	var list []goja.Value
	if goja.IsUndefined(v) {
		list = []goja.Value{a.vm.ToValue(0)}
	} else if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Array" {
		if err := a.vm.ExportTo(v, &list); err != nil {
			panic(a.vm.NewTypeError("roundRect: radii must be a number or a list of numbers"))
		}
	} else {
		list = []goja.Value{v}
	}
	if len(list) < 1 || len(list) > 4 {
		panic(a.domError("RangeError", "Failed to execute 'roundRect' on 'CanvasRenderingContext2D': %d radii provided. Between one and four radii are necessary.", len(list)))
	}
	r := make([][2]float64, len(list))
	for i, item := range list {
		if obj, ok := item.(*goja.Object); ok && obj.ClassName() == "Object" {
			r[i] = [2]float64{prop(obj, "x").ToFloat(), prop(obj, "y").ToFloat()}
		} else {
			f := item.ToFloat()
			r[i] = [2]float64{f, f}
		}
		if r[i][0] < 0 || r[i][1] < 0 {
			panic(a.domError("RangeError", "Failed to execute 'roundRect' on 'CanvasRenderingContext2D': Radius value %v is negative.", r[i][0]))
		}
	}
	switch len(r) {
	case 1:
		return [4][2]float64{r[0], r[0], r[0], r[0]}
	case 2:
		return [4][2]float64{r[0], r[1], r[0], r[1]}
	case 3:
		return [4][2]float64{r[0], r[1], r[2], r[1]}
	}
	return [4][2]float64{r[0], r[1], r[2], r[3]}
}

// enumAccessor defines a property whose values are names (lineCap,
// textAlign...): reading gives the current name, and assigning a name
// that is not in the list is ignored, as browsers do.
func (a *API) enumAccessor(o *goja.Object, name string, names []string, get func() int, set func(int)) {
	a.accessor(o, name, func() goja.Value { return a.vm.ToValue(names[get()]) }, func(v goja.Value) {
		if i := indexOf(names, v.String()); i >= 0 {
			set(i)
		}
	})
}
