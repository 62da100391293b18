// Package golden compares rendered images with golden PNGs under a stated
// tolerance. Goldens are written only when the test runs with -update; a
// missing golden fails, so a regression can never pass by creating one.
package golden

import (
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden PNGs from what the tests render")

// Tolerance bounds how far a rendering may stray from its golden: at most
// MaxBadFraction of the pixels may differ by more than ChannelDelta in any
// channel. GPUs and drivers round edges and filtering differently, so
// exact equality would fail on a machine other than the one that made the
// golden.
type Tolerance struct {
	ChannelDelta   int
	MaxBadFraction float64
}

// Default is the tolerance for the simulator's rendering tests: at most
// 0.5% of pixels differing by more than 16 in a channel.
var Default = Tolerance{ChannelDelta: 16, MaxBadFraction: 0.005}

// Check compares got with testdata/golden/<name>.png. On failure it writes
// <name>_got.png beside the golden for inspection.
func Check(t testing.TB, name string, got image.Image, tol Tolerance) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".png")
	gotRGBA := toRGBA(got)
	if *update {
		if err := WritePNG(path, gotRGBA); err != nil {
			t.Fatal(err)
		}
		t.Logf("golden: wrote %s", path)
		return
	}
	want, err := ReadPNG(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run the test with -update to create it, then look at it)", path, err)
	}
	bad, total, err := Diff(gotRGBA, want, tol.ChannelDelta)
	if err == nil && float64(bad) <= tol.MaxBadFraction*float64(total) {
		return
	}
	gotPath := strings.TrimSuffix(path, ".png") + "_got.png"
	WritePNG(gotPath, gotRGBA)
	if err != nil {
		t.Fatalf("golden %s: %v; wrote %s", path, err, gotPath)
	}
	t.Fatalf("golden %s: %d of %d pixels (%.2f%%) differ by more than %d, allowed %.2f%%; wrote %s",
		path, bad, total, 100*float64(bad)/float64(total), tol.ChannelDelta, 100*tol.MaxBadFraction, gotPath)
}

// Diff counts the pixels whose channels differ by more than delta.
func Diff(a, b *image.RGBA, delta int) (bad, total int, err error) {
	if a.Rect.Size() != b.Rect.Size() {
		return 0, 0, fmt.Errorf("size %v, golden is %v", a.Rect.Size(), b.Rect.Size())
	}
	w, h := a.Rect.Dx(), a.Rect.Dy()
	for y := 0; y < h; y++ {
		pa := a.Pix[y*a.Stride : y*a.Stride+w*4]
		pb := b.Pix[y*b.Stride : y*b.Stride+w*4]
		for i := 0; i < len(pa); i += 4 {
			for c := 0; c < 4; c++ {
				d := int(pa[i+c]) - int(pb[i+c])
				if d > delta || d < -delta {
					bad++
					break
				}
			}
		}
	}
	return bad, w * h, nil
}

func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	r := image.NewRGBA(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
	draw.Draw(r, r.Rect, img, img.Bounds().Min, draw.Src)
	return r
}

// ReadPNG reads a PNG as premultiplied RGBA, the form canvases are read
// back in.
func ReadPNG(path string) (*image.RGBA, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, err
	}
	return toRGBA(img), nil
}

// WritePNG writes img, creating the folder.
func WritePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
