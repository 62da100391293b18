package jsapi

import (
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/fonts"
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
	a.setAsync("getSystemInfo", func(goja.Value) (*goja.Object, string) { return a.systemInfo(), "" })
	a.set("getWindowInfo", func(goja.FunctionCall) goja.Value { return a.windowInfo() })
	a.set("getDeviceInfo", func(goja.FunctionCall) goja.Value { return a.deviceInfo() })
	a.set("getAppBaseInfo", func(goja.FunctionCall) goja.Value { return a.appBaseInfo() })
	a.set("getLaunchOptionsSync", func(goja.FunctionCall) goja.Value { return a.launchOptions() })
	a.set("getEnterOptionsSync", func(goja.FunctionCall) goja.Value { return a.launchOptions() })

	a.set("loadFont", func(call goja.FunctionCall) goja.Value {
		name, err := a.loadFont(call.Argument(0).String())
		if err != nil {
			a.loop.Warnf("%s(%q): %v", a.apiName("loadFont"), call.Argument(0).String(), err)
			return goja.Null() // the platform returns null on failure
		}
		return a.vm.ToValue(name)
	})

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
	a.setAsync("exitMiniProgram", func(goja.Value) (*goja.Object, string) {
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
	o := a.object("scene", lo.Scene, "query", q, "referrerInfo", a.vm.NewObject())
	if lo.ShareTicket != "" {
		must(o.Set("shareTicket", lo.ShareTicket))
	}
	return o
}

// setAsync defines an asynchronous API whose work is done at once: run
// returns the result object (nil for none) or a failure reason.
func (a *API) setAsync(name string, run func(opts goja.Value) (*goja.Object, string)) {
	a.set(name, func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		return a.callback(name, opts, func(done func(*goja.Object, string)) {
			done(run(call.Argument(0)))
		})
	})
}

// callback runs an asynchronous API in the platform's convention: start
// begins the work and calls done once, now or later, with the result
// fields or a failure reason; on a later turn success or fail, then
// complete, get {..., errMsg}, or, when opts names none of the three, the
// returned Promise settles with it.
func (a *API) callback(name string, opts *goja.Object, start func(done func(result *goja.Object, reason string))) goja.Value {
	return a.callbackIn(name, opts, true, start)
}

// callbackIn is callback; APIs the platform does not promisify pass
// promisify false and, without callbacks, simply run.
func (a *API) callbackIn(name string, opts *goja.Object, promisify bool, start func(done func(result *goja.Object, reason string))) goja.Value {
	var success, fail, complete goja.Callable
	if opts != nil {
		success, _ = goja.AssertFunction(opts.Get("success"))
		fail, _ = goja.AssertFunction(opts.Get("fail"))
		complete, _ = goja.AssertFunction(opts.Get("complete"))
	}
	usePromise := promisify && success == nil && fail == nil && complete == nil
	var promise *goja.Promise
	var resolve, reject func(any) error
	if usePromise {
		promise, resolve, reject = a.vm.NewPromise()
	}
	finished := false
	done := func(result *goja.Object, reason string) {
		if finished {
			return
		}
		finished = true
		a.later(func() {
			out := a.vm.NewObject()
			if result != nil {
				for _, k := range result.Keys() {
					must(out.Set(k, result.Get(k)))
				}
			}
			must(out.Set("errMsg", a.errMsg(name, reason)))
			if usePromise {
				if reason == "" {
					resolve(out)
				} else {
					reject(out)
				}
				return
			}
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
	}
	start(done)
	if usePromise {
		return a.vm.ToValue(promise)
	}
	return goja.Undefined()
}

// later runs fn as a new turn on the loop, after the current one.
func (a *API) later(fn func()) { a.loop.Post(fn) }

// loadFont reads a TTF from the game folder and registers it under the
// family name it declares, which it returns.
func (a *API) loadFont(src string) (string, error) {
	if src == "" || strings.Contains(src, "://") {
		return "", fmt.Errorf("a font path inside the game folder is required")
	}
	rel := strings.TrimPrefix(path.Clean("/"+src), "/")
	a.assets = append(a.assets, rel)
	data, err := os.ReadFile(filepath.Join(a.loop.Root(), filepath.FromSlash(rel)))
	if err != nil {
		return "", err
	}
	name, err := fonts.FamilyName(data)
	if err != nil {
		return "", err
	}
	if err := a.host.Fonts().Load(name, data); err != nil {
		return "", err
	}
	return name, nil
}
