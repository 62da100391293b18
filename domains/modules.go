package domains

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

// moduleLoader implements CommonJS require for one domain. Module ids are
// slash paths relative to the game root ("js/main.js"), which is also how
// they appear in stack traces.
type moduleLoader struct {
	d      *Domain
	root   string
	scope  string   // slash path relative to root; "" = everything
	denied []string // slash paths relative to root
	// locked are folders (or files) whose modules wait for something, such
	// as a subpackage not loaded yet, with the error require gives.
	locked map[string]string
	// granted are folders outside scope this domain may load from anyway
	// (a plugin declared for it).
	granted []string
	modules map[string]*goja.Object
	// builtins holds the Options.Builtins modules built so far.
	builtins map[string]goja.Value
	// transformed marks modules esbuild rewrote from ES module syntax; their
	// positions come from a source map, not from the wrapper's offset.
	transformed map[string]bool
	// loaded records every file this domain read, for hot reload.
	loaded []string
}

func newModuleLoader(d *Domain) (*moduleLoader, error) {
	root, err := filepath.Abs(d.opts.Root)
	if err != nil {
		return nil, fmt.Errorf("domains: game folder: %w", err)
	}
	l := &moduleLoader{d: d, root: root, scope: cleanRel(d.opts.Scope), modules: map[string]*goja.Object{}, builtins: map[string]goja.Value{}, transformed: map[string]bool{}}
	for _, f := range d.opts.Forbidden {
		l.denied = append(l.denied, cleanRel(f))
	}
	return l, nil
}

func cleanRel(p string) string {
	p = path.Clean("/" + filepath.ToSlash(p))
	return strings.TrimPrefix(p, "/")
}

// LoadedFiles lists the files (slash paths relative to the root) that the
// domain has loaded so far.
func (d *Domain) LoadedFiles() []string { return append([]string(nil), d.modules.loaded...) }

// RunMain loads the entry module (a path relative to the root) as one
// turn; its errors are reported like any uncaught error and also returned.
func (d *Domain) RunMain(entry string) (err error) {
	d.Guard(func() {
		defer func() {
			if r := recover(); r != nil {
				err = panicToError(r)
			}
			if err != nil {
				d.report(err)
			}
		}()
		_, err = d.modules.require(cleanRel(entry))
	})
	return err
}

// LockModules makes require of anything under folder (a slash path
// relative to the root) fail with reason until unlock is called: a
// subpackage's code is not on the phone before wx.loadSubpackage.
func (d *Domain) LockModules(folder, reason string) (unlock func()) {
	folder = cleanRel(folder)
	if d.modules.locked == nil {
		d.modules.locked = map[string]string{}
	}
	d.modules.locked[folder] = reason
	return func() { delete(d.modules.locked, folder) }
}

// GrantModules lets the domain load the modules under folder (a slash
// path relative to the root) even outside its own folder: a plugin that
// game.json declares for it.
func (d *Domain) GrantModules(folder string) {
	d.modules.granted = append(d.modules.granted, cleanRel(folder))
}

// Require runs a module (a slash path relative to the root) from inside a
// turn, once, and returns its exports.
func (d *Domain) Require(id string) (goja.Value, error) {
	return d.modules.require(cleanRel(id))
}

// requireFrom returns the require function seen by the module in dir.
func (l *moduleLoader) requireFrom(dir string) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		arg := call.Argument(0)
		if goja.IsUndefined(arg) || goja.IsNull(arg) {
			panic(l.d.vm.NewTypeError("require: a module path is required"))
		}
		if v, ok := l.builtin(arg.String()); ok {
			return v
		}
		id, err := l.resolve(dir, arg.String())
		if err != nil {
			panic(l.d.vm.NewGoError(err))
		}
		exports, err := l.require(id)
		if err != nil {
			panic(err) // rethrow the module's own exception unchanged
		}
		return exports
	}
}

// builtin returns the Options.Builtins module of that name, building it
// on first use.
func (l *moduleLoader) builtin(name string) (goja.Value, bool) {
	build, ok := l.d.opts.Builtins[name]
	if !ok {
		return nil, false
	}
	v, ok := l.builtins[name]
	if !ok {
		v = build(l.d.vm)
		l.builtins[name] = v
	}
	return v, true
}

// resolve turns a require path into a module id. As in WeChat, a path
// without ./ is tried relative to the requiring file first, then to the
// root; ".js" and "/index.js" may be left out.
func (l *moduleLoader) resolve(dir, spec string) (string, error) {
	if spec == "" {
		return "", fmt.Errorf("require: empty module path")
	}
	var bases []string
	switch {
	case strings.HasPrefix(spec, "/"):
		bases = []string{cleanRel(spec)}
	case strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || spec == "." || spec == "..":
		bases = []string{path.Join(dir, spec)}
	default:
		bases = []string{path.Join(dir, spec), cleanRel(spec)}
	}
	var denied error
	for _, base := range bases {
		if strings.HasPrefix(base, "../") || base == ".." {
			return "", fmt.Errorf("require(%q): the path leaves the game folder", spec)
		}
		for _, cand := range []string{base, base + ".js", base + "/index.js"} {
			if err := l.allowed(cand); err != nil {
				if l.isFile(cand) {
					denied = fmt.Errorf("require(%q): %w", spec, err)
				}
				continue
			}
			if l.isFile(cand) {
				return cand, nil
			}
		}
	}
	if denied != nil {
		return "", denied
	}
	from := dir
	if from == "" {
		from = "the game root"
	}
	return "", fmt.Errorf("require(%q): module not found (looked from %s for %s, %s.js and %s/index.js)", spec, from, bases[0], bases[0], bases[0])
}

func (l *moduleLoader) allowed(id string) error {
	for folder, reason := range l.locked {
		if id == folder || strings.HasPrefix(id, folder+"/") {
			return fmt.Errorf("%s: %s", id, reason)
		}
	}
	for _, folder := range l.granted {
		if id == folder || strings.HasPrefix(id, folder+"/") {
			return nil
		}
	}
	if l.scope != "" && id != l.scope && !strings.HasPrefix(id, l.scope+"/") {
		return fmt.Errorf("%s is outside this domain's folder %s/: the open data domain can only load its own files", id, l.scope)
	}
	for _, deny := range l.denied {
		if id == deny || strings.HasPrefix(id, deny+"/") {
			return fmt.Errorf("%s is inside the open data domain's folder %s/, which only the open data domain can load", id, deny)
		}
	}
	return nil
}

func (l *moduleLoader) isFile(id string) bool {
	st, err := os.Stat(filepath.Join(l.root, filepath.FromSlash(id)))
	return err == nil && st.Mode().IsRegular()
}

// require runs a module once and returns its exports; a cycle gets the
// partial exports, as in Node.
func (l *moduleLoader) require(id string) (goja.Value, error) {
	if m, ok := l.modules[id]; ok {
		return m.Get("exports"), nil
	}
	if err := l.allowed(id); err != nil {
		return nil, err
	}
	src, err := os.ReadFile(filepath.Join(l.root, filepath.FromSlash(id)))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: file not found", id)
		}
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	l.loaded = append(l.loaded, id)
	vm := l.d.vm
	module := vm.NewObject()
	exports := vm.NewObject()
	must(module.Set("exports", exports))
	must(module.Set("id", id))
	must(module.Set("filename", id))
	l.modules[id] = module

	if strings.HasSuffix(id, ".json") {
		var v any
		if err := json.Unmarshal(src, &v); err != nil {
			delete(l.modules, id)
			return nil, fmt.Errorf("%s: malformed JSON: %v", id, err)
		}
		must(module.Set("exports", vm.ToValue(v)))
		return module.Get("exports"), nil
	}

	prog, esm, err := l.d.opts.Programs.compile(id, string(src))
	if err != nil {
		delete(l.modules, id)
		return nil, err
	}
	l.transformed[id] = esm
	fnVal, err := vm.RunProgram(prog)
	if err != nil {
		delete(l.modules, id)
		return nil, err
	}
	fn, _ := goja.AssertFunction(fnVal)
	dir := path.Dir(id)
	if dir == "." {
		dir = ""
	}
	_, err = fn(exports, exports, vm.ToValue(l.requireFrom(dir)), module, vm.ToValue(id), vm.ToValue(dir))
	if err != nil {
		delete(l.modules, id)
		return nil, err
	}
	return module.Get("exports"), nil
}

// moduleWrapper turns a file into a function of the CommonJS variables.
// It shares the file's first line so line numbers stay exact; columns on
// line 1 are corrected when errors are printed.
const moduleWrapper = "(function (exports, require, module, __filename, __dirname) {"

// ProgramCache keeps compiled modules so that a reload recompiles only the
// files that changed. It is safe for concurrent use.
type ProgramCache struct {
	mu    sync.Mutex
	progs map[string]cachedProgram
}

type cachedProgram struct {
	src  string
	prog *goja.Program
	esm  bool
}

// NewProgramCache returns an empty cache.
func NewProgramCache() *ProgramCache { return &ProgramCache{progs: map[string]cachedProgram{}} }

var esmSyntax = regexp.MustCompile(`(?m)^[ \t]*(import[ \t\n{*"'\x60]|export[ \t\n{*])`)

func (c *ProgramCache) compile(id, src string) (prog *goja.Program, esm bool, err error) {
	c.mu.Lock()
	cached, ok := c.progs[id]
	c.mu.Unlock()
	if ok && cached.src == src {
		return cached.prog, cached.esm, nil
	}
	prog, esm, err = compileModule(id, src)
	if err != nil {
		return nil, false, err
	}
	c.mu.Lock()
	c.progs[id] = cachedProgram{src: src, prog: prog, esm: esm}
	c.mu.Unlock()
	return prog, esm, nil
}

// compileModule compiles a CommonJS file; a file that uses ES module syntax
// is first turned into CommonJS by esbuild, with an inline source map so
// that positions still point into the original file.
func compileModule(id, src string) (prog *goja.Program, esm bool, err error) {
	src = strings.TrimPrefix(src, "\uFEFF")
	prog, err = goja.Compile(id, moduleWrapper+src+"\n})", false)
	if err == nil {
		return prog, false, nil
	}
	if !esmSyntax.MatchString(src) {
		return nil, false, syntaxError(id, err)
	}
	res := api.Transform(src, api.TransformOptions{
		Loader:     api.LoaderJS,
		Format:     api.FormatCommonJS,
		Sourcefile: id,
		Sourcemap:  api.SourceMapInline,
		Target:     api.ESNext,
		// goja has no import(): esbuild turns it into a require in a promise.
		Supported: map[string]bool{"dynamic-import": false},
		LogLevel:  api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return nil, false, esbuildError(id, res.Errors[0])
	}
	// The source map comment must stay the last line before the closing
	// "})", where goja looks for it.
	prog, err = goja.Compile(id, moduleWrapper+string(res.Code)+"})", false)
	if err != nil {
		return nil, false, syntaxError(id, err)
	}
	return prog, true, nil
}

// SyntaxError is a module that does not parse.
type SyntaxError struct {
	File         string
	Line, Column int
	Message      string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("SyntaxError: %s (%s:%d:%d)", e.Message, e.File, e.Line, e.Column)
}

var gojaSyntaxPos = regexp.MustCompile(`^(?:SyntaxError: )?(?:.*?: )?Line (\d+):(\d+) (.*)$`)

func syntaxError(id string, err error) error {
	var ce *goja.CompilerSyntaxError
	if errors.As(err, &ce) && ce.File != nil {
		pos := ce.File.Position(ce.Offset)
		col := pos.Column
		if pos.Line == 1 {
			col -= len(moduleWrapper)
		}
		return &SyntaxError{File: id, Line: pos.Line, Column: col, Message: ce.Message}
	}
	msg := err.Error()
	if m := gojaSyntaxPos.FindStringSubmatch(msg); m != nil {
		var line, col int
		fmt.Sscan(m[1], &line)
		fmt.Sscan(m[2], &col)
		if line == 1 {
			col -= len(moduleWrapper)
		}
		return &SyntaxError{File: id, Line: line, Column: col, Message: m[3]}
	}
	return &SyntaxError{File: id, Message: msg}
}

func esbuildError(id string, m api.Message) error {
	e := &SyntaxError{File: id, Message: m.Text}
	if m.Location != nil {
		e.Line = m.Location.Line
		e.Column = m.Location.Column + 1
	}
	return e
}
