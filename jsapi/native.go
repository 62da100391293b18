// Package jsapi binds the platform APIs (wx, tt) into a domain's VM. The
// logic behind each API lives in plain Go; this package converts between
// JS values and Go and keeps Go failures from escaping into the simulator.
package jsapi

import (
	"fmt"

	"github.com/dop251/goja"
)

// Native wraps a binding so that a Go panic inside it (a bug of ours, or a
// library failing on odd input) becomes a JS Error the game can catch,
// while JS exceptions thrown on purpose pass through untouched.
func Native(vm *goja.Runtime, name string, fn func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) (ret goja.Value) {
		defer func() {
			if r := recover(); r != nil {
				panic(asJSPanic(vm, name, r))
			}
		}()
		return fn(call)
	}
}

// asJSPanic keeps goja's own throws and turns anything else into an Error.
func asJSPanic(vm *goja.Runtime, name string, r any) any {
	switch r.(type) {
	case goja.Value, *goja.Exception, *goja.InterruptedError, *goja.StackOverflowError:
		return r
	}
	return vm.NewGoError(fmt.Errorf("%s: internal error: %v", name, r))
}

// jsString returns v as a Go string when it is a JS string primitive. Unlike
// v.Export().(string) it boxes nothing, for setters called per draw.
func jsString(v goja.Value) (string, bool) {
	if s, ok := v.(goja.String); ok {
		return s.String(), true
	}
	return "", false
}

// prop reads o[k], undefined when absent (goja's Get returns nil then,
// which must never reach a method call) or when o is nil: an API called
// without options reads every option as undefined.
func prop(o *goja.Object, k string) goja.Value {
	if o == nil {
		return goja.Undefined()
	}
	if v := o.Get(k); v != nil {
		return v
	}
	return goja.Undefined()
}

// stringifyJSON and parseJSON use the VM's own JSON, so values convert
// exactly as JSON.stringify / JSON.parse would. stringifyJSON gives
// "undefined" for a value JSON cannot represent (JSON text would quote it).
func (a *API) stringifyJSON(v goja.Value) (string, error) {
	stringify, _ := goja.AssertFunction(a.vm.Get("JSON").ToObject(a.vm).Get("stringify"))
	out, err := stringify(goja.Undefined(), v)
	if err != nil {
		return "", err
	}
	return out.String(), nil
}

func (a *API) parseJSON(s string) (goja.Value, error) {
	parse, _ := goja.AssertFunction(a.vm.Get("JSON").ToObject(a.vm).Get("parse"))
	return parse(goja.Undefined(), a.vm.ToValue(s))
}
