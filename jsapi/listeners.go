package jsapi

import (
	"strings"

	"github.com/dop251/goja"
)

// A listener is a function registered with an onX method; key is the
// function object, which offX compares.
type listener struct {
	fn  goja.Callable
	key *goja.Object
}

// addEvent defines onX/offX on the platform object for an event delivered
// with emit.
func (a *API) addEvent(name string) {
	defineListeners(a.vm, a.obj, strings.TrimSuffix(a.apiName(""), "."), a.listeners, "on"+name, "off"+name)
}

// defineListeners defines on<Event>/off<Event> methods (as named) on obj,
// keeping the listeners in events under the event's name; label names obj
// in errors ("wx", "RequestTask"). off without a listener removes them all,
// as on the platform.
func defineListeners(vm *goja.Runtime, obj *goja.Object, label string, events map[string][]listener, methods ...string) {
	for _, method := range methods {
		on := strings.HasPrefix(method, "on")
		name := strings.TrimPrefix(method, "off")
		if on {
			name = strings.TrimPrefix(method, "on")
		}
		full := label + "." + method
		fn := func(call goja.FunctionCall) goja.Value {
			if !on {
				events[name] = removeListener(events[name], call.Argument(0))
				return goja.Undefined()
			}
			f := listenerArg(vm, full, call.Argument(0))
			events[name] = append(events[name], listener{fn: f, key: call.Argument(0).(*goja.Object)})
			return goja.Undefined()
		}
		must(obj.Set(method, Native(vm, full, fn)))
	}
}

// listenerArg is the listener passed to the onX method named full,
// throwing a TypeError, as the platforms do, when it is not a function.
func listenerArg(vm *goja.Runtime, full string, v goja.Value) goja.Callable {
	fn, ok := goja.AssertFunction(v)
	if !ok {
		panic(vm.NewTypeError("%s: the listener must be a function", full))
	}
	return fn
}

// removeListener drops fn from ls (every listener when fn is not an
// object, as offX without an argument does).
func removeListener(ls []listener, fn goja.Value) []listener {
	key, _ := fn.(*goja.Object)
	var kept []listener
	for _, l := range ls {
		if key != nil && l.key != key {
			kept = append(kept, l)
		}
	}
	return kept
}

// emitTo calls the listeners of an event in registration order, each
// guarded, with this as their context; listeners added meanwhile wait for
// the next event.
func emitTo(loop Loop, this goja.Value, events map[string][]listener, name string, args ...goja.Value) {
	for _, l := range append([]listener(nil), events[name]...) {
		loop.CallNested(l.fn, this, args...)
	}
}
