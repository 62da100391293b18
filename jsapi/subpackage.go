package jsapi

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// Subpackage is one entry of game.json's "subpackages": a folder (or one
// .js file) of the game that is not on the phone until the game loads it.
type Subpackage struct {
	Name string
	// Root is a slash path relative to the game root: a folder, whose
	// game.js runs on load, or a .js file.
	Root string
}

// Entry is the module a load runs.
func (s Subpackage) Entry() string {
	if strings.HasSuffix(s.Root, ".js") {
		return s.Root
	}
	return path.Join(s.Root, "game.js")
}

// subpackageState is what one domain knows of a subpackage.
type subpackageState struct {
	Subpackage
	downloaded bool // its files are "on the phone" (preDownload or load)
	executed   bool
	unlock     func()
}

// installSubpackages adds loadSubpackage and preDownloadSubpackage. Until a
// subpackage is loaded, requiring its modules fails with a hint, as its
// code would be missing on a phone.
func (a *API) installSubpackages(list []Subpackage) {
	for _, sp := range list {
		st := &subpackageState{Subpackage: sp}
		st.unlock = a.loop.LockModules(sp.Root, fmt.Sprintf("it belongs to subpackage %q, which is not loaded yet: call %s({name: %q}) first",
			sp.Name, a.apiName("loadSubpackage"), sp.Name))
		a.subpackages = append(a.subpackages, st)
	}
	a.set("loadSubpackage", func(call goja.FunctionCall) goja.Value {
		return a.subpackageTask("loadSubpackage", call.Argument(0), true)
	})
	a.set("preDownloadSubpackage", func(call goja.FunctionCall) goja.Value {
		return a.subpackageTask("preDownloadSubpackage", call.Argument(0), false)
	})
}

// subpackageTask sizes the subpackage's files off the loop, reports their
// bytes as download progress (one event per file, at most ten), then, for
// a load, runs its entry module once.
func (a *API) subpackageTask(method string, arg goja.Value, execute bool) goja.Value {
	opts, _ := arg.(*goja.Object)
	task := a.vm.NewObject()
	events := map[string][]listener{}
	defineListeners(a.vm, task, "LoadSubpackageTask", events, "onProgressUpdate", "offProgressUpdate")
	emitProgress := func(written, total int64) {
		pct := int64(100)
		if total > 0 {
			pct = written * 100 / total
		}
		emitTo(a.loop, task, events, "ProgressUpdate", a.object("progress", pct, "totalBytesWritten", written, "totalBytesExpectedToWrite", total))
	}

	a.callbackIn(method, opts, false, func(done func(*goja.Object, string)) {
		name, err := stringParam(opts, "name")
		if err != nil {
			done(nil, err.Error())
			return
		}
		st := a.findSubpackage(name)
		if st == nil {
			done(nil, fmt.Sprintf("subpackage %q not found: game.json declares %s", name, a.subpackageNames()))
			return
		}
		finish := func() {
			st.downloaded = true
			if !execute || st.executed {
				done(nil, "")
				return
			}
			st.executed = true
			st.unlock()
			if _, err := a.loop.Require(st.Entry()); err != nil {
				a.loop.ReportError(err)
				done(nil, err.Error())
				return
			}
			done(nil, "")
		}
		if st.downloaded {
			a.later(finish)
			return
		}
		root := filepath.Join(a.loop.Root(), filepath.FromSlash(st.Root))
		a.loop.Go(func() func() {
			sizes, err := fileSizes(root)
			return func() {
				if err != nil {
					done(nil, fmt.Sprintf("reading subpackage %q: %v", st.Name, err))
					return
				}
				a.reportProgress(sizes, emitProgress, finish)
			}
		})
	})
	return task
}

// reportProgress emits the running byte count in turns of their own, then
// calls finish.
func (a *API) reportProgress(sizes []int64, emit func(written, total int64), finish func()) {
	var total int64
	for _, n := range sizes {
		total += n
	}
	step := (len(sizes) + 9) / 10
	var written int64
	var next func(i int)
	next = func(i int) {
		for j := i; j < i+step && j < len(sizes); j++ {
			written += sizes[j]
		}
		emit(written, total)
		if i+step < len(sizes) {
			a.later(func() { next(i + step) })
			return
		}
		a.later(finish)
	}
	a.later(func() { next(0) })
}

// fileSizes lists the sizes of the files under root (a folder or one
// file), in walk order: what a download of the subpackage would fetch.
func fileSizes(root string) ([]int64, error) {
	var sizes []int64
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			sizes = append(sizes, info.Size())
		}
		return err
	})
	if len(sizes) == 0 && err == nil {
		sizes = []int64{0}
	}
	return sizes, err
}

func (a *API) findSubpackage(name string) *subpackageState {
	trimmed := strings.Trim(name, "/")
	for _, st := range a.subpackages {
		if st.Name == name || strings.Trim(st.Root, "/") == trimmed {
			return st
		}
	}
	return nil
}

func (a *API) subpackageNames() string {
	if len(a.subpackages) == 0 {
		return "no subpackages"
	}
	names := make([]string, len(a.subpackages))
	for i, st := range a.subpackages {
		names[i] = fmt.Sprintf("%q", st.Name)
	}
	return strings.Join(names, ", ")
}
