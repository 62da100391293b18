package jsapi

import (
	"github.com/dop251/goja"
	"github.com/minisim/minisim/gl"
)

// installPath2D defines the Path2D constructor: new Path2D(),
// new Path2D(otherPath), new Path2D("M 0 0 L 10 10 Z").
func (a *API) installPath2D() {
	vm := a.vm
	ctor := func(call goja.ConstructorCall) *goja.Object {
		p := &gl.Path2D{}
		switch arg := call.Argument(0).(type) {
		case *goja.Object:
			if q, ok := a.path2Ds[arg]; ok {
				p = q.Copy()
			}
		default:
			if !goja.IsUndefined(arg) {
				p = gl.ParseSVGPath(arg.String())
			}
		}
		a.bindPath2D(call.This, p)
		return nil
	}
	must(vm.GlobalObject().Set("Path2D", ctor))
}

func (a *API) bindPath2D(o *goja.Object, p *gl.Path2D) {
	const iface = "Path2D"
	vm := a.vm
	undef := goja.Undefined()
	method := func(name string, n int, fn func(call goja.FunctionCall)) {
		must(o.Set(name, Native(vm, iface+"."+name, func(call goja.FunctionCall) goja.Value {
			a.argsRequired(call, n, iface, name)
			fn(call)
			return undef
		})))
	}
	method("moveTo", 2, func(c goja.FunctionCall) { p.MoveTo(num(c, 0), num(c, 1)) })
	method("lineTo", 2, func(c goja.FunctionCall) { p.LineTo(num(c, 0), num(c, 1)) })
	method("closePath", 0, func(goja.FunctionCall) { p.ClosePath() })
	method("rect", 4, func(c goja.FunctionCall) { p.Rect(num(c, 0), num(c, 1), num(c, 2), num(c, 3)) })
	method("roundRect", 4, func(c goja.FunctionCall) {
		p.RoundRect(num(c, 0), num(c, 1), num(c, 2), num(c, 3), a.cornerRadii(c.Argument(4)))
	})
	method("quadraticCurveTo", 4, func(c goja.FunctionCall) { p.QuadraticCurveTo(num(c, 0), num(c, 1), num(c, 2), num(c, 3)) })
	method("bezierCurveTo", 6, func(c goja.FunctionCall) {
		p.BezierCurveTo(num(c, 0), num(c, 1), num(c, 2), num(c, 3), num(c, 4), num(c, 5))
	})
	method("arc", 5, func(c goja.FunctionCall) {
		if !p.Ellipse(num(c, 0), num(c, 1), num(c, 2), num(c, 2), 0, num(c, 3), num(c, 4), c.Argument(5).ToBoolean()) {
			panic(a.domError("IndexSizeError", "Failed to execute 'arc' on 'Path2D': The radius provided (%v) is negative.", num(c, 2)))
		}
	})
	method("ellipse", 7, func(c goja.FunctionCall) {
		if !p.Ellipse(num(c, 0), num(c, 1), num(c, 2), num(c, 3), num(c, 4), num(c, 5), num(c, 6), c.Argument(7).ToBoolean()) {
			panic(a.domError("IndexSizeError", "Failed to execute 'ellipse' on 'Path2D': The radius provided is negative."))
		}
	})
	method("arcTo", 5, func(c goja.FunctionCall) {
		if !p.ArcTo(num(c, 0), num(c, 1), num(c, 2), num(c, 3), num(c, 4)) {
			panic(a.domError("IndexSizeError", "Failed to execute 'arcTo' on 'Path2D': The radius provided (%v) is negative.", num(c, 4)))
		}
	})
	method("addPath", 1, func(c goja.FunctionCall) {
		other, ok := a.path2DOf(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("Failed to execute 'addPath' on 'Path2D': parameter 1 is not of type 'Path2D'."))
		}
		m := gl.Identity
		if t, ok := c.Argument(1).(*goja.Object); ok {
			m = matrixFromObject(t)
		}
		p.AddPath(other, m)
	})
	a.path2Ds[o] = p
}

func (a *API) path2DOf(v goja.Value) (*gl.Path2D, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	p, ok := a.path2Ds[o]
	return p, ok
}

// matrixFromObject reads a DOMMatrix-like {a, b, c, d, e, f}.
func matrixFromObject(t *goja.Object) gl.Matrix {
	get := func(k string, def float64) float64 {
		if v := t.Get(k); v != nil && !goja.IsUndefined(v) {
			return v.ToFloat()
		}
		return def
	}
	return gl.Matrix{A: get("a", 1), B: get("b", 0), C: get("c", 0), D: get("d", 1), E: get("e", 0), F: get("f", 0)}
}

// installPathUse adds the context methods that take an optional Path2D
// first: fill, stroke, clip, isPointInPath, isPointInStroke.
func (a *API) installPathUse(o *goja.Object, x *gl.Context2D) {
	const iface = "CanvasRenderingContext2D"
	vm := a.vm
	method := func(name string, fn func(goja.FunctionCall) goja.Value) {
		must(o.Set(name, Native(vm, iface+"."+name, fn)))
	}
	// split separates an optional leading Path2D from the other arguments.
	split := func(call goja.FunctionCall) (*gl.Path2D, []goja.Value) {
		if p, ok := a.path2DOf(call.Argument(0)); ok {
			return p, call.Arguments[1:]
		}
		return nil, call.Arguments
	}
	rule := func(args []goja.Value, i int, method string) bool {
		if i >= len(args) || goja.IsUndefined(args[i]) {
			return false
		}
		switch args[i].String() {
		case "evenodd":
			return true
		case "nonzero":
			return false
		}
		panic(vm.NewTypeError("Failed to execute '%s' on '%s': The provided value '%s' is not a valid enum value of type CanvasFillRule.", method, iface, args[i].String()))
	}
	method("fill", func(call goja.FunctionCall) goja.Value {
		p, args := split(call)
		if p != nil {
			x.FillPath(p, rule(args, 0, "fill"))
		} else {
			x.Fill(rule(args, 0, "fill"))
		}
		return goja.Undefined()
	})
	method("stroke", func(call goja.FunctionCall) goja.Value {
		if p, _ := split(call); p != nil {
			x.StrokePath(p)
		} else {
			x.Stroke()
		}
		return goja.Undefined()
	})
	method("clip", func(call goja.FunctionCall) goja.Value {
		p, args := split(call)
		if p != nil {
			x.ClipPath(p, rule(args, 0, "clip"))
		} else {
			x.Clip(rule(args, 0, "clip"))
		}
		return goja.Undefined()
	})
	point := func(args []goja.Value, name string) (float64, float64) {
		if len(args) < 2 {
			panic(vm.NewTypeError("Failed to execute '%s' on '%s': 2 arguments required, but only %d present.", name, iface, len(args)))
		}
		return args[0].ToFloat(), args[1].ToFloat()
	}
	method("isPointInPath", func(call goja.FunctionCall) goja.Value {
		p, args := split(call)
		px, py := point(args, "isPointInPath")
		return vm.ToValue(x.IsPointInPath(p, px, py, rule(args, 2, "isPointInPath")))
	})
	method("isPointInStroke", func(call goja.FunctionCall) goja.Value {
		p, args := split(call)
		px, py := point(args, "isPointInStroke")
		return vm.ToValue(x.IsPointInStroke(p, px, py))
	})
}
