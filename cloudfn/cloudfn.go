// Package cloudfn runs a project's WeChat cloud functions on this machine:
// the server side of wx.cloud.callFunction. A project names a folder in
// project.config.json ("cloudfunctionRoot": "cloudfunctions/"); each
// folder inside it is one function whose index.js exports
// main(event, context).
//
// Every call gets a fresh domains.Domain (goja VM, module loader, console,
// timers, watchdog) rooted at the function's folder, as the platform may
// start a fresh instance for any call, and so calls from several
// goroutines never share a VM. Only compiled programs are kept between
// calls. Of wx-server-sdk only what needs no cloud service is offered (see
// sdk.go); the rest is absent rather than faked.
package cloudfn

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/minisim/minisim/domains"
)

const (
	// DefaultTimeout is the platform's limit for a function with no
	// "timeout" in its config.json.
	DefaultTimeout = 3 * time.Second
	// MaxTimeout is the most a config.json may ask for.
	MaxTimeout = 60 * time.Second
)

// Options configure a Runner.
type Options struct {
	// Stdout receives the functions' console output, Stderr their errors;
	// every line starts with "[cloud:<name>] ". Either may be nil.
	Stdout, Stderr io.Writer
	// Timeout is the limit for functions whose config.json sets none;
	// 0 means DefaultTimeout.
	Timeout time.Duration
}

// Context is who calls a function, as getWXContext reports it.
type Context struct {
	OpenID, AppID, UnionID string
	// Env is the cloud environment's id; "" means "local", which is what
	// the WeChat devtools report when they run a function locally.
	Env string
	// Source is how the function was triggered; "" means "wx_client" (a
	// call from the game), as in the devtools' local debugging.
	Source string
	// RequestID tells calls apart in the function's context; "" gets a
	// random one.
	RequestID string
}

// Runner runs the cloud functions under one root folder. It is safe for
// concurrent use.
type Runner struct {
	root           string
	opts           Options
	stdout, stderr io.Writer

	mu       sync.Mutex
	programs map[string]*domains.ProgramCache // by function name
}

// New returns a Runner for the functions in root (the project's
// cloudfunctionRoot).
func New(root string, opts Options) *Runner {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	out := &lockedWriters{}
	return &Runner{
		root:     root,
		opts:     opts,
		stdout:   out.wrap(opts.Stdout),
		stderr:   out.wrap(opts.Stderr),
		programs: map[string]*domains.ProgramCache{},
	}
}

// ErrNotFound is matched (errors.Is) by the error Call returns for a
// function that does not exist.
var ErrNotFound = errors.New("cloud function not found")

type notFoundError struct{ msg string }

func (e *notFoundError) Error() string        { return e.msg }
func (e *notFoundError) Is(target error) bool { return target == ErrNotFound }

// Error is a call that failed once the function was found: it could not
// be loaded, it threw or its promise rejected, its result was not JSON,
// or it ran out of time.
type Error struct {
	Function string
	// Message is the first line: "Error: boom", "SyntaxError: ...
	// (index.js:3:5)", "Invoking task timed out after 3 seconds".
	Message string
	// Stack holds the "    at fn (file:line:col)" lines (paths relative to
	// the function's folder) and any hint; "" when there are none.
	Stack string
	// Timeout is set when the function ran past its time limit, whether it
	// was waiting or busy in a loop.
	Timeout bool
}

func (e *Error) Error() string {
	s := fmt.Sprintf("cloud function %q: %s", e.Function, e.Message)
	if e.Stack != "" {
		s += "\n" + e.Stack
	}
	return s
}

// function is one cloud function found on disk.
type function struct {
	name    string
	dir     string
	entry   string // slash path relative to dir
	timeout time.Duration
}

// rootName is the root folder as messages show it ("cloudfunctions/").
func (r *Runner) rootName() string {
	return strings.TrimSuffix(filepath.ToSlash(r.root), "/") + "/"
}

// checkName refuses anything but a plain folder name, so that a name sent
// by the game can never reach outside the root.
func checkName(name string) error {
	switch {
	case name == "":
		return errors.New("cloud function name is empty")
	case name == "." || name == "..",
		strings.ContainsAny(name, `/\`+"\x00"),
		filepath.IsAbs(name),
		filepath.VolumeName(name) != "":
		return fmt.Errorf("cloud function name %q is not a plain folder name", name)
	}
	return nil
}

func (r *Runner) lookup(name string) (*function, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	dir := filepath.Join(r.root, name)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, r.notFound(name)
	}
	entry, err := entryOf(dir)
	if err != nil {
		return nil, fmt.Errorf("cloud function %q: %w", name, err)
	}
	timeout, err := r.timeoutOf(dir)
	if err != nil {
		return nil, fmt.Errorf("cloud function %q: %w", name, err)
	}
	return &function{name: name, dir: dir, entry: entry, timeout: timeout}, nil
}

func (r *Runner) notFound(name string) error {
	entries, err := os.ReadDir(r.root)
	if err != nil {
		return &notFoundError{fmt.Sprintf("cloud function %q not found: cannot read %s: %v", name, r.rootName(), unwrapPath(err))}
	}
	var have []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := entryOf(filepath.Join(r.root, e.Name())); err == nil {
			have = append(have, e.Name())
		}
	}
	sort.Strings(have)
	if len(have) == 0 {
		return &notFoundError{fmt.Sprintf("cloud function %q not found in %s (it has no cloud functions)", name, r.rootName())}
	}
	return &notFoundError{fmt.Sprintf("cloud function %q not found in %s (have: %s)", name, r.rootName(), strings.Join(have, ", "))}
}

// unwrapPath drops the path an *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// entryOf finds a function's entry file: package.json's "main" when it
// names one, else index.js.
func entryOf(dir string) (string, error) {
	entry := "index.js"
	src, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if err := json.Unmarshal(src, &pkg); err != nil {
			return "", fmt.Errorf("package.json: malformed JSON: %v", err)
		}
		if pkg.Main != "" {
			main := strings.TrimPrefix(path.Clean("/"+filepath.ToSlash(pkg.Main)), "/")
			for _, cand := range []string{main, main + ".js", main + "/index.js"} {
				if isFile(filepath.Join(dir, filepath.FromSlash(cand))) {
					return cand, nil
				}
			}
			return "", fmt.Errorf("package.json names %q as main, but there is no such file in the function's folder", pkg.Main)
		}
	} else if !os.IsNotExist(err) {
		return "", err
	}
	if !isFile(filepath.Join(dir, entry)) {
		return "", fmt.Errorf("no %s in the function's folder", entry)
	}
	return entry, nil
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// timeoutOf reads the limit from the function's config.json. Seconds may
// have a fraction here, unlike on the platform, which keeps tests fast.
func (r *Runner) timeoutOf(dir string) (time.Duration, error) {
	src, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if os.IsNotExist(err) {
		return r.opts.Timeout, nil
	}
	if err != nil {
		return 0, err
	}
	var cfg struct {
		Timeout *float64 `json:"timeout"`
	}
	if err := json.Unmarshal(src, &cfg); err != nil {
		return 0, fmt.Errorf("config.json: malformed JSON: %v", err)
	}
	if cfg.Timeout == nil || *cfg.Timeout <= 0 {
		return r.opts.Timeout, nil
	}
	t := time.Duration(*cfg.Timeout * float64(time.Second))
	return min(t, MaxTimeout), nil
}

// programCache keeps one function's compiled files across calls; module
// ids are relative to the function's folder, so each needs its own.
func (r *Runner) programCache(name string) *domains.ProgramCache {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.programs[name]
	if !ok {
		c = domains.NewProgramCache()
		r.programs[name] = c
	}
	return c
}

// lockedWriters serialize writes from calls running at once, so that
// their lines do not interleave mid-line (a domain writes whole lines).
type lockedWriters struct{ mu sync.Mutex }

func (l *lockedWriters) wrap(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return &lockedWriter{l: l, w: w}
}

type lockedWriter struct {
	l *lockedWriters
	w io.Writer
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	return w.w.Write(p)
}
