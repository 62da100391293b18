package jsapi

import "github.com/dop251/goja"

// installFS adds env.USER_DATA_PATH and getFileSystemManager (main domain:
// the domain table leaves both out of the open data domain). The folders
// open on first use.
func (a *API) installFS() {
	a.files = newFileSystem(a.loop.Root())
	must(a.obj.Set("env", a.object("USER_DATA_PATH", a.userDataPath())))
	a.set("getFileSystemManager", func(goja.FunctionCall) goja.Value {
		if a.files.manager == nil {
			a.files.manager = a.fileSystemManager()
		}
		return a.files.manager
	})
}

// fsOp is one call of a file method with its arguments read: run does the
// work in plain Go (off the loop for the async form), then, on the loop,
// ret gives the Sync form's return value (nil: none, undefined) and result
// the success fields; most methods have just field, holding ret's value.
type fsOp struct {
	run    func() (any, error)
	ret    func(v any) goja.Value
	field  string
	result func(v any) *goja.Object
}

// success is the async form's success fields, nil for none.
func (op fsOp) success(a *API, v any) *goja.Object {
	switch {
	case op.field != "":
		return a.object(op.field, op.ret(v))
	case op.result != nil:
		return op.result(v)
	}
	return nil
}

// fsMethod is one FileSystemManager method: its async form takes an
// options object; its Sync form, when params lists the Sync parameters,
// takes them in order, or the same object when syncObject is set.
type fsMethod struct {
	name       string
	params     []string
	syncObject bool
	parse      func(in fsArgs) (fsOp, error)
}

// fsArgs reads a call's arguments by name, from the options object or the
// Sync form's positional arguments.
type fsArgs struct {
	opts *goja.Object
	pos  map[string]goja.Value
}

func (x fsArgs) get(k string) goja.Value {
	if x.pos != nil {
		if v, ok := x.pos[k]; ok && v != nil {
			return v
		}
		return goja.Undefined()
	}
	if x.opts == nil {
		return goja.Undefined()
	}
	return prop(x.opts, k)
}

// fileSystemManager builds the FileSystemManager object.
func (a *API) fileSystemManager() *goja.Object {
	m := a.vm.NewObject()
	for _, method := range a.fsMethods() {
		must(m.Set(method.name, Native(a.vm, "FileSystemManager."+method.name, func(call goja.FunctionCall) goja.Value {
			opts, _ := call.Argument(0).(*goja.Object)
			// The platforms do not promisify the file methods.
			return a.callbackIn(method.name, opts, false, func(done func(*goja.Object, string)) {
				op, err := method.parse(fsArgs{opts: opts})
				if err != nil {
					done(nil, a.fsReason(method.name, err))
					return
				}
				a.fsQueue(op, func(v any, err error) {
					if err != nil {
						done(nil, a.fsReason(method.name, err))
						return
					}
					done(op.success(a, v), "")
				})
			})
		})))
		if method.params == nil && !method.syncObject {
			continue
		}
		name := method.name + "Sync"
		must(m.Set(name, Native(a.vm, "FileSystemManager."+name, func(call goja.FunctionCall) goja.Value {
			in := fsArgs{pos: map[string]goja.Value{}}
			if method.syncObject {
				opts, _ := call.Argument(0).(*goja.Object)
				in = fsArgs{opts: opts}
			}
			for i, p := range method.params {
				in.pos[p] = call.Argument(i)
			}
			op, err := method.parse(in)
			var v any
			if err == nil {
				v, err = op.run()
			}
			if err != nil {
				panic(a.fsThrow(name, err))
			}
			if op.ret == nil {
				return goja.Undefined()
			}
			return op.ret(v)
		})))
	}
	return m
}

// fsQueue runs op off the loop after the file calls queued before it, as
// the platforms run them in call order, then finish on the loop.
func (a *API) fsQueue(op fsOp, finish func(v any, err error)) {
	prev := a.files.queue
	next := make(chan struct{})
	a.files.queue = next
	a.loop.Go(func() func() {
		if prev != nil {
			<-prev
		}
		defer close(next)
		v, err := runGuarded(op.run)
		return func() { finish(v, err) }
	})
}

// runGuarded turns a Go panic in file work into a failure the game sees.
func runGuarded(run func() (any, error)) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = failText("internal error: %v", r)
		}
	}()
	return run()
}
