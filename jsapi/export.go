package jsapi

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"

	"github.com/dop251/goja"
	xdraw "golang.org/x/image/draw"
)

// exportOptions is the region and format of toTempFilePath and friends.
type exportOptions struct {
	rect         image.Rectangle
	destW, destH int
	jpeg         bool
	quality      float64 // 0..1, JPEG only
}

// readExportOptions reads {x, y, width, height, destWidth, destHeight,
// fileType, quality} with the platform's defaults (the whole canvas, PNG).
func (a *API) readExportOptions(b *canvasBinding, opts *goja.Object) exportOptions {
	num := func(k string, def float64) float64 {
		if opts == nil {
			return def
		}
		if v := opts.Get(k); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
			if f := v.ToFloat(); !math.IsNaN(f) {
				return f
			}
		}
		return def
	}
	x, y := num("x", 0), num("y", 0)
	w, h := num("width", float64(b.width)-x), num("height", float64(b.height)-y)
	o := exportOptions{quality: 1}
	o.rect = image.Rect(int(x), int(y), int(x+w), int(y+h))
	o.destW, o.destH = int(num("destWidth", w)), int(num("destHeight", h))
	if opts != nil {
		if v := opts.Get("fileType"); v != nil && (v.String() == "jpg" || v.String() == "jpeg") {
			o.jpeg = true
		}
	}
	o.quality = math.Max(0, math.Min(1, num("quality", 1)))
	return o
}

// exportPixels reads the region as straight-alpha RGBA, scaled to the
// destination size. It must run on the loop (it reads GL).
func (b *canvasBinding) exportPixels(o exportOptions) (*image.NRGBA, error) {
	if o.rect.Dx() <= 0 || o.rect.Dy() <= 0 || o.destW <= 0 || o.destH <= 0 {
		return nil, fmt.Errorf("the region %v has no pixels", o.rect)
	}
	if o.destW*o.destH > maxImageDataPixels {
		return nil, fmt.Errorf("destination %dx%d is too large", o.destW, o.destH)
	}
	pix := b.canvas.ReadRegion(o.rect)
	img := &image.NRGBA{Pix: pix, Stride: o.rect.Dx() * 4, Rect: image.Rect(0, 0, o.rect.Dx(), o.rect.Dy())}
	if o.destW == o.rect.Dx() && o.destH == o.rect.Dy() {
		return img, nil
	}
	dst := image.NewNRGBA(image.Rect(0, 0, o.destW, o.destH))
	xdraw.BiLinear.Scale(dst, dst.Rect, img, img.Rect, xdraw.Src, nil)
	return dst, nil
}

// encode writes PNG, or JPEG over black as browsers do (JPEG has no alpha).
func encode(img *image.NRGBA, asJPEG bool, quality float64) ([]byte, error) {
	var buf bytes.Buffer
	if !asJPEG {
		err := png.Encode(&buf, img)
		return buf.Bytes(), err
	}
	flat := image.NewRGBA(img.Rect)
	xdraw.Draw(flat, flat.Rect, &image.Uniform{C: color.Black}, image.Point{}, xdraw.Src)
	xdraw.Draw(flat, flat.Rect, img, image.Point{}, xdraw.Over)
	err := jpeg.Encode(&buf, flat, &jpeg.Options{Quality: int(math.Round(quality*99)) + 1})
	return buf.Bytes(), err
}

// installExport adds toDataURL, toTempFilePath and toTempFilePathSync to
// a canvas object.
func (a *API) installExport(b *canvasBinding) {
	vm := a.vm
	must(b.obj.Set("toDataURL", Native(vm, "Canvas.toDataURL", func(call goja.FunctionCall) goja.Value {
		a.refuseReadBack(b, "toDataURL")
		o := exportOptions{rect: image.Rect(0, 0, b.width, b.height), destW: b.width, destH: b.height, quality: 0.92}
		if t := call.Argument(0); !goja.IsUndefined(t) && t.String() == "image/jpeg" {
			o.jpeg = true
			if q := call.Argument(1).ToFloat(); q >= 0 && q <= 1 {
				o.quality = q
			}
		}
		img, err := b.exportPixels(o)
		if err != nil {
			return vm.ToValue("data:,") // what browsers return for an empty canvas
		}
		data, err := encode(img, o.jpeg, o.quality)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		mime := "image/png"
		if o.jpeg {
			mime = "image/jpeg"
		}
		return vm.ToValue("data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(data))
	})))
	must(b.obj.Set("toTempFilePathSync", Native(vm, "Canvas.toTempFilePathSync", func(call goja.FunctionCall) goja.Value {
		a.refuseReadBack(b, "toTempFilePathSync")
		opts, _ := call.Argument(0).(*goja.Object)
		o := a.readExportOptions(b, opts)
		img, err := b.exportPixels(o)
		if err != nil {
			panic(vm.NewGoError(fmt.Errorf("toTempFilePathSync:fail %v", err)))
		}
		path, err := a.writeTemp(img, o)
		if err != nil {
			panic(vm.NewGoError(fmt.Errorf("toTempFilePathSync:fail %v", err)))
		}
		return vm.ToValue(path)
	})))
	must(b.obj.Set("toTempFilePath", Native(vm, "Canvas.toTempFilePath", func(call goja.FunctionCall) goja.Value {
		a.refuseReadBack(b, "toTempFilePath")
		opts, _ := call.Argument(0).(*goja.Object)
		return a.exportAsync("toTempFilePath", b, opts)
	})))
}

// exportAsync reads the pixels now (the canvas may change after this call
// returns) and encodes and writes them off the loop.
func (a *API) exportAsync(method string, b *canvasBinding, opts *goja.Object) goja.Value {
	o := a.readExportOptions(b, opts)
	img, err := b.exportPixels(o)
	return a.callback(method, opts, func(done func(*goja.Object, string)) {
		if err != nil {
			done(nil, err.Error())
			return
		}
		a.loop.Go(func() func() {
			path, werr := a.writeTemp(img, o)
			return func() {
				if werr != nil {
					done(nil, werr.Error())
					return
				}
				done(a.object("tempFilePath", path), "")
			}
		})
	})
}

// writeTemp encodes img into a new temp file and returns its platform path.
func (a *API) writeTemp(img *image.NRGBA, o exportOptions) (string, error) {
	data, err := encode(img, o.jpeg, o.quality)
	if err != nil {
		return "", err
	}
	ext := ".png"
	if o.jpeg {
		ext = ".jpg"
	}
	virtual, real, err := a.temp.create(ext)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(real, data, 0o644); err != nil {
		return "", err
	}
	return virtual, nil
}

// canvasToTempFilePath is wx.canvasToTempFilePath({canvas, ...}).
func (a *API) installCanvasToTempFilePath() {
	a.set("canvasToTempFilePath", func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		var canvasObj *goja.Object
		if opts != nil {
			canvasObj, _ = opts.Get("canvas").(*goja.Object)
		}
		if b := a.bindingOf(canvasObj); b != nil {
			a.refuseReadBack(b, "canvasToTempFilePath")
			return a.exportAsync("canvasToTempFilePath", b, opts)
		}
		return a.callback("canvasToTempFilePath", opts, func(done func(*goja.Object, string)) {
			done(nil, "canvas is required: pass the canvas to export as {canvas}")
		})
	})
}
