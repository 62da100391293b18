package jsapi

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // decoders for wx.createImage
	_ "image/png"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gamefs"
	"github.com/minisim/minisim/gl"
)

// imageBinding is one wx.createImage() object. Decoding runs off the loop;
// the texture upload and onload happen back on it.
type imageBinding struct {
	obj           *goja.Object
	src           string
	width, height int
	complete      bool
	tex           *gl.Texture
	generation    int // bumped by each src assignment, so a stale decode is dropped
}

func (a *API) installImage() {
	a.set("createImage", func(goja.FunctionCall) goja.Value {
		img := &imageBinding{obj: a.vm.NewObject()}
		o := img.obj
		a.accessor(o, "src", func() goja.Value { return a.vm.ToValue(img.src) },
			func(v goja.Value) { a.loadImage(img, v.String()) })
		a.accessor(o, "width", func() goja.Value { return a.vm.ToValue(img.width) }, nil)
		a.accessor(o, "height", func() goja.Value { return a.vm.ToValue(img.height) }, nil)
		a.accessor(o, "naturalWidth", func() goja.Value { return a.vm.ToValue(img.width) }, nil)
		a.accessor(o, "naturalHeight", func() goja.Value { return a.vm.ToValue(img.height) }, nil)
		a.accessor(o, "complete", func() goja.Value { return a.vm.ToValue(img.complete) }, nil)
		must(o.Set("onload", goja.Null()))
		must(o.Set("onerror", goja.Null()))
		a.images[o] = img
		return o
	})
}

// imageOf finds the binding behind a JS image object.
func (a *API) imageOf(o *goja.Object) *imageBinding { return a.images[o] }

// imageFetchLimit bounds an image downloaded from a URL.
const imageFetchLimit = 64 << 20

// loadImage starts loading src: a data: URL, an avatar, a file of the
// game as the file methods locate it (a path in the game folder, where a
// leading slash also means the game folder, a temp or user file; never
// out of its folder), or an http(s) URL (fetched as the network fetches,
// cancelled when the domain closes).
func (a *API) loadImage(img *imageBinding, src string) {
	img.src = src
	img.complete = false
	img.generation++
	gen := img.generation
	if src == "" {
		return
	}
	var read func() ([]byte, error)
	switch {
	case strings.HasPrefix(src, "data:"):
		read = func() ([]byte, error) { return decodeDataURL(src) }
	case a.avatars[src] != "":
		file := a.avatars[src]
		read = func() ([]byte, error) { return readImageFile(file) }
	case a.isLocalImage(src):
		loc, err := a.locateImage(src)
		if err != nil {
			a.imageFailed(img, fmt.Sprintf("%s: %v", src, err))
			return
		}
		read = func() ([]byte, error) { return readLocatedImage(loc) }
	case a.domain == OpenDomain && !isAvatarCDN(src): // from here on src is a URL
		a.imageFailed(img, src+": the open data domain can only load local images and the platform's avatar images; "+
			"download this one in the main domain (downloadFile) and pass its path with postMessage")
		return
	case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
		fetch := a.net.fetcher("", imageFetchLimit)
		read = func() ([]byte, error) { return fetch(src) }
	default:
		scheme, _, _ := strings.Cut(src, ":")
		a.imageFailed(img, fmt.Sprintf("%s: images load from the game, temp and user files, data: and http(s) URLs, not %s: URLs", src, scheme))
		return
	}
	a.loop.Go(func() func() {
		pix, err := decodeImage(read)
		return func() {
			if gen != img.generation {
				return // src changed meanwhile
			}
			if err != nil {
				a.imageFailed(img, fmt.Sprintf("%s: %v", src, err))
				return
			}
			if img.tex != nil {
				delete(a.sources, img.obj)
				img.tex.Delete()
			}
			img.tex = a.host.Renderer().NewTexture(pix)
			img.width, img.height = pix.Rect.Dx(), pix.Rect.Dy()
			img.complete = true
			a.sources[img.obj] = img.tex
			a.fire(img.obj, "onload", a.object("type", "load"))
		}
	})
}

func (a *API) imageFailed(img *imageBinding, reason string) {
	img.complete = true // as browsers mark broken images
	img.width, img.height = 0, 0
	msg := "image load failed: " + reason
	onerror := img.obj.Get("onerror")
	if _, ok := goja.AssertFunction(onerror); !ok {
		a.loop.Warnf("%s", msg) // nobody listens: say it anyway
	}
	a.later(func() {
		a.fire(img.obj, "onerror", a.object("type", "error", "errMsg", msg, "message", msg))
	})
}

// fire calls obj[handler](arg) if the game set one.
func (a *API) fire(obj *goja.Object, handler string, arg goja.Value) {
	if fn, ok := goja.AssertFunction(obj.Get(handler)); ok {
		a.loop.CallNested(fn, obj, arg)
	}
}

// isAvatarCDN reports whether a URL is on the platform's avatar hosts,
// which the open data domain may load from.
func isAvatarCDN(u string) bool {
	parsed, err := url.Parse(u)
	if err != nil {
		return false
	}
	host := parsed.Hostname()
	for _, suffix := range []string{"qlogo.cn", "wx.qq.com", "douyinpic.com", "pstatp.com"} {
		if host == suffix || strings.HasSuffix(host, "."+suffix) {
			return true
		}
	}
	return false
}

// isLocalImage reports whether src is one of the game's files; the open
// data domain has no user files of its own.
func (a *API) isLocalImage(src string) bool {
	if a.domain == OpenDomain && a.isUserFilePath(src) {
		return false
	}
	return a.isLocalPath(src)
}

// locateImage locates a local image src, on the loop, and records a game
// package file so that editing it reloads the game.
func (a *API) locateImage(src string) (location, error) {
	loc, err := a.locate(src)
	if err != nil {
		if a.temp.owns(src) {
			return loc, errors.New("no such temporary file")
		}
		return loc, err
	}
	if loc.place == inPackage {
		a.assets = append(a.assets, loc.name)
	}
	return loc, nil
}

// readLocatedImage reads a located image off the loop, its links checked
// first, as the file methods check them.
func readLocatedImage(loc location) ([]byte, error) {
	file, err := loc.realPath()
	if err != nil {
		if gamefs.KindOf(err) == gamefs.KindNotExist {
			return nil, errors.New("file not found")
		}
		return nil, err
	}
	return readImageFile(file)
}

func readImageFile(file string) ([]byte, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errors.New("file not found")
	}
	return data, err
}

// decodeDataURL reads a base64 (or percent-encoded) data: URL.
func decodeDataURL(u string) ([]byte, error) {
	meta, payload, ok := strings.Cut(strings.TrimPrefix(u, "data:"), ",")
	if !ok {
		return nil, errors.New("malformed data URL")
	}
	if strings.HasSuffix(meta, ";base64") {
		return base64.StdEncoding.DecodeString(strings.TrimSpace(payload))
	}
	s, err := url.PathUnescape(payload)
	return []byte(s), err
}

// decodeImage reads a PNG or JPEG into premultiplied RGBA.
func decodeImage(read func() ([]byte, error)) (*image.RGBA, error) {
	data, err := read()
	if err != nil {
		return nil, err
	}
	return DecodeImage(data)
}

// DecodeImage decodes a PNG or JPEG into premultiplied RGBA, the form
// textures are blended in, refusing one too large for a texture.
func DecodeImage(data []byte) (*image.RGBA, error) {
	src, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot decode image (PNG and JPEG are supported): %v", err)
	}
	if b := src.Bounds(); b.Dx() > gl.MaxCanvasSize || b.Dy() > gl.MaxCanvasSize {
		return nil, fmt.Errorf("%s image of %dx%d is larger than %d pixels on a side", format, b.Dx(), b.Dy(), gl.MaxCanvasSize)
	}
	return toPremultiplied(src), nil
}

func toPremultiplied(src image.Image) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	if n, ok := src.(*image.NRGBA); ok {
		// The common PNG case, premultiplied by hand: draw.Draw's general
		// path is several times slower.
		for y := 0; y < b.Dy(); y++ {
			s := n.Pix[y*n.Stride : y*n.Stride+b.Dx()*4]
			d := dst.Pix[y*dst.Stride : y*dst.Stride+b.Dx()*4]
			for i := 0; i < len(s); i += 4 {
				al := uint32(s[i+3])
				d[i] = uint8((uint32(s[i])*al + 127) / 255)
				d[i+1] = uint8((uint32(s[i+1])*al + 127) / 255)
				d[i+2] = uint8((uint32(s[i+2])*al + 127) / 255)
				d[i+3] = uint8(al)
			}
		}
		return dst
	}
	draw.Draw(dst, dst.Rect, src, b.Min, draw.Src)
	return dst
}
