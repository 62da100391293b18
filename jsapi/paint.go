package jsapi

import (
	"math"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/gl/csscolor"
)

// paints maps the CanvasGradient and CanvasPattern objects a domain made
// to their Go side, both ways, so fillStyle can take them and give them
// back.
type paints struct {
	gradients map[*goja.Object]*gl.Gradient
	patterns  map[*goja.Object]*gl.Pattern
	objects   map[any]*goja.Object
	// colors caches parsed colour strings: games cycle through a palette
	// every frame, one fillStyle per shape.
	colors map[string]csscolor.RGBA
}

// maxCachedColors bounds paints.colors; it starts over when full.
const maxCachedColors = 1024

func newPaints() paints {
	return paints{gradients: map[*goja.Object]*gl.Gradient{}, patterns: map[*goja.Object]*gl.Pattern{},
		objects: map[any]*goja.Object{}, colors: map[string]csscolor.RGBA{}}
}

// color parses a CSS colour string, from the cache when it can.
func (p *paints) color(s string) (csscolor.RGBA, bool) {
	if c, ok := p.colors[s]; ok {
		return c, true
	}
	c, ok := csscolor.Parse(s)
	if ok {
		if len(p.colors) >= maxCachedColors {
			clear(p.colors)
		}
		p.colors[s] = c
	}
	return c, ok
}

// installPaints adds the gradient and pattern factories to a 2D context.
func (a *API) installPaints(o *goja.Object, b *canvasBinding) {
	const iface = "CanvasRenderingContext2D"
	vm := a.vm
	method := func(name string, fn func(goja.FunctionCall) goja.Value) {
		must(o.Set(name, Native(vm, iface+"."+name, fn)))
	}
	gradient := func(kind gl.GradientKind, n int, name string) {
		method(name, func(call goja.FunctionCall) goja.Value {
			a.argsRequired(call, n, iface, name)
			g := &gl.Gradient{Kind: kind}
			for i := 0; i < n; i++ {
				v := num(call, i)
				if math.IsNaN(v) || math.IsInf(v, 0) {
					panic(vm.NewTypeError("Failed to execute '%s' on '%s': The provided double value is non-finite.", name, iface))
				}
				g.Params[i] = v
			}
			if kind == gl.RadialGradient && (g.Params[2] < 0 || g.Params[5] < 0) {
				panic(a.domError("IndexSizeError", "Failed to execute '%s' on '%s': The radius provided is negative.", name, iface))
			}
			return a.gradientObject(g)
		})
	}
	gradient(gl.LinearGradient, 4, "createLinearGradient")
	gradient(gl.RadialGradient, 6, "createRadialGradient")
	gradient(gl.ConicGradient, 3, "createConicGradient")
	method("createPattern", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 2, iface, "createPattern")
		obj, _ := call.Arguments[0].(*goja.Object)
		// A pattern may be drawn anywhere, so no protected canvas may become one.
		if pb := a.bindingOf(obj); pb != nil && a.restricted() && (pb.onScreen || pb.shared) {
			a.refuseDrawing(pb, nil, "createPattern")
		}
		src, ok := a.sources[obj]
		if !ok {
			if a.imageOf(obj) != nil {
				return goja.Null() // not loaded yet: browsers return null
			}
			panic(vm.NewTypeError("Failed to execute 'createPattern' on '%s': The provided value is not of type '(HTMLCanvasElement or HTMLImageElement or ImageBitmap or OffscreenCanvas)'.", iface))
		}
		rep := gl.Repeat
		if v := call.Arguments[1]; !goja.IsNull(v) {
			switch v.String() {
			case "repeat", "":
			case "repeat-x":
				rep = gl.RepeatX
			case "repeat-y":
				rep = gl.RepeatY
			case "no-repeat":
				rep = gl.NoRepeat
			default:
				panic(a.domError("SyntaxError", "Failed to execute 'createPattern' on '%s': The provided type ('%s') is not one of 'repeat', 'no-repeat', 'repeat-x', or 'repeat-y'.", iface, v.String()))
			}
		}
		return a.patternObject(a.host.Renderer().NewPattern(src, rep))
	})
}

func (a *API) gradientObject(g *gl.Gradient) *goja.Object {
	o := a.vm.NewObject()
	must(o.Set("addColorStop", Native(a.vm, "CanvasGradient.addColorStop", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 2, "CanvasGradient", "addColorStop")
		offset := num(call, 0)
		if !(offset >= 0 && offset <= 1) {
			panic(a.domError("IndexSizeError", "Failed to execute 'addColorStop' on 'CanvasGradient': The provided value (%v) is outside the range (0.0, 1.0).", offset))
		}
		c, ok := csscolor.Parse(call.Arguments[1].String())
		if !ok {
			panic(a.domError("SyntaxError", "Failed to execute 'addColorStop' on 'CanvasGradient': The value provided ('%s') could not be parsed as a color.", call.Arguments[1].String()))
		}
		g.AddColorStop(offset, c)
		return goja.Undefined()
	})))
	a.paints.gradients[o] = g
	a.paints.objects[g] = o
	return o
}

func (a *API) patternObject(p *gl.Pattern) *goja.Object {
	o := a.vm.NewObject()
	must(o.Set("setTransform", Native(a.vm, "CanvasPattern.setTransform", func(call goja.FunctionCall) goja.Value {
		m := gl.Identity
		if t, ok := call.Argument(0).(*goja.Object); ok {
			get := func(k string, def float64) float64 {
				if v := t.Get(k); v != nil && !goja.IsUndefined(v) {
					return v.ToFloat()
				}
				return def
			}
			m = gl.Matrix{A: get("a", 1), B: get("b", 0), C: get("c", 0), D: get("d", 1), E: get("e", 0), F: get("f", 0)}
		}
		p.Transform = m
		return goja.Undefined()
	})))
	a.paints.patterns[o] = p
	a.paints.objects[p] = o
	return o
}

// paintOf reads a fillStyle/strokeStyle assignment: a gradient or pattern
// object, or a CSS colour string (other values are converted to one, as in
// a browser); ok is false for values a browser ignores.
func (a *API) paintOf(v goja.Value) (gl.Paint, bool) {
	if o, isObj := v.(*goja.Object); isObj {
		if g, ok := a.paints.gradients[o]; ok {
			return gl.Paint{Gradient: g}, true
		}
		if p, ok := a.paints.patterns[o]; ok {
			return gl.Paint{Pattern: p}, true
		}
	}
	s, isStr := jsString(v)
	if !isStr {
		// (DOMString or CanvasGradient or CanvasPattern): anything else is
		// converted to a string, which throws for a Symbol.
		if _, isSym := v.(*goja.Symbol); isSym {
			panic(a.vm.NewTypeError("Cannot convert a Symbol value to a string"))
		}
		s = v.String()
	}
	c, ok := a.paints.color(s)
	return gl.ColorPaint(c), ok
}

// paintValue is what reading fillStyle/strokeStyle returns.
func (a *API) paintValue(p gl.Paint) goja.Value {
	switch {
	case p.Gradient != nil:
		return a.paints.objects[p.Gradient]
	case p.Pattern != nil:
		return a.paints.objects[p.Pattern]
	}
	return a.vm.ToValue(p.Color.Serialize())
}
