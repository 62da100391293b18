package gl

import (
	"image"
	"math"
	"testing"
)

// Coverage of analytic shapes at known distances from their edges.
func TestAnalyticShapeCoverage(t *testing.T) {
	img := withCanvas(t, 60, 40, func(x *Context2D) {
		x.SetFillColor(mustColor("white"))
		x.BeginPath()
		x.Arc(20, 20, 10.5, 0, 2*math.Pi, false) // edge through pixel centres at x = 9.5
		x.Fill(false)
		x.FillRect(40.25, 10, 10.5, 20) // quarter-pixel edges
	})
	wantPixel(t, img, 20, 20, rgba(255, 255, 255, 255), 0)
	wantPixel(t, img, 9, 19, rgba(128, 128, 128, 128), 8)  // centre on the circle: half covered
	wantPixel(t, img, 7, 19, rgba(0, 0, 0, 0), 0)          // beyond the ramp
	wantPixel(t, img, 40, 20, rgba(191, 191, 191, 191), 2) // 40.25..41 covered
	wantPixel(t, img, 45, 20, rgba(255, 255, 255, 255), 0)
	wantPixel(t, img, 50, 20, rgba(191, 191, 191, 191), 2) // 50..50.75 covered
	wantPixel(t, img, 51, 20, rgba(0, 0, 0, 0), 0)
}

// A disc smaller than a pixel covers about its area, not the ramp's half.
func TestTinyCircleCoversItsArea(t *testing.T) {
	img := withCanvas(t, 10, 10, func(x *Context2D) {
		x.SetFillColor(mustColor("white"))
		x.BeginPath()
		x.Arc(4.5, 4.5, 0.25, 0, 2*math.Pi, false)
		x.Fill(false)
	})
	wantPixel(t, img, 4, 4, rgba(50, 50, 50, 50), 3) // π/16 of a pixel
	wantPixel(t, img, 3, 4, rgba(0, 0, 0, 0), 0)
}

// A parallelogram too sharp for the shape program (its half-pixel margin
// would reach 1/(2 sin) px out) is left to the fringe path.
func TestSharpParallelogramIsNotAShape(t *testing.T) {
	withCanvas(t, 40, 40, func(x *Context2D) {
		white := [4]uint8{255, 255, 255, 255}
		sliver := []point{{0, 0}, {0.5, 0}, {30.5, 1}, {30, 1}} // sides at under 2 degrees
		if x.fillParallelogramAA(sliver, white, x.drawBlend()) {
			t.Error("a 30:1 sliver went to the shape program")
		}
		if !x.fillParallelogramAA([]point{{0, 0}, {10, 0}, {15, 10}, {5, 10}}, white, x.drawBlend()) {
			t.Error("a plain parallelogram did not")
		}
	})
}

func TestRotatedRectIsAntialiasedAndFilled(t *testing.T) {
	img := withCanvas(t, 40, 40, func(x *Context2D) {
		x.SetFillColor(mustColor("white"))
		x.Translate(20, 20)
		x.Rotate(math.Pi / 4)
		x.FillRect(-10, -10, 20, 20)
	})
	wantPixel(t, img, 20, 20, rgba(255, 255, 255, 255), 0)
	wantPixel(t, img, 20, 7, rgba(255, 255, 255, 255), 0) // the corner points up, to y ≈ 5.9
	wantPixel(t, img, 8, 8, rgba(0, 0, 0, 0), 0)
	if a := img.RGBAAt(20, 6).A; a == 0 || a == 255 {
		t.Errorf("pixel at the top corner has alpha %d, want partial coverage", a)
	}
}

// Shapes and images alternate: each must keep its own look, whichever
// batch it lands in.
func TestShapesAndImagesInterleaved(t *testing.T) {
	img := withCanvas(t, 60, 20, func(x *Context2D) {
		red := image.NewRGBA(image.Rect(0, 0, 4, 4))
		for i := range red.Pix {
			red.Pix[i] = []uint8{255, 0, 0, 255}[i%4]
		}
		tex := testRenderer.NewTexture(red)
		defer tex.Delete()
		x.SetFillColor(mustColor("blue"))
		for i := 0; i < 3; i++ {
			x.DrawImage(tex, 0, 0, 4, 4, float64(20*i), 0, 8, 8)
			x.BeginPath()
			x.Arc(float64(20*i+12), 14, 4, 0, 2*math.Pi, false)
			x.Fill(false)
		}
		testRenderer.Flush()
	})
	for i := 0; i < 3; i++ {
		wantPixel(t, img, 20*i+4, 4, rgba(255, 0, 0, 255), 0)
		wantPixel(t, img, 20*i+12, 14, rgba(0, 0, 255, 255), 0)
		wantPixel(t, img, 20*i+12, 5, rgba(0, 0, 0, 0), 0) // between them
	}
}

func TestSolidFillsAndShapesShareABatch(t *testing.T) {
	var calls, triangles int
	withCanvas(t, 100, 100, func(x *Context2D) {
		testRenderer.Flush()
		testRenderer.ResetStats()
		x.SetFillColor(mustColor("red"))
		for i := 0; i < 100; i++ {
			x.FillRect(float64(i%90), 0, 2, 2) // whole pixels: a plain solid quad
			x.BeginPath()
			x.Arc(50, 50.5, 3.3, 0, 2*math.Pi, false)
			x.Fill(false)
		}
		testRenderer.Flush()
		calls, triangles = testRenderer.Stats.Batches, testRenderer.Stats.Triangles
	})
	if calls != 1 {
		t.Errorf("rects and circles took %d batches, want 1", calls)
	}
	if triangles != 400 { // a quad each: the circles are analytic, not fans
		t.Errorf("rects and circles took %d triangles, want 400", triangles)
	}
}

func TestEveryCompositeOpHasARule(t *testing.T) {
	if len(compositeRules) != len(CompositeOpNames) {
		t.Errorf("%d composite rules for %d operations", len(compositeRules), len(CompositeOpNames))
	}
}
