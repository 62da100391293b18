package domains

import (
	"container/heap"
	"time"

	"github.com/dop251/goja"
)

// A timer is one setTimeout or setInterval, or a Go timer (After).
type timer struct {
	id       int64 // 0 for Go timers: the game's clearTimeout must not reach them
	due      time.Duration
	seq      int64 // breaks ties: timers due together run in creation order
	interval time.Duration
	repeat   bool
	fn       goja.Callable
	args     []goja.Value
	goFn     func() // a Go timer (After) instead of fn
	index    int    // in the heap; -1 once removed
}

// timerQueue is a min-heap on (due, seq) with lookup by id for clearTimeout.
// Only JS timers are in byID; Go timers are cancelled by pointer.
type timerQueue struct {
	items  []*timer
	byID   map[int64]*timer
	nextID int64
	seq    int64
}

func (q *timerQueue) Len() int { return len(q.items) }
func (q *timerQueue) Less(i, j int) bool {
	a, b := q.items[i], q.items[j]
	if a.due != b.due {
		return a.due < b.due
	}
	return a.seq < b.seq
}
func (q *timerQueue) Swap(i, j int) {
	q.items[i], q.items[j] = q.items[j], q.items[i]
	q.items[i].index = i
	q.items[j].index = j
}
func (q *timerQueue) Push(x any) {
	t := x.(*timer)
	t.index = len(q.items)
	q.items = append(q.items, t)
}
func (q *timerQueue) Pop() any {
	n := len(q.items)
	t := q.items[n-1]
	q.items[n-1] = nil
	q.items = q.items[:n-1]
	t.index = -1
	return t
}

func (q *timerQueue) add(t *timer) int64 {
	if q.byID == nil {
		q.byID = map[int64]*timer{}
	}
	q.nextID++
	t.id = q.nextID
	q.schedule(t)
	q.byID[t.id] = t
	return t.id
}

func (q *timerQueue) schedule(t *timer) {
	q.seq++
	t.seq = q.seq
	heap.Push(q, t)
}

// remove cancels the JS timer with this id; Go timers have none.
func (q *timerQueue) remove(id int64) {
	if t, ok := q.byID[id]; ok {
		q.unschedule(t)
	}
}

// unschedule takes t out of the queue; it is a no-op once t has left it.
func (q *timerQueue) unschedule(t *timer) {
	if t.id != 0 {
		delete(q.byID, t.id)
	}
	if t.index >= 0 {
		heap.Remove(q, t.index)
	}
}

// minTimerDelay is the smallest delay a timer gets, as browsers clamp
// setTimeout(fn, 0): it keeps setInterval(fn, 0) from starving the frame.
const minTimerDelay = time.Millisecond

func (d *Domain) setTimer(call goja.FunctionCall, repeat bool) goja.Value {
	fn, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(d.vm.NewTypeError("%s: the first argument must be a function (mini games cannot evaluate code strings)",
			map[bool]string{false: "setTimeout", true: "setInterval"}[repeat]))
	}
	delay := time.Duration(call.Argument(1).ToFloat() * float64(time.Millisecond))
	if delay < minTimerDelay || delay != delay {
		delay = minTimerDelay
	}
	var args []goja.Value
	if len(call.Arguments) > 2 {
		args = append(args, call.Arguments[2:]...)
	}
	t := &timer{due: d.opts.Clock.Now() + delay, interval: delay, repeat: repeat, fn: fn, args: args}
	return d.vm.ToValue(d.timers.add(t))
}

func (d *Domain) clearTimer(call goja.FunctionCall) goja.Value {
	if id := call.Argument(0).ToInteger(); id > 0 {
		d.timers.remove(id)
	}
	return goja.Undefined()
}

// After runs fn as its own turn once the domain's clock has moved delay
// on (virtual under --headless, like setTimeout). cancel stops it if it has
// not run yet. APIs use it for events the platform times (audio progress).
func (d *Domain) After(delay time.Duration, fn func()) (cancel func()) {
	if delay < minTimerDelay {
		delay = minTimerDelay
	}
	// Scheduled without an id, so clearTimeout(n) from the game cannot cancel it.
	t := &timer{due: d.opts.Clock.Now() + delay, goFn: fn}
	d.timers.schedule(t)
	return func() { d.timers.unschedule(t) }
}

// NextTimer reports when the earliest timer is due.
func (d *Domain) NextTimer() (due time.Duration, ok bool) {
	if len(d.timers.items) == 0 {
		return 0, false
	}
	return d.timers.items[0].due, true
}

// RunTimers runs every timer due at or before now, earliest first, each as
// its own turn. Timers created meanwhile are due at least 1 ms later, so
// they wait for a later call.
func (d *Domain) RunTimers(now time.Duration) {
	for len(d.timers.items) > 0 && !d.closed {
		t := d.timers.items[0]
		if t.due > now {
			return
		}
		if t.repeat {
			t.due += t.interval
			if t.due <= now { // fell behind (a long frame): don't replay the backlog
				t.due = now + t.interval
			}
			d.timers.seq++
			t.seq = d.timers.seq
			heap.Fix(&d.timers, t.index)
		} else {
			d.timers.unschedule(t)
		}
		if t.goFn != nil {
			d.Guard(t.goFn)
			continue
		}
		d.Call(t.fn, goja.Undefined(), t.args...)
	}
}

// rafList holds requestAnimationFrame callbacks for the next frame.
type rafList struct {
	nextID  int64
	pending []rafEntry
	running []rafEntry // this frame's batch, so cancelAnimationFrame reaches it too
}

type rafEntry struct {
	id int64
	fn goja.Callable
}

func (d *Domain) requestAnimationFrame(call goja.FunctionCall) goja.Value {
	fn, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(d.vm.NewTypeError("requestAnimationFrame: the argument must be a function"))
	}
	d.rafs.nextID++
	d.rafs.pending = append(d.rafs.pending, rafEntry{id: d.rafs.nextID, fn: fn})
	return d.vm.ToValue(d.rafs.nextID)
}

func (d *Domain) cancelAnimationFrame(call goja.FunctionCall) goja.Value {
	id := call.Argument(0).ToInteger()
	for i, e := range d.rafs.pending {
		if e.id == id {
			d.rafs.pending = append(d.rafs.pending[:i], d.rafs.pending[i+1:]...)
			return goja.Undefined()
		}
	}
	for i := range d.rafs.running {
		if d.rafs.running[i].id == id {
			d.rafs.running[i].fn = nil
		}
	}
	return goja.Undefined()
}

// HasAnimationFrame reports whether a callback waits for the next frame.
func (d *Domain) HasAnimationFrame() bool { return len(d.rafs.pending) > 0 }

// RunAnimationFrame calls the callbacks requested before this frame with
// the frame's timestamp (ms, on the performance.now clock). Callbacks
// requested during the frame wait for the next one.
func (d *Domain) RunAnimationFrame(ts time.Duration) {
	batch := d.rafs.pending
	if len(batch) == 0 {
		return
	}
	d.rafs.pending = nil
	d.rafs.running = batch
	arg := d.vm.ToValue(float64(ts) / float64(time.Millisecond))
	for i := range batch {
		if d.closed {
			break
		}
		if fn := batch[i].fn; fn != nil {
			batch[i].fn = nil
			d.Call(fn, goja.Undefined(), arg)
		}
	}
	d.rafs.running = nil
}
