package jsapi

import (
	"encoding/base64"
	"runtime"

	"github.com/dop251/goja"
)

// installDevice adds the small device and host APIs games call at start:
// base64 helpers, the update manager, triggerGC, the menu button's rect,
// vibration and the clipboard (main domain).
func (a *API) installDevice() {
	a.set("arrayBufferToBase64", func(call goja.FunctionCall) goja.Value {
		b, ok := bytesOf(call.Argument(0))
		if !ok {
			panic(a.vm.NewTypeError("%s: the argument must be an ArrayBuffer", a.apiName("arrayBufferToBase64")))
		}
		return a.vm.ToValue(base64.StdEncoding.EncodeToString(b))
	})
	a.set("base64ToArrayBuffer", func(call goja.FunctionCall) goja.Value {
		s, ok := call.Argument(0).Export().(string)
		if !ok {
			panic(a.vm.NewTypeError("%s: the argument must be a string", a.apiName("base64ToArrayBuffer")))
		}
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil { // the platform also takes unpadded text
			b, err = base64.RawStdEncoding.DecodeString(s)
		}
		if err != nil {
			panic(a.vm.NewTypeError("%s: not base64: %v", a.apiName("base64ToArrayBuffer"), err))
		}
		return a.vm.ToValue(a.vm.NewArrayBuffer(b))
	})

	a.set("getUpdateManager", func(goja.FunctionCall) goja.Value { return a.updateManager() })
	a.set("triggerGC", func(goja.FunctionCall) goja.Value {
		runtime.GC() // a hint on the platform; here the Go collector holds every VM's memory
		return goja.Undefined()
	})
	a.set("getMenuButtonBoundingClientRect", func(goja.FunctionCall) goja.Value {
		r := a.menuButton()
		return a.object("width", r.Width, "height", r.Height, "top", r.Top, "right", r.Right, "bottom", r.Bottom, "left", r.Left)
	})
	for _, name := range []string{"vibrateShort", "vibrateLong"} {
		long := name == "vibrateLong"
		a.setPending(name, func(_ *goja.Object, done func(*goja.Object, string)) {
			a.host.Vibrate(long)
			done(nil, "")
		})
	}
	a.setPending("setClipboardData", func(o *goja.Object, done func(*goja.Object, string)) {
		data, err := stringParam(o, "data")
		if err != nil {
			done(nil, err.Error())
			return
		}
		a.requirePrivacy("setClipboardData", done, func() {
			a.host.SetClipboard(data)
			done(nil, "")
		})
	})
	a.setPending("getClipboardData", func(_ *goja.Object, done func(*goja.Object, string)) {
		a.requirePrivacy("getClipboardData", done, func() {
			done(a.object("data", a.host.Clipboard()), "")
		})
	})
}

// bytesOf reads an ArrayBuffer (or a typed array's bytes).
func bytesOf(v goja.Value) ([]byte, bool) {
	switch x := v.Export().(type) {
	case goja.ArrayBuffer:
		return x.Bytes(), true
	case []byte:
		return x, true
	}
	return nil, false
}

// updateManager is the UpdateManager of a build that is current: the
// check reports no update, so onUpdateReady and onUpdateFailed never fire.
func (a *API) updateManager() *goja.Object {
	m := a.vm.NewObject()
	on := func(name string, fire func(fn goja.Callable)) {
		must(m.Set(name, Native(a.vm, "UpdateManager."+name, func(call goja.FunctionCall) goja.Value {
			fire(listenerArg(a.vm, "UpdateManager."+name, call.Argument(0)))
			return goja.Undefined()
		})))
	}
	on("onCheckForUpdate", func(fn goja.Callable) {
		a.later(func() { a.loop.CallNested(fn, goja.Undefined(), a.object("hasUpdate", false)) })
	})
	on("onUpdateReady", func(goja.Callable) {})  // no new version is ever downloaded
	on("onUpdateFailed", func(goja.Callable) {}) // nor fails to be
	must(m.Set("applyUpdate", Native(a.vm, "UpdateManager.applyUpdate", func(goja.FunctionCall) goja.Value {
		a.loop.Warnf("UpdateManager.applyUpdate: no update is ready (minisim runs the current build; call it from onUpdateReady)")
		return goja.Undefined()
	})))
	return m
}

// menuButton is the capsule (the "..." and close buttons) in the top right
// corner: 87×32, 4 px below the status bar and 7 px from the edge on iOS,
// 8 and 10 px on Android, as measured on the platform's clients.
func (a *API) menuButton() Rect {
	s := a.host.SystemInfo()
	top, gap := s.StatusBarHeight+4, 7.0
	if s.Platform == "android" {
		top, gap = s.StatusBarHeight+8, 10
	}
	const w, h = 87, 32
	right := s.ScreenWidth - gap
	return Rect{Left: right - w, Right: right, Top: top, Bottom: top + h, Width: w, Height: h}
}
