package jsapi

import (
	"math"
	"time"

	"github.com/dop251/goja"
)

// SystemInfo is the device and host as the game sees them (all sizes in
// logical pixels, already rotated for landscape games).
type SystemInfo struct {
	Brand, Model, System, Platform string
	ScreenWidth, ScreenHeight      float64
	WindowWidth, WindowHeight      float64
	PixelRatio                     float64
	StatusBarHeight                float64
	SafeArea                       Rect
	Orientation                    string // "portrait" | "landscape"
	Language                       string
	Version, SDKVersion            string
	AppName                        string // TikTok's host app name
	BenchmarkLevel                 int
	MemorySize                     int
}

// Rect is a safe-area rectangle.
type Rect struct{ Left, Right, Top, Bottom, Width, Height float64 }

func (a *API) installSystem() {
	a.set("getSystemInfoSync", func(goja.FunctionCall) goja.Value { return a.systemInfo() })
	a.setAsync("getSystemInfo", func(goja.Value) (goja.Value, string) { return a.systemInfo(), "" })
	a.set("getWindowInfo", func(goja.FunctionCall) goja.Value { return a.windowInfo() })
	a.set("getDeviceInfo", func(goja.FunctionCall) goja.Value { return a.deviceInfo() })
	a.set("getAppBaseInfo", func(goja.FunctionCall) goja.Value { return a.appBaseInfo() })
	a.set("getLaunchOptionsSync", func(goja.FunctionCall) goja.Value { return a.launchOptions() })
	a.set("getEnterOptionsSync", func(goja.FunctionCall) goja.Value { return a.launchOptions() })

	perf := a.vm.NewObject()
	must(perf.Set("now", Native(a.vm, a.apiName("getPerformance().now"), func(goja.FunctionCall) goja.Value {
		return a.vm.ToValue(float64(a.loop.Now()) / float64(time.Millisecond))
	})))
	a.set("getPerformance", func(goja.FunctionCall) goja.Value { return perf })

	a.set("setPreferredFramesPerSecond", func(call goja.FunctionCall) goja.Value {
		fps := call.Argument(0).ToFloat()
		if math.IsNaN(fps) {
			panic(a.vm.NewTypeError("%s: fps must be a number from 1 to 60", a.apiName("setPreferredFramesPerSecond")))
		}
		a.host.SetPreferredFPS(int(math.Max(1, math.Min(60, math.Round(fps)))))
		return goja.Undefined()
	})
	a.setAsync("exitMiniProgram", func(goja.Value) (goja.Value, string) {
		a.host.Exit()
		return nil, ""
	})
}

// object builds a JS object from alternating keys and values, keeping
// their order (a Go map would make JSON.stringify output vary by run).
func (a *API) object(kv ...any) *goja.Object {
	o := a.vm.NewObject()
	for i := 0; i+1 < len(kv); i += 2 {
		must(o.Set(kv[i].(string), kv[i+1]))
	}
	return o
}

func (a *API) safeArea(s SystemInfo) *goja.Object {
	r := s.SafeArea
	return a.object(
		"left", r.Left, "right", r.Right, "top", r.Top, "bottom", r.Bottom, "width", r.Width, "height", r.Height,
	)
}

func (a *API) systemInfo() *goja.Object {
	s := a.host.SystemInfo()
	o := a.object(
		"brand", s.Brand, "model", s.Model, "system", s.System, "platform", s.Platform,
		"pixelRatio", s.PixelRatio, "devicePixelRatio", s.PixelRatio,
		"screenWidth", s.ScreenWidth, "screenHeight", s.ScreenHeight,
		"windowWidth", s.WindowWidth, "windowHeight", s.WindowHeight,
		"statusBarHeight", s.StatusBarHeight, "safeArea", a.safeArea(s),
		"language", s.Language, "version", s.Version, "SDKVersion", s.SDKVersion,
		"benchmarkLevel", s.BenchmarkLevel, "deviceOrientation", s.Orientation,
		"fontSizeSetting", 16, "screenTop", 0,
	)
	if s.AppName != "" {
		must(o.Set("appName", s.AppName))
	}
	return o
}

func (a *API) windowInfo() *goja.Object {
	s := a.host.SystemInfo()
	return a.object(
		"pixelRatio", s.PixelRatio, "screenWidth", s.ScreenWidth, "screenHeight", s.ScreenHeight,
		"windowWidth", s.WindowWidth, "windowHeight", s.WindowHeight, "statusBarHeight", s.StatusBarHeight,
		"safeArea", a.safeArea(s), "screenTop", 0,
	)
}

func (a *API) deviceInfo() *goja.Object {
	s := a.host.SystemInfo()
	return a.object(
		"brand", s.Brand, "model", s.Model, "system", s.System, "platform", s.Platform,
		"benchmarkLevel", s.BenchmarkLevel, "memorySize", s.MemorySize, "abi", "arm64",
		"devicePixelRatio", s.PixelRatio,
	)
}

func (a *API) appBaseInfo() *goja.Object {
	s := a.host.SystemInfo()
	o := a.object(
		"SDKVersion", s.SDKVersion, "version", s.Version, "language", s.Language,
		"enableDebug", false, "theme", "light", "fontSizeSetting", 16,
	)
	if s.AppName != "" {
		must(o.Set("appName", s.AppName))
	}
	return o
}

func (a *API) launchOptions() *goja.Object {
	lo := a.host.LaunchOptions()
	q := a.vm.NewObject()
	for _, p := range lo.Query {
		must(q.Set(p.Key, p.Value))
	}
	return a.object(
		"scene", lo.Scene, "query", q, "referrerInfo", a.vm.NewObject(),
	)
}

// setAsync defines an asynchronous API in the platform's convention: the
// result goes to success (or the error to fail), then complete, on a later
// turn; with none of the three a Promise is returned instead. run returns
// the result object (nil for none) or a failure reason.
func (a *API) setAsync(name string, run func(opts goja.Value) (goja.Value, string)) {
	a.set(name, func(call goja.FunctionCall) goja.Value {
		opts := call.Argument(0)
		var success, fail, complete goja.Callable
		if o, ok := opts.(*goja.Object); ok {
			success, _ = goja.AssertFunction(o.Get("success"))
			fail, _ = goja.AssertFunction(o.Get("fail"))
			complete, _ = goja.AssertFunction(o.Get("complete"))
		}
		res, reason := run(opts)
		out := a.vm.NewObject()
		if res != nil {
			if ro, ok := res.(*goja.Object); ok {
				for _, k := range ro.Keys() {
					must(out.Set(k, ro.Get(k)))
				}
			}
		}
		must(out.Set("errMsg", a.errMsg(name, reason)))
		if success == nil && fail == nil && complete == nil {
			p, resolve, reject := a.vm.NewPromise()
			a.later(func() {
				if reason == "" {
					resolve(out)
				} else {
					reject(out)
				}
			})
			return a.vm.ToValue(p)
		}
		a.later(func() {
			if reason == "" && success != nil {
				a.loop.CallNested(success, goja.Undefined(), out)
			}
			if reason != "" && fail != nil {
				a.loop.CallNested(fail, goja.Undefined(), out)
			}
			if complete != nil {
				a.loop.CallNested(complete, goja.Undefined(), out)
			}
		})
		return goja.Undefined()
	})
}

// later runs fn as a new turn on the loop, after the current one.
func (a *API) later(fn func()) { a.loop.Post(fn) }
