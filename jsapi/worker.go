package jsapi

import (
	"fmt"

	"github.com/dop251/goja"
)

// WorkerHandle is a running worker, as the host started it: Post hands it
// a message (already copied out of the sender's VM), Terminate ends it.
type WorkerHandle interface {
	Post(msg any)
	Terminate()
}

// installWorker adds createWorker: a script from game.json's "workers"
// folder in a VM of its own, exchanging copied messages with the game. As
// on the platform, one worker runs at a time.
func (a *API) installWorker() {
	a.set("createWorker", func(call goja.FunctionCall) goja.Value {
		script := call.Argument(0)
		if _, ok := script.Export().(string); !ok {
			panic(a.vm.NewTypeError("%s: scriptPath must be a string (a path such as 'workers/index.js')", a.apiName("createWorker")))
		}
		if a.worker != nil {
			panic(a.vm.NewGoError(fmt.Errorf("%s: only one Worker may run at a time: call terminate() on the current one first", a.apiName("createWorker"))))
		}
		w := a.vm.NewObject()
		var handle WorkerHandle
		live := func() bool { return a.worker == w } // started and not terminated
		deliver := messagePort(a.loop, w, "Worker", live, func(msg any) {
			if live() {
				handle.Post(msg)
			}
		})
		// The worker's script runs now and may post at once: its messages
		// arrive on later turns, when live holds.
		handle, err := a.host.CreateWorker(script.String(), deliver)
		if err != nil {
			panic(a.vm.NewGoError(fmt.Errorf("%s: %v", a.apiName("createWorker"), err)))
		}
		a.worker, a.workerHandle = w, handle
		must(w.Set("terminate", Native(a.vm, "Worker.terminate", func(goja.FunctionCall) goja.Value {
			if a.worker == w {
				a.stopWorker()
			}
			return goja.Undefined()
		})))
		return w
	})
}

func (a *API) stopWorker() {
	if a.workerHandle != nil {
		a.workerHandle.Terminate()
	}
	a.worker, a.workerHandle = nil, nil
}

// InstallWorkerGlobal gives a worker's VM its global `worker` object
// (onMessage, postMessage; no platform APIs, as documented). post sends a
// copied message to the game; the returned deliver hands the worker one.
func InstallWorkerGlobal(loop Loop, post func(msg any)) (deliver func(msg any)) {
	w := loop.VM().NewObject()
	must(loop.VM().GlobalObject().Set("worker", w))
	return messagePort(loop, w, "worker", func() bool { return true }, post)
}

// messagePort gives obj postMessage, which copies a message out of its VM
// for send, and onMessage; the returned deliver copies a message in and
// hands it to the listeners on a later turn, if live still says so.
func messagePort(loop Loop, obj *goja.Object, label string, live func() bool, send func(msg any)) (deliver func(msg any)) {
	vm := loop.VM()
	events := map[string][]listener{}
	defineListeners(vm, obj, label, events, "onMessage")
	must(obj.Set("postMessage", Native(vm, label+".postMessage", func(call goja.FunctionCall) goja.Value {
		msg, err := cloneOut(call.Argument(0))
		if err != nil {
			panic(vm.NewTypeError("%s.postMessage: %v", label, err))
		}
		send(msg)
		return goja.Undefined()
	})))
	return func(msg any) {
		loop.Post(func() {
			if live() {
				emitTo(loop, obj, events, "Message", cloneIn(vm, msg))
			}
		})
	}
}

// A message crosses between VMs as a tree of Go values: nil (null),
// undefinedValue, bool, float64, string, []any (arrays), clonedObject
// (keys in order) and clonedBuffer (an ArrayBuffer's bytes, copied).
type (
	undefinedValue struct{}
	clonedObject   struct {
		keys   []string
		values []any
	}
	clonedBuffer []byte
)

// cloneOut copies a value out of its VM, as structured cloning does for
// the data a game sends: functions and symbols cannot be sent, cycles are
// refused.
func cloneOut(v goja.Value) (any, error) {
	return cloneValue(v, map[*goja.Object]bool{})
}

func cloneValue(v goja.Value, seen map[*goja.Object]bool) (any, error) {
	if v == nil || goja.IsUndefined(v) {
		return undefinedValue{}, nil
	}
	if goja.IsNull(v) {
		return nil, nil
	}
	o, isObj := v.(*goja.Object)
	if !isObj {
		switch x := v.Export().(type) {
		case bool, string:
			return x, nil
		case int64:
			return float64(x), nil
		case float64:
			return x, nil
		}
		return nil, fmt.Errorf("a %s cannot be sent to or from a Worker", typeName(v))
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		return nil, fmt.Errorf("a function cannot be sent to or from a Worker")
	}
	if buf, ok := o.Export().(goja.ArrayBuffer); ok {
		return clonedBuffer(append([]byte(nil), buf.Bytes()...)), nil
	}
	if seen[o] {
		return nil, fmt.Errorf("the message refers to itself (a cycle)")
	}
	seen[o] = true
	defer delete(seen, o)
	if o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		arr := make([]any, n)
		for i := 0; i < n; i++ {
			x, err := cloneValue(o.Get(fmt.Sprint(i)), seen)
			if err != nil {
				return nil, err
			}
			arr[i] = x
		}
		return arr, nil
	}
	var out clonedObject
	for _, k := range o.Keys() {
		x, err := cloneValue(o.Get(k), seen)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		out.keys = append(out.keys, k)
		out.values = append(out.values, x)
	}
	return out, nil
}

// cloneIn builds a copied value in the receiving VM.
func cloneIn(vm *goja.Runtime, msg any) goja.Value {
	switch x := msg.(type) {
	case nil:
		return goja.Null()
	case undefinedValue:
		return goja.Undefined()
	case clonedBuffer:
		return vm.ToValue(vm.NewArrayBuffer(append([]byte(nil), x...)))
	case []any:
		items := make([]any, len(x))
		for i, item := range x {
			items[i] = cloneIn(vm, item)
		}
		return vm.NewArray(items...)
	case clonedObject:
		o := vm.NewObject()
		for i, k := range x.keys {
			must(o.Set(k, cloneIn(vm, x.values[i])))
		}
		return o
	}
	return vm.ToValue(msg)
}
