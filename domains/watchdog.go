package domains

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// ScriptTimeout is what an interrupted turn reports.
type ScriptTimeout struct{ Limit time.Duration }

func (t *ScriptTimeout) Error() string {
	return fmt.Sprintf("script ran longer than %v and was interrupted (an endless loop?); raise the limit with --script-timeout", t.Limit)
}

// watchdog interrupts a JS turn that runs past its limit. Arming it costs
// an atomic store, so every turn can afford it.
type watchdog struct {
	vm    *goja.Runtime
	limit time.Duration
	since atomic.Int64 // UnixNano when the current turn began; 0 = idle
	depth int          // nested Guard calls; only the outermost arms
	done  chan struct{}

	// mu orders an interrupt against the end of the turn it targets, so an
	// interrupt never leaks into the next turn.
	mu      sync.Mutex
	tripped bool
}

func startWatchdog(vm *goja.Runtime, limit time.Duration) *watchdog {
	w := &watchdog{vm: vm, limit: limit, done: make(chan struct{})}
	period := limit / 10
	if period > 100*time.Millisecond {
		period = 100 * time.Millisecond
	}
	if period < time.Millisecond {
		period = time.Millisecond
	}
	go w.watch(period)
	return w
}

func (w *watchdog) watch(period time.Duration) {
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-tick.C:
			since := w.since.Load()
			if since == 0 || time.Since(time.Unix(0, since)) <= w.limit {
				continue
			}
			w.mu.Lock()
			if w.since.Load() == since && !w.tripped {
				w.tripped = true
				w.vm.Interrupt(&ScriptTimeout{Limit: w.limit})
			}
			w.mu.Unlock()
		}
	}
}

func (w *watchdog) enter() {
	w.depth++
	if w.depth == 1 {
		w.since.Store(time.Now().UnixNano())
	}
}

func (w *watchdog) leave() {
	w.depth--
	if w.depth == 0 {
		w.mu.Lock()
		w.since.Store(0)
		if w.tripped {
			// The interrupt may have landed after the turn ended on its own;
			// either way the next turn must start clean.
			w.vm.ClearInterrupt()
			w.tripped = false
		}
		w.mu.Unlock()
	}
}

func (w *watchdog) stop() { close(w.done) }
