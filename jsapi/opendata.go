package jsapi

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gl"
)

// The domains an API set is installed into.
const (
	MainDomain = "main"
	OpenDomain = "open"
)

// Config says which platform object to install and for which domain.
type Config struct {
	Platform string // "wechat" | "tiktok"
	Domain   string // MainDomain | OpenDomain
	// Link joins the two domains when the game has an open data domain
	// (nil otherwise: getOpenDataContext then fails clearly).
	Link *OpenDataLink
	// Subpackages are game.json's subpackages (main domain).
	Subpackages []Subpackage
	// Plugins are game.json's plugins.
	Plugins []Plugin
}

// domainAPIs is the one table of which platform APIs each domain gets.
// Everything installed and not listed here is main-domain only; names
// listed as open-only are removed from the main domain.
var domainAPIs = struct {
	both, openOnly map[string]bool
}{
	both: setOf("getSystemInfoSync", "getSystemInfo", "getWindowInfo", "getDeviceInfo", "getAppBaseInfo",
		"createCanvas", "createImage", "canIUse", "getPerformance", "loadFont",
		"setUserCloudStorage", "removeUserCloudStorage", "getUserInfo",
		"onTouchStart", "onTouchMove", "onTouchEnd", "onTouchCancel",
		"offTouchStart", "offTouchMove", "offTouchEnd", "offTouchCancel"),
	openOnly: setOf("getSharedCanvas", "onMessage", "offMessage",
		"getUserCloudStorage", "getUserCloudStorageKeys", "getFriendCloudStorage", "getGroupCloudStorage",
		"shareMessageToFriend", "shareToUser"),
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// applyDomainTable removes from the platform object what this domain may
// not use, so typeof and canIUse tell the truth, and teaches the error
// reporter to name the right domain when a game calls one anyway.
func (a *API) applyDomainTable() {
	var removed []string
	for _, k := range a.obj.Keys() {
		allowed := domainAPIs.both[k] ||
			(a.domain == OpenDomain && domainAPIs.openOnly[k]) ||
			(a.domain == MainDomain && !domainAPIs.openOnly[k])
		if !allowed {
			must(a.obj.Delete(k))
			removed = append(removed, k)
		}
	}
	if a.domain == MainDomain {
		for k := range domainAPIs.openOnly {
			removed = append(removed, k)
		}
	}
	other := map[string]string{MainDomain: "the open data domain", OpenDomain: "the main domain"}[a.domain]
	name := a.apiName("")
	set := setOf(removed...)
	a.loop.AddHint(func(msg string) string {
		m := missingMember.FindStringSubmatch(msg)
		if m == nil {
			return ""
		}
		api := m[1] + m[2] // one of the two alternatives matched
		if !set[api] {
			return ""
		}
		return fmt.Sprintf("hint: %s%s is only available in %s", name, api, other)
	})
}

// missingMember matches goja's errors for calling an absent method.
var missingMember = regexp.MustCompile(`(?:Object has no member '(\w+)'|(?:\w+\.)?(\w+) is not a function)`)

// restricted reports whether the relationship-chain restrictions apply:
// in the main domain of a game that has an open data domain.
func (a *API) restricted() bool { return a.domain == MainDomain && a.link != nil }

// refuseReadBack throws when b's pixels must not be read back by this
// domain: the on-screen canvas (it shows the shared canvas) and the shared
// canvas itself, in the main domain of a game with an open data domain.
func (a *API) refuseReadBack(b *canvasBinding, method string) {
	if a.restricted() && (b.onScreen || b.shared) {
		panic(a.vm.NewGoError(fmt.Errorf("%s is not allowed on the %s while the open data domain is enabled: its pixels may show open data (relationship chain rule)", method, b.kind())))
	}
}

// refuseDrawing throws when src may not be drawn onto target: the
// on-screen and shared canvases reach only the on-screen canvas.
func (a *API) refuseDrawing(src *canvasBinding, target *canvasBinding, method string) {
	if a.restricted() && src != nil && (src.onScreen || src.shared) && (target == nil || !target.onScreen) {
		panic(a.vm.NewGoError(fmt.Errorf("%s: the %s can only be drawn onto the on-screen canvas while the open data domain is enabled (relationship chain rule)", method, src.kind())))
	}
}

func (b *canvasBinding) kind() string {
	switch {
	case b.shared:
		return "shared canvas"
	case b.onScreen:
		return "on-screen canvas"
	}
	return "canvas"
}

// OpenDataLink is what the two domains share: the shared canvas (one GL
// canvas, a JS object of its own in each domain) and the message channel,
// which runs one way, main to open.
type OpenDataLink struct {
	shared        *gl.Canvas
	width, height int
	open          *API // the open domain's API, once installed
	openCanvas    *canvasBinding
	style         map[string]string // TikTok's sharedCanvas.style
}

// NewOpenDataLink wraps the shared canvas, w×h pixels.
func NewOpenDataLink(shared *gl.Canvas, w, h int) *OpenDataLink {
	return &OpenDataLink{shared: shared, width: w, height: h, style: map[string]string{}}
}

// SharedCanvas is the shared canvas.
func (l *OpenDataLink) SharedCanvas() *gl.Canvas { return l.shared }

// installOpenData adds getOpenDataContext (main) or getSharedCanvas and
// onMessage (open).
func (a *API) installOpenData() {
	link := a.link
	if a.domain == OpenDomain {
		link.open = a
		a.set("getSharedCanvas", func(goja.FunctionCall) goja.Value { return a.sharedCanvasObject().obj })
		return
	}
	var ctx *goja.Object
	a.set("getOpenDataContext", func(goja.FunctionCall) goja.Value {
		if link == nil {
			panic(a.vm.NewGoError(fmt.Errorf("%s: this game has no open data domain: add \"openDataContext\": \"<folder>\" to %s",
				a.apiName("getOpenDataContext"), map[string]string{"wechat": "game.json", "tiktok": "project.config.json"}[a.platform])))
		}
		if ctx == nil {
			ctx = a.vm.NewObject()
			must(ctx.Set("canvas", a.sharedCanvasObject().obj))
			must(ctx.Set("postMessage", Native(a.vm, "OpenDataContext.postMessage", func(call goja.FunctionCall) goja.Value {
				msg, err := copyMessage(call.Argument(0), a)
				if err != nil {
					panic(a.vm.NewTypeError("OpenDataContext.postMessage: %v", err))
				}
				if open := link.open; open != nil {
					open.loop.Post(func() { open.deliverMessage(msg) })
				}
				return goja.Undefined()
			})))
		}
		return ctx
	})
}

// sharedCanvasObject returns this domain's JS object for the shared canvas.
func (a *API) sharedCanvasObject() *canvasBinding {
	if a.sharedCanvas != nil {
		return a.sharedCanvas
	}
	l := a.link
	b := &canvasBinding{a: a, canvas: l.shared, width: l.width, height: l.height, shared: true}
	b.obj = a.vm.NewObject()
	if a.domain == MainDomain {
		// Only the main domain sizes the shared canvas; resizing clears it
		// and resets the open domain's context, as for any canvas.
		set := func(w, h int) {
			l.width, l.height = w, h
			if err := l.shared.Resize(w, h); err != nil {
				panic(a.vm.NewGoError(err))
			}
			if oc := l.open; oc != nil && oc.sharedCanvas != nil {
				oc.sharedCanvas.width, oc.sharedCanvas.height = w, h
				if oc.sharedCanvas.ctx != nil {
					oc.sharedCanvas.ctx.Reset()
					oc.sharedCanvas.fillSrc, oc.sharedCanvas.strokeSrc, oc.sharedCanvas.fontSrc = "", "", ""
				}
			}
		}
		a.accessor(b.obj, "width", func() goja.Value { return a.vm.ToValue(l.width) },
			func(v goja.Value) { set(toCanvasSize(v, defaultCanvasWidth), l.height) })
		a.accessor(b.obj, "height", func() goja.Value { return a.vm.ToValue(l.height) },
			func(v goja.Value) { set(l.width, toCanvasSize(v, defaultCanvasHeight)) })
		refuse := func(method string) {
			must(b.obj.Set(method, Native(a.vm, "sharedCanvas."+method, func(goja.FunctionCall) goja.Value {
				panic(a.vm.NewGoError(fmt.Errorf("sharedCanvas.%s is not allowed in the main domain: the shared canvas shows open data, which the main domain may only draw onto the on-screen canvas", method)))
			})))
		}
		for _, m := range []string{"getContext", "toDataURL", "toTempFilePath", "toTempFilePathSync"} {
			refuse(m)
		}
		if a.platform == "tiktok" {
			must(b.obj.Set("style", a.overlayStyle()))
		}
		a.sources[b.obj] = l.shared
	} else {
		warn := func(v goja.Value) {
			a.loop.Warnf("sharedCanvas width and height can only be set in the main domain; ignored")
		}
		a.accessor(b.obj, "width", func() goja.Value { return a.vm.ToValue(l.width) }, warn)
		a.accessor(b.obj, "height", func() goja.Value { return a.vm.ToValue(l.height) }, warn)
		must(b.obj.Set("getContext", Native(a.vm, "Canvas.getContext", b.getContext)))
		a.sources[b.obj] = l.shared
		a.installExport(b)
	}
	a.sharedCanvas = b
	return b
}

// deliverMessage calls every onMessage listener with a fresh copy.
func (a *API) deliverMessage(msg any) {
	for _, l := range append([]listener(nil), a.listeners["Message"]...) {
		a.loop.CallNested(l.fn, goja.Undefined(), toValue(a.vm, msg))
	}
}

// copyMessage turns a postMessage argument into plain Go data (maps,
// slices, strings, numbers, booleans, nil) that the other VM rebuilds: no
// JS value crosses. Functions, canvases, images and cycles are refused.
func copyMessage(v goja.Value, a *API) (any, error) {
	return copyValue(v, a, nil, "message")
}

func copyValue(v goja.Value, a *API, seen []*goja.Object, at string) (any, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, nil
	}
	o, isObj := v.(*goja.Object)
	if !isObj {
		switch x := v.Export().(type) {
		case string, bool:
			return x, nil
		case int64:
			return float64(x), nil
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, nil // as JSON
			}
			return x, nil
		}
		return nil, fmt.Errorf("%s: a %s cannot be sent to the open data domain", at, v.ExportType())
	}
	for _, s := range seen {
		if s == o {
			return nil, fmt.Errorf("%s: the data contains a cycle", at)
		}
	}
	seen = append(seen, o)
	if _, ok := a.sources[o]; ok || a.imageOf(o) != nil {
		return nil, fmt.Errorf("%s: canvases and images cannot be sent to the open data domain (send a file path instead)", at)
	}
	switch o.ClassName() {
	case "Function":
		return nil, fmt.Errorf("%s: functions cannot be sent to the open data domain", at)
	case "Array":
		n := int(prop(o, "length").ToInteger())
		out := make([]any, n)
		for i := 0; i < n; i++ {
			e, err := copyValue(o.Get(fmt.Sprint(i)), a, seen, fmt.Sprintf("%s[%d]", at, i))
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case "Object":
		out := &orderedMap{}
		for _, k := range o.Keys() {
			e, err := copyValue(o.Get(k), a, seen, at+"."+k)
			if err != nil {
				return nil, err
			}
			if fv := o.Get(k); fv != nil && goja.IsUndefined(fv) {
				continue // dropped, as JSON does
			}
			out.keys = append(out.keys, k)
			out.vals = append(out.vals, e)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s: a %s object cannot be sent to the open data domain (plain objects, arrays and primitives can)", at, o.ClassName())
}

// orderedMap keeps a message object's key order across the copy.
type orderedMap struct {
	keys []string
	vals []any
}

// toValue rebuilds copied data in a VM.
func toValue(vm *goja.Runtime, v any) goja.Value {
	switch x := v.(type) {
	case *orderedMap:
		o := vm.NewObject()
		for i, k := range x.keys {
			must(o.Set(k, toValue(vm, x.vals[i])))
		}
		return o
	case []any:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = toValue(vm, e)
		}
		return vm.NewArray(items...)
	case nil:
		return goja.Null()
	}
	return vm.ToValue(v)
}

// overlayStyle is TikTok's sharedCanvas.style: width, height, top and left
// as CSS lengths in px, vw or vh, placing the shared canvas over the screen.
func (a *API) overlayStyle() *goja.Object {
	o := a.vm.NewObject()
	for _, k := range []string{"width", "height", "top", "left"} {
		k := k
		a.accessor(o, k, func() goja.Value { return a.vm.ToValue(a.link.style[k]) }, func(v goja.Value) {
			s := strings.TrimSpace(v.String())
			if _, ok := parseViewportLength(s, 1, 1); ok {
				a.link.style[k] = s
			} else {
				a.loop.Warnf("sharedCanvas.style.%s = %q: use a length in px, vw or vh", k, s)
			}
		})
	}
	return o
}

// parseViewportLength reads "12px", "50vw", "40vh" (or a bare number, as
// px) against a viewport of vw×vh logical pixels.
func parseViewportLength(s string, vw, vh float64) (float64, bool) {
	unit, scale := "px", 1.0
	switch {
	case strings.HasSuffix(s, "vw"):
		unit, scale = "vw", vw/100
	case strings.HasSuffix(s, "vh"):
		unit, scale = "vh", vh/100
	}
	var f float64
	if _, err := fmt.Sscanf(strings.TrimSuffix(s, unit), "%g", &f); err != nil || math.IsNaN(f) {
		return 0, false
	}
	return f * scale, true
}

// OverlayRect is where TikTok's shared canvas overlay sits on the screen,
// in logical pixels of a vw×vh screen; false when it is not placed.
func (l *OpenDataLink) OverlayRect(vw, vh float64) (x, y, w, h float64, ok bool) {
	get := func(k string, ref float64) (float64, bool) {
		s, set := l.style[k]
		if !set {
			return 0, false
		}
		return parseViewportLength(s, vw, vh)
	}
	w, okW := get("width", vw)
	h, okH := get("height", vh)
	if !okW || !okH || w <= 0 || h <= 0 {
		return 0, 0, 0, 0, false
	}
	x, _ = get("left", vw)
	y, _ = get("top", vh)
	return x, y, w, h, true
}
