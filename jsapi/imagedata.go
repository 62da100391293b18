package jsapi

import (
	"image"
	"math"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gl"
)

// maxImageDataPixels bounds createImageData/getImageData, so a game cannot
// ask for gigabytes with one call (browsers throw a RangeError too).
const maxImageDataPixels = gl.MaxCanvasSize * gl.MaxCanvasSize

// installPixels adds createImageData, getImageData and putImageData.
func (a *API) installPixels(o *goja.Object, b *canvasBinding) {
	const iface = "CanvasRenderingContext2D"
	vm := a.vm
	method := func(name string, fn func(goja.FunctionCall) goja.Value) {
		must(o.Set(name, Native(vm, iface+"."+name, fn)))
	}
	method("createImageData", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 1, iface, "createImageData")
		if src, ok := call.Arguments[0].(*goja.Object); ok && len(call.Arguments) == 1 {
			w, h := a.imageDataSize(prop(src, "width").ToFloat(), prop(src, "height").ToFloat(), "createImageData")
			return a.imageData(w, h, nil)
		}
		a.argsRequired(call, 2, iface, "createImageData")
		w, h := a.imageDataSize(num(call, 0), num(call, 1), "createImageData")
		return a.imageData(w, h, nil)
	})
	method("getImageData", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 4, iface, "getImageData")
		a.refuseReadBack(b, "getImageData")
		sx, sy, sw, sh := num(call, 0), num(call, 1), num(call, 2), num(call, 3)
		if sw < 0 { // negative sizes read the rectangle to the left/above
			sx, sw = sx+sw, -sw
		}
		if sh < 0 {
			sy, sh = sy+sh, -sh
		}
		w, h := a.imageDataSize(sw, sh, "getImageData")
		x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
		pix := b.canvas.ReadRegion(image.Rect(x0, y0, x0+w, y0+h))
		return a.imageData(w, h, pix)
	})
	method("putImageData", func(call goja.FunctionCall) goja.Value {
		a.argsRequired(call, 3, iface, "putImageData")
		obj, _ := call.Arguments[0].(*goja.Object)
		var data []uint8
		var w, h int
		if obj != nil {
			w, h = int(prop(obj, "width").ToInteger()), int(prop(obj, "height").ToInteger())
			data, _ = prop(obj, "data").Export().([]uint8)
		}
		if data == nil || len(data) != w*h*4 {
			panic(vm.NewTypeError("Failed to execute 'putImageData' on '%s': parameter 1 is not of type 'ImageData'.", iface))
		}
		dx, dy := num(call, 1), num(call, 2)
		if math.IsNaN(dx) || math.IsNaN(dy) || math.IsInf(dx, 0) || math.IsInf(dy, 0) {
			return goja.Undefined()
		}
		dirty := image.Rect(0, 0, w, h)
		if len(call.Arguments) >= 7 {
			x, y, dw, dh := num(call, 3), num(call, 4), num(call, 5), num(call, 6)
			if dw < 0 {
				x, dw = x+dw, -dw
			}
			if dh < 0 {
				y, dh = y+dh, -dh
			}
			dirty = image.Rect(int(math.Floor(x)), int(math.Floor(y)), int(math.Floor(x+dw)), int(math.Floor(y+dh)))
		}
		b.canvas.WriteRegion(data, w, h, int(math.Floor(dx)), int(math.Floor(dy)), dirty)
		return goja.Undefined()
	})
}

// imageDataSize checks a requested ImageData size.
func (a *API) imageDataSize(fw, fh float64, method string) (int, int) {
	w, h := math.Trunc(math.Abs(fw)), math.Trunc(math.Abs(fh))
	if math.IsNaN(fw) || math.IsNaN(fh) || w == 0 || h == 0 {
		panic(a.domError("IndexSizeError", "Failed to execute '%s' on 'CanvasRenderingContext2D': The source %s is 0.", method, map[bool]string{true: "width", false: "height"}[w == 0]))
	}
	if w*h > maxImageDataPixels {
		panic(a.domError("RangeError", "Failed to execute '%s' on 'CanvasRenderingContext2D': Out of memory at ImageData creation.", method))
	}
	return int(w), int(h)
}

// imageData makes an ImageData object {width, height, data} whose data is a
// Uint8ClampedArray over pix (zeroed when nil).
func (a *API) imageData(w, h int, pix []uint8) *goja.Object {
	if pix == nil {
		pix = make([]uint8, w*h*4)
	}
	vm := a.vm
	buf := vm.NewArrayBuffer(pix)
	ctor, _ := goja.AssertConstructor(vm.GlobalObject().Get("Uint8ClampedArray"))
	data, err := ctor(nil, vm.ToValue(buf))
	if err != nil {
		panic(err)
	}
	o := vm.NewObject()
	must(o.Set("width", w))
	must(o.Set("height", h))
	must(o.Set("data", data))
	must(o.Set("colorSpace", "srgb"))
	return o
}
