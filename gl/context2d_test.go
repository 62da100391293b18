package gl

import (
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/minisim/minisim/fonts"
	"github.com/minisim/minisim/gl/csscolor"
)

// withCanvas runs f on the GL thread with a fresh w×h canvas and context,
// and returns the canvas pixels afterwards.
func withCanvas(t *testing.T, w, h int, f func(x *Context2D)) *image.RGBA {
	t.Helper()
	var img *image.RGBA
	onMain(func() {
		c, err := testRenderer.NewCanvas(w, h)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Delete()
		f(testRenderer.NewContext2D(c))
		img = c.ReadPixels()
	})
	return img
}

func rgba(r, g, b, a uint8) color.RGBA { return color.RGBA{r, g, b, a} }

func wantPixel(t *testing.T, img *image.RGBA, x, y int, want color.RGBA, tol int) {
	t.Helper()
	got := img.RGBAAt(x, y)
	for _, d := range []int{int(got.R) - int(want.R), int(got.G) - int(want.G), int(got.B) - int(want.B), int(got.A) - int(want.A)} {
		if d > tol || d < -tol {
			t.Errorf("pixel (%d,%d) = %v, want %v", x, y, got, want)
			return
		}
	}
}

func mustColor(s string) csscolor.RGBA {
	c, ok := csscolor.Parse(s)
	if !ok {
		panic(s)
	}
	return c
}

func TestFillRectTransformAndAlpha(t *testing.T) {
	img := withCanvas(t, 40, 40, func(x *Context2D) {
		x.SetFillColor(mustColor("#ff0000"))
		x.FillRect(0, 0, 10, 10)
		x.Save()
		x.Translate(20, 0)
		x.Scale(2, 2)
		x.SetFillColor(mustColor("rgb(0, 0, 255)"))
		x.SetGlobalAlpha(0.5)
		x.FillRect(0, 0, 5, 5) // device 20..30
		x.Restore()
		x.FillRect(0, 20, 10, 10) // restored: red, opaque, untransformed
		x.FillRect(5, 5, 0, 10)   // zero width draws nothing
		x.FillRect(30, 30, nan(), 5)
	})
	wantPixel(t, img, 5, 5, rgba(255, 0, 0, 255), 0)
	wantPixel(t, img, 25, 5, rgba(0, 0, 128, 128), 1) // premultiplied half blue
	wantPixel(t, img, 31, 5, rgba(0, 0, 0, 0), 0)
	wantPixel(t, img, 5, 25, rgba(255, 0, 0, 255), 0)
	wantPixel(t, img, 35, 35, rgba(0, 0, 0, 0), 0)
}

func nan() float64 { var z float64; return z / z }

func TestClearRectAndResizeClear(t *testing.T) {
	img := withCanvas(t, 20, 20, func(x *Context2D) {
		x.SetFillColor(mustColor("lime"))
		x.FillRect(0, 0, 20, 20)
		x.ClearRect(5, 5, 5, 5)
	})
	wantPixel(t, img, 7, 7, rgba(0, 0, 0, 0), 0)
	wantPixel(t, img, 2, 2, rgba(0, 255, 0, 255), 0)

	img = withCanvas(t, 20, 20, func(x *Context2D) {
		x.SetFillColor(mustColor("lime"))
		x.FillRect(0, 0, 20, 20)
		x.ClearRect(-5, -5, 100, 100) // covers it all: the fast path
		x.FillRect(0, 0, 2, 2)
	})
	wantPixel(t, img, 10, 10, rgba(0, 0, 0, 0), 0)
	wantPixel(t, img, 1, 1, rgba(0, 255, 0, 255), 0)

	img = withCanvas(t, 20, 20, func(x *Context2D) {
		x.SetFillColor(mustColor("lime"))
		x.FillRect(0, 0, 20, 20)
		x.Canvas().Resize(20, 20)
		x.Reset()
	})
	wantPixel(t, img, 10, 10, rgba(0, 0, 0, 0), 0)
}

func TestDrawImageFormsAndClipping(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for y := 0; y < 4; y++ {
		for x := 0; x < 4; x++ {
			if x < 2 {
				src.SetRGBA(x, y, rgba(255, 0, 0, 255))
			} else {
				src.SetRGBA(x, y, rgba(0, 0, 255, 255))
			}
		}
	}
	img := withCanvas(t, 40, 20, func(x *Context2D) {
		tex := testRenderer.NewTexture(src)
		defer tex.Delete()
		x.SetImageSmoothing(false)
		x.DrawImage(tex, 0, 0, 4, 4, 0, 0, 8, 8)   // scaled 2x
		x.DrawImage(tex, 2, 0, 2, 4, 20, 0, 4, 8)  // right half only: blue
		x.DrawImage(tex, -2, 0, 4, 4, 30, 0, 8, 8) // source past the left edge: dest shrinks
	})
	wantPixel(t, img, 1, 1, rgba(255, 0, 0, 255), 0)
	wantPixel(t, img, 6, 6, rgba(0, 0, 255, 255), 0)
	wantPixel(t, img, 21, 4, rgba(0, 0, 255, 255), 0)
	wantPixel(t, img, 31, 4, rgba(0, 0, 0, 0), 0) // the clipped-off part stays empty
	wantPixel(t, img, 35, 4, rgba(255, 0, 0, 255), 0)
}

func TestDrawCanvasOntoItself(t *testing.T) {
	img := withCanvas(t, 20, 10, func(x *Context2D) {
		x.SetFillColor(mustColor("#0f0"))
		x.FillRect(0, 0, 10, 10)
		x.DrawImage(x.Canvas(), 0, 0, 10, 10, 10, 0, 10, 10)
	})
	wantPixel(t, img, 15, 5, rgba(0, 255, 0, 255), 0)
}

func TestPathFillRules(t *testing.T) {
	// Two nested squares wound the same way: nonzero fills the hole,
	// evenodd leaves it empty.
	square := func(x *Context2D, o, s float64) {
		x.MoveTo(o, o)
		x.LineTo(o+s, o)
		x.LineTo(o+s, o+s)
		x.LineTo(o, o+s)
		x.ClosePath()
	}
	for _, evenOdd := range []bool{false, true} {
		img := withCanvas(t, 30, 30, func(x *Context2D) {
			x.SetFillColor(mustColor("white"))
			x.BeginPath()
			square(x, 0, 30)
			square(x, 10, 10)
			x.Fill(evenOdd)
		})
		wantPixel(t, img, 5, 5, rgba(255, 255, 255, 255), 0)
		if evenOdd {
			wantPixel(t, img, 15, 15, rgba(0, 0, 0, 0), 0)
		} else {
			wantPixel(t, img, 15, 15, rgba(255, 255, 255, 255), 0)
		}
	}
	img := withCanvas(t, 40, 40, func(x *Context2D) {
		x.SetFillColor(mustColor("white"))
		x.BeginPath()
		x.Arc(20, 20, 10, 0, 7, false)
		x.Fill(false)
	})
	wantPixel(t, img, 20, 20, rgba(255, 255, 255, 255), 0)
	wantPixel(t, img, 20, 12, rgba(255, 255, 255, 255), 0)
	wantPixel(t, img, 28, 28, rgba(0, 0, 0, 0), 0)
}

func TestFillTextDrawsInk(t *testing.T) {
	lib := fonts.NewLibrary()
	var width float64
	img := withCanvas(t, 120, 40, func(x *Context2D) {
		spec, _ := fonts.ParseFont("20px sans-serif")
		x.SetFont(spec)
		x.SetFillColor(mustColor("white"))
		x.FillText(lib, "Hello", 10, 30, 1e9)
		width = x.MeasureText(lib, "Hello").Width
		x.SetTextAlign(AlignRight)
		x.FillText(lib, "", 100, 30, 1e9) // empty text: nothing, no panic
	})
	ink := 0
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] > 128 {
			ink++
		}
	}
	if ink < 50 {
		t.Errorf("fillText left %d inked pixels, want a word's worth", ink)
	}
	if width < 40 || width > 60 {
		t.Errorf("measureText(Hello) at 20px = %v", width)
	}
	wantPixel(t, img, 5, 5, rgba(0, 0, 0, 0), 0) // nothing left of the text
}

func TestSpritesSharingATextureBatchIntoOneDrawCall(t *testing.T) {
	calls := batches(t, func(x *Context2D, tex *Texture) {
		for i := 0; i < 500; i++ {
			x.DrawImage(tex, 0, 0, 8, 8, float64(i%90), float64(i/10), 8, 8)
			x.FillRect(float64(i%90), 0, 2, 2) // solid colour joins the same batch
		}
	})
	if calls != 1 {
		t.Errorf("1000 draws took %d batches, want 1", calls)
	}
}

// batches counts the batches of draw, given a red fill and an 8x8
// texture.
func batches(t *testing.T, draw func(x *Context2D, tex *Texture)) int {
	var calls int
	withCanvas(t, 100, 100, func(x *Context2D) {
		tex := testRenderer.NewTexture(image.NewRGBA(image.Rect(0, 0, 8, 8)))
		defer tex.Delete()
		testRenderer.Flush()
		testRenderer.ResetStats()
		x.SetFillColor(mustColor("red"))
		draw(x, tex)
		testRenderer.Flush()
		calls = testRenderer.Stats.Batches
	})
	return calls
}

func TestIsConvex(t *testing.T) {
	square := []point{{0, 0}, {10, 0}, {10, 10}, {0, 10}}
	notch := []point{{0, 0}, {10, 0}, {5, 5}, {10, 10}, {0, 10}}
	var star, circle, twice []point
	for i := 0; i < 5; i++ { // a pentagram: one turn direction, winds twice
		a := float64(i) * 4 * 3.14159265 / 5
		star = append(star, point{math.Cos(a), math.Sin(a)})
	}
	for i := 0; i < 64; i++ {
		a := float64(i) * 2 * math.Pi / 64
		circle = append(circle, point{math.Cos(a), math.Sin(a)})
	}
	twice = append(append(twice, circle...), circle...)
	collinear := []point{{0, 0}, {5, 0}, {10, 0}, {10, 10}, {10, 10}, {0, 10}}
	for _, tc := range []struct {
		name string
		poly []point
		want bool
	}{{"square", square, true}, {"notch", notch, false}, {"star", star, false},
		{"circle", circle, true}, {"circle twice", twice, false}, {"collinear and repeated points", collinear, true}} {
		if got := isConvex(tc.poly); got != tc.want {
			t.Errorf("isConvex(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestAFullArcIsConvexDespiteRounding(t *testing.T) {
	var p path
	for _, r := range []float64{3, 7.3, 20, 95.5} {
		p.reset()
		p.ellipse(Matrix{A: 2, D: 2, E: 0.37, F: 11.9}, 100.3, 50.7, r, r, 0, 0, 2*math.Pi, false)
		if polys := p.polygons(); len(polys) != 1 || !isConvex(polys[0]) {
			t.Errorf("a full circle of radius %v is not seen as convex", r)
		}
	}
}

// Skia's analytic rasterizer rounds outline vertices to quarter pixels
// vertically; stroke outlines do the same, fringes moving with their edge.
func TestStrokeEdgesSnapToQuarterPixels(t *testing.T) {
	r := ribbon{alpha: 1, sections: []crossSection{{{0, 10.05}, {0, 11.05}, {0, 19.05}, {0, 20.05}}}}
	r.snapEdges()
	want := crossSection{{0, 10}, {0, 11}, {0, 19}, {0, 20}}
	for k := range want {
		if math.Abs(r.sections[0][k].y-want[k].y) > 1e-9 {
			t.Fatalf("snapped section %v, want %v", r.sections[0], want)
		}
	}
}

func TestALargeBatchIsDrawnBeforeAnotherKindJoinsIt(t *testing.T) {
	rectsThenImage := func(rects int) int {
		return batches(t, func(x *Context2D, tex *Texture) {
			for i := 0; i < rects; i++ {
				x.FillRect(float64(i%90), 0, 2, 2)
			}
			x.DrawImage(tex, 0, 0, 8, 8, 10, 10, 8, 8)
		})
	}
	if n := rectsThenImage(2); n != 1 {
		t.Errorf("2 rects and an image took %d batches, want 1 (a small batch widens)", n)
	}
	if n := rectsThenImage(100); n != 2 {
		t.Errorf("100 rects and an image took %d batches, want 2 (the rects keep the solid program)", n)
	}
}
