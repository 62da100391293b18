// Package domains runs a mini game's JavaScript: a Domain is one goja VM
// with its own event loop (posted tasks, timers, animation frames), its
// CommonJS/ES module loader and the globals every mini game expects.
//
// A Domain is not goroutine-safe: everything but Post runs on the
// simulator's main loop. Slow work happens in goroutines that Post their
// results back.
package domains

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// Clock is the time a domain sees. Now is the time since the run started
// (performance.now, rAF timestamps, timers); Wall is Date.now's clock.
// Under --headless both advance by exactly one frame period per frame.
type Clock interface {
	Now() time.Duration
	Wall() time.Time
}

// Options configure a Domain.
type Options struct {
	// Name tells the domains apart in messages ("main", "open").
	Name string
	// Root is the game folder; module paths and error positions are
	// relative to it.
	Root string
	// Scope is the folder (relative to Root, "" for all of it) that this
	// domain may load modules from; Forbidden lists folders inside it that
	// it may not (the open data domain's folder, for the main domain).
	Scope     string
	Forbidden []string
	// Stdout receives console output; Stderr uncaught errors and warnings.
	Stdout, Stderr io.Writer
	// LinePrefix starts every line this domain prints ("[open] ").
	LinePrefix string
	Clock      Clock
	// Seed, when non-zero, makes Math.random deterministic.
	Seed int64
	// ScriptTimeout interrupts one JS turn (a callback, a module body) that
	// runs longer; 0 disables the watchdog.
	ScriptTimeout time.Duration
	// Programs caches compiled modules across reloads; may be nil.
	Programs *ProgramCache
	// Builtins are modules that require finds by their bare name before it
	// looks at the file system (a cloud function's "wx-server-sdk"). Each
	// is built on first use, once per domain.
	Builtins map[string]func(vm *goja.Runtime) goja.Value
}

// Domain is one JavaScript VM and its event loop.
type Domain struct {
	opts Options
	vm   *goja.Runtime

	mu      sync.Mutex
	posted  []func()
	results []asyncResult // finished Go work, in completion order
	wake    chan struct{}
	pending sync.WaitGroup // async work started with Go, not yet posted back
	started uint64         // numbers Go work in the order it starts

	timers  timerQueue
	rafs    rafList
	modules *moduleLoader
	console *console

	watchdog *watchdog
	// rejections holds promises rejected with no handler yet; they are
	// reported at the end of the turn if still unhandled.
	rejections []*goja.Promise

	uncaught    int
	errorHooks  []func(message, stack string)
	hints       []func(message string) string
	inHook      bool
	closed      bool
	exitRequest func()
}

// New creates a domain with its globals installed; nothing runs until
// RunMain.
func New(opts Options) (*Domain, error) {
	if opts.Clock == nil {
		return nil, fmt.Errorf("domains: no clock")
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Programs == nil {
		opts.Programs = NewProgramCache()
	}
	d := &Domain{opts: opts, vm: goja.New(), wake: make(chan struct{}, 1)}
	d.vm.SetTimeSource(func() time.Time { return opts.Clock.Wall() })
	if opts.Seed != 0 {
		rng := rand.New(rand.NewSource(opts.Seed))
		d.vm.SetRandSource(rng.Float64)
	}
	d.vm.SetPromiseRejectionTracker(d.trackRejection)
	d.console = newConsole(d)
	var err error
	d.modules, err = newModuleLoader(d)
	if err != nil {
		return nil, err
	}
	d.installGlobals()
	if opts.ScriptTimeout > 0 {
		d.watchdog = startWatchdog(d.vm, opts.ScriptTimeout)
	}
	return d, nil
}

// VM is the domain's goja runtime, for installing APIs. Use it only on
// the loop.
func (d *Domain) VM() *goja.Runtime { return d.vm }

// Name is the domain's name from its options.
func (d *Domain) Name() string { return d.opts.Name }

// Root is the game folder.
func (d *Domain) Root() string { return d.opts.Root }

// Clock is the time this domain sees.
func (d *Domain) Clock() Clock { return d.opts.Clock }

// Now is the time since the run started (performance.now).
func (d *Domain) Now() time.Duration { return d.opts.Clock.Now() }

// Stderr is where the domain's warnings go (with its line prefix added by
// Warnf).
func (d *Domain) Stderr() io.Writer { return d.opts.Stderr }

// Warnf prints a simulator warning about this domain to stderr.
func (d *Domain) Warnf(format string, args ...any) {
	fmt.Fprintf(d.opts.Stderr, d.opts.LinePrefix+"minisim: "+format+"\n", args...)
}

// UncaughtErrors counts errors that reached the top of a JS turn.
func (d *Domain) UncaughtErrors() int { return d.uncaught }

// AddHint registers a function that may add a hint line to the report of
// an error whose message it recognizes ("" for none).
func (d *Domain) AddHint(hint func(message string) string) { d.hints = append(d.hints, hint) }

// OnError registers a hook that sees every uncaught error after it is
// printed (wx.onError): its first line and the stack lines below it.
func (d *Domain) OnError(hook func(message, stack string)) { d.errorHooks = append(d.errorHooks, hook) }

// Close stops the watchdog and drops everything queued. The domain must
// not be used afterwards.
func (d *Domain) Close() {
	if d.closed {
		return
	}
	d.closed = true
	if d.watchdog != nil {
		d.watchdog.stop()
	}
	d.vm.Interrupt("domain closed")
	d.mu.Lock()
	d.posted, d.results = nil, nil
	d.mu.Unlock()
}

// Post queues fn to run on the loop; it is the only method that may be
// called from another goroutine.
func (d *Domain) Post(fn func()) {
	d.mu.Lock()
	d.posted = append(d.posted, fn)
	d.mu.Unlock()
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// asyncResult is the loop-side half of work done with Go.
type asyncResult struct {
	seq    uint64
	finish func()
}

// Go runs work in a goroutine and hands its result back: done runs on the
// loop. Results that are ready together run in the order their work
// started, and under virtual time the loop waits for all such work at each
// frame boundary (WaitAsync): together that keeps headless runs
// deterministic however the goroutines are scheduled.
func (d *Domain) Go(work func() (done func())) {
	d.started++
	seq := d.started
	d.pending.Add(1)
	go func() {
		defer d.pending.Done()
		var finish func()
		func() {
			defer func() {
				if r := recover(); r != nil {
					err := fmt.Errorf("internal error: %v", r)
					finish = func() { d.report(err) }
				}
			}()
			finish = work()
		}()
		if finish == nil {
			return
		}
		d.mu.Lock()
		d.results = append(d.results, asyncResult{seq, finish})
		d.mu.Unlock()
		select {
		case d.wake <- struct{}{}:
		default:
		}
	}()
}

// WaitAsync blocks until all work started with Go has posted its result.
func (d *Domain) WaitAsync() { d.pending.Wait() }

// Wake is signalled whenever a task is posted, so an idle loop can sleep
// until there is something to do.
func (d *Domain) Wake() <-chan struct{} { return d.wake }

// RunPosted runs the tasks posted so far, then the finished async work in
// the order it started, each as its own JS turn.
func (d *Domain) RunPosted() {
	d.mu.Lock()
	tasks, results := d.posted, d.results
	d.posted, d.results = nil, nil
	d.mu.Unlock()
	sort.Slice(results, func(i, j int) bool { return results[i].seq < results[j].seq })
	for _, r := range results {
		tasks = append(tasks, r.finish)
	}
	for _, t := range tasks {
		if d.closed {
			return
		}
		d.Guard(t)
	}
}

// Guard runs fn as one JS turn: the watchdog is armed, promise jobs run
// afterwards (goja runs them when the outermost call returns), and any
// error or Go panic is reported instead of escaping.
func (d *Domain) Guard(fn func()) {
	if d.closed {
		return
	}
	if d.watchdog != nil {
		d.watchdog.enter()
		defer d.watchdog.leave()
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				d.report(panicToError(r))
			}
		}()
		fn()
	}()
	d.reportRejections()
}

// Call invokes a JS function as one turn (see Guard) and reports what it
// throws.
func (d *Domain) Call(fn goja.Callable, this goja.Value, args ...goja.Value) {
	d.Guard(func() {
		if _, err := fn(this, args...); err != nil {
			d.report(err)
		}
	})
}

// CallNested invokes a JS function from inside a running turn (an event
// listener among several): its exception is reported and the caller goes
// on with the next listener.
func (d *Domain) CallNested(fn goja.Callable, this goja.Value, args ...goja.Value) {
	if _, err := fn(this, args...); err != nil {
		if _, interrupted := err.(*goja.InterruptedError); interrupted {
			panic(err)
		}
		d.report(err)
	}
}

func panicToError(r any) error {
	switch v := r.(type) {
	case *goja.InterruptedError:
		return v
	case *goja.Exception:
		return v
	case error:
		return fmt.Errorf("internal error: %w", v)
	default:
		return fmt.Errorf("internal error: %v", v)
	}
}

// ReportError prints an uncaught error with its stack (and lets wx.onError
// hooks see it first).
func (d *Domain) ReportError(err error) { d.report(err) }

func (d *Domain) report(err error) {
	if err == nil || d.closed {
		return
	}
	d.uncaught++
	text := d.formatError(err)
	fmt.Fprint(d.opts.Stderr, prefixLines(d.opts.LinePrefix, text))
	if d.inHook { // an error inside an error listener is not fed back to it
		return
	}
	d.inHook = true
	defer func() { d.inHook = false }()
	message, stack, _ := strings.Cut(strings.TrimSuffix(text, "\n"), "\n")
	message = strings.TrimPrefix(message, "Uncaught ")
	for _, hook := range d.errorHooks {
		hook(message, stack)
	}
}

func (d *Domain) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		d.rejections = append(d.rejections, p)
	case goja.PromiseRejectionHandle:
		for i, q := range d.rejections {
			if q == p {
				d.rejections = append(d.rejections[:i], d.rejections[i+1:]...)
				break
			}
		}
	}
}

func (d *Domain) reportRejections() {
	if len(d.rejections) == 0 {
		return
	}
	rs := d.rejections
	d.rejections = nil
	for _, p := range rs {
		d.report(&UnhandledRejection{Reason: p.Result()})
	}
}

// UnhandledRejection is a promise rejected with no handler by the end of
// the turn that rejected it.
type UnhandledRejection struct{ Reason goja.Value }

func (u *UnhandledRejection) Error() string {
	return "(in promise) " + errorMessage(u.Reason)
}
