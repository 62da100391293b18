package jsapi

import (
	"time"

	"github.com/dop251/goja"
)

// Touch is one finger, in logical pixels of the screen.
type Touch struct {
	ID    int
	X, Y  float64
	Force float64
}

// The touch phases, as the on*/off* API names spell them.
const (
	TouchStart  = "TouchStart"
	TouchMove   = "TouchMove"
	TouchEnd    = "TouchEnd"
	TouchCancel = "TouchCancel"
)

var eventNames = []string{TouchStart, TouchMove, TouchEnd, TouchCancel, "Show", "Hide", "Error", "Message",
	"MemoryWarning", "AudioInterruptionBegin", "AudioInterruptionEnd"}

func (a *API) installEvents() {
	for _, name := range eventNames {
		a.addEvent(name)
	}
}

// emit calls every listener of an event with one argument, each guarded,
// in registration order. Listeners added meanwhile wait for the next event.
func (a *API) emit(name string, arg goja.Value) {
	emitTo(a.loop, goja.Undefined(), a.listeners, name, arg)
}

// HasListeners reports whether the game listens to an event.
func (a *API) HasListeners(name string) bool { return len(a.listeners[name]) > 0 }

// DispatchTouch delivers a touch event: changed are the fingers this event
// is about, active every finger still down afterwards (a lifted finger is
// only in changed), ts the event time on the performance.now clock.
func (a *API) DispatchTouch(phase string, changed, active []Touch, ts time.Duration) {
	if !a.HasListeners(phase) {
		return
	}
	a.guarded(func() {
		ev := a.vm.NewObject()
		must(ev.Set("touches", a.touchList(active)))
		must(ev.Set("changedTouches", a.touchList(changed)))
		must(ev.Set("timeStamp", float64(ts)/float64(time.Millisecond)))
		a.emit(phase, ev)
	})
}

func (a *API) touchList(ts []Touch) *goja.Object {
	items := make([]any, len(ts))
	for i, t := range ts {
		items[i] = a.object(
			"identifier", t.ID, "clientX", t.X, "clientY", t.Y, "pageX", t.X, "pageY", t.Y, "force", t.Force,
		)
	}
	return a.vm.NewArray(items...)
}

// DispatchShow tells the game it came to the foreground (wx.onShow).
func (a *API) DispatchShow() {
	a.hideAudio(false)
	if !a.HasListeners("Show") {
		return
	}
	a.guarded(func() { a.emit("Show", a.launchOptions()) })
}

// DispatchHide tells the game it went to the background (wx.onHide).
func (a *API) DispatchHide() {
	a.hideAudio(true)
	if !a.HasListeners("Hide") {
		return
	}
	a.guarded(func() { a.emit("Hide", a.vm.NewObject()) })
}

// dispatchError feeds an uncaught error to wx.onError listeners.
func (a *API) dispatchError(message, stack string) {
	if !a.HasListeners("Error") {
		return
	}
	a.emit("Error", a.object("message", message, "stack", stack))
}

// guarded runs fn as one turn of the domain.
func (a *API) guarded(fn func()) {
	a.loop.Guard(fn)
}

// DispatchMemoryWarning tells the game memory is low (wx.onMemoryWarning);
// level 10 is Android's TRIM_MEMORY_RUNNING_LOW.
func (a *API) DispatchMemoryWarning() {
	if a.HasListeners("MemoryWarning") {
		a.guarded(func() { a.emit("MemoryWarning", a.object("level", 10)) })
	}
}

// DispatchAudioInterruption tells the game another app took the audio
// (begin: every sound pauses) or gave it back.
func (a *API) DispatchAudioInterruption(begin bool) {
	a.interruptAudio(begin)
	name := map[bool]string{true: "AudioInterruptionBegin", false: "AudioInterruptionEnd"}[begin]
	if a.HasListeners(name) {
		a.guarded(func() { a.emit(name, a.vm.NewObject()) })
	}
}
