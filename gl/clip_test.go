package gl

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// The stencil comes off the framebuffer after a frame that did not use it,
// keeping what it holds: a clip survives draws on other canvases, and a
// dropped clip limits no later fill or stroke, whether the stencil stayed
// on or came off in between.
func TestStencilComesOffAfterAnIdleFrame(t *testing.T) {
	var onWhileClipped, onAfterUsingFrame, onAfterIdleFrame bool
	img := withCanvas(t, 40, 20, func(x *Context2D) {
		other, _ := testRenderer.NewCanvas(10, 10)
		defer other.Delete()
		ox := testRenderer.NewContext2D(other)

		// A clip to the left half, then draws on another canvas.
		x.Save()
		x.BeginPath()
		x.Rect(0, 0, 20, 20)
		x.Clip(false)
		x.SetFillColor(mustColor("#00f"))
		x.FillRect(0, 0, 40, 20) // blue, left half only
		ox.SetFillColor(mustColor("#f00"))
		ox.FillRect(0, 0, 10, 10)
		x.SetFillColor(mustColor("#0f0"))
		x.FillRect(0, 10, 40, 10) // green, still left half only
		testRenderer.Flush()
		onWhileClipped = x.c.stencilOn
		x.Restore()
		x.FillRect(0, 0, 1, 1)
		testRenderer.EndFrame()
		onAfterUsingFrame = x.c.stencilOn
		testRenderer.EndFrame()
		onAfterIdleFrame = x.c.stencilOn

		// A concave path needs the stencil again (its test masks clip bits
		// out).
		x.SetFillColor(mustColor("#fff"))
		x.BeginPath()
		x.MoveTo(10, 2)
		x.LineTo(38, 2)
		x.LineTo(38, 8)
		x.LineTo(30, 5) // the notch makes it concave
		x.LineTo(10, 8)
		x.ClosePath()
		x.Fill(false)

		// So does a translucent stroke, which tests the whole stencil.
		x.SetStrokeColor(mustColor("rgba(255,0,0,0.5)"))
		x.SetLineWidth(2)
		x.BeginPath()
		x.MoveTo(2, 12)
		x.LineTo(38, 12)
		x.Stroke()
		testRenderer.Flush()
	})
	if !onWhileClipped || !onAfterUsingFrame {
		t.Error("the stencil came off in a frame that used it")
	}
	if onAfterIdleFrame {
		t.Error("the stencil stayed on through a frame that did not use it")
	}
	wantPixels(t, img,
		pixelAt{5, 5, rgba(0, 0, 255, 255), 0},
		pixelAt{25, 15, rgba(0, 0, 0, 0), 0}, // the green was clipped
		pixelAt{5, 15, rgba(0, 255, 0, 255), 0},
		pixelAt{15, 3, rgba(255, 255, 255, 255), 0},
		pixelAt{35, 3, rgba(255, 255, 255, 255), 0}, // outside the old clip: filled
		pixelAt{5, 12, rgba(128, 128, 0, 255), 1},   // half red over green
		pixelAt{35, 12, rgba(128, 0, 0, 128), 1},
	)
}

// A clip's stencil work stays inside its bounds; switching from one clip
// to another clears the first one's bits.
func TestSmallClipsOneAfterAnother(t *testing.T) {
	img := withCanvas(t, 40, 20, func(x *Context2D) {
		x.SetFillColor(mustColor("#00f"))
		for i, left := range []float64{2, 22} {
			x.Save()
			x.BeginPath()
			x.Rect(left, 2, 10, 10)
			if i == 1 {
				x.Rect(30, 14, 4, 4) // two polygons: their union
			}
			x.Clip(false)
			x.FillRect(0, 0, 40, 20)
			x.Restore()
			x.Save() // a clip replaced by a clip, with no unclipped draw between
		}
		x.BeginPath()
		x.Rect(0, 15, 5, 5)
		x.Clip(false)
		x.SetFillColor(mustColor("#f00"))
		x.FillRect(0, 0, 40, 20)
	})
	wantPixels(t, img,
		pixelAt{5, 5, rgba(0, 0, 255, 255), 0},
		pixelAt{25, 5, rgba(0, 0, 255, 255), 0},
		pixelAt{31, 15, rgba(0, 0, 255, 255), 0},
		pixelAt{17, 5, rgba(0, 0, 0, 0), 0},
		pixelAt{2, 17, rgba(255, 0, 0, 255), 0},
		pixelAt{8, 17, rgba(0, 0, 0, 0), 0},
		pixelAt{25, 17, rgba(0, 0, 0, 0), 0},
	)
}

// A clip left in force keeps its stencil through frames that draw nothing
// new to it.
func TestClipInForceOutlivesIdleFrames(t *testing.T) {
	img := withCanvas(t, 20, 10, func(x *Context2D) {
		x.BeginPath()
		x.Rect(0, 0, 10, 10)
		x.Clip(false)
		x.SetFillColor(mustColor("#00f"))
		x.FillRect(0, 0, 5, 10)
		testRenderer.EndFrame()
		testRenderer.EndFrame()
		testRenderer.EndFrame()
		x.FillRect(0, 0, 20, 10) // still clipped to the left half
	})
	wantPixel(t, img, 7, 5, rgba(0, 0, 255, 255), 0)
	wantPixel(t, img, 15, 5, rgba(0, 0, 0, 0), 0)
}

// A batch pending on another canvas when a clip is built is drawn there,
// not into the clip.
func TestClipBuiltWithAnotherCanvasPending(t *testing.T) {
	var other [4]uint8
	img := withCanvas(t, 20, 20, func(x *Context2D) {
		b, _ := testRenderer.NewCanvas(10, 10)
		defer b.Delete()
		bx := testRenderer.NewContext2D(b)
		bx.SetFillColor(mustColor("#f00"))
		bx.FillRect(0, 0, 5, 5) // pending
		x.BeginPath()
		x.Arc(10, 10, 8, 0, 2*math.Pi, false)
		x.Clip(false)
		x.SetFillColor(mustColor("#00f"))
		x.FillRect(0, 0, 20, 20)
		p := b.ReadPixels().RGBAAt(2, 2)
		other = [4]uint8{p.R, p.G, p.B, p.A}
	})
	if other != [4]uint8{255, 0, 0, 255} {
		t.Errorf("the other canvas shows %v, want red", other)
	}
	wantPixel(t, img, 10, 10, rgba(0, 0, 255, 255), 0)
	wantPixel(t, img, 3, 3, rgba(0, 0, 0, 0), 0) // outside the circle
}

// Blend modes drawn through a shader honour the clip too.
func TestBlendModeUnderClip(t *testing.T) {
	img := withCanvas(t, 40, 20, func(x *Context2D) {
		x.SetFillColor(mustColor("#fff"))
		x.FillRect(0, 0, 40, 20)
		x.BeginPath()
		x.Rect(0, 0, 20, 20)
		x.Clip(false)
		x.SetCompositeOp(OpMultiply)
		x.SetFillColor(mustColor("#f00"))
		x.FillRect(0, 0, 40, 20)
	})
	wantPixel(t, img, 5, 5, rgba(255, 0, 0, 255), 1)
	wantPixel(t, img, 30, 5, rgba(255, 255, 255, 255), 1)
}

// Restoring to a parent clip clips to it again; afterwards nothing clips.
func TestNestedClipRestoredToItsParent(t *testing.T) {
	img := withCanvas(t, 40, 40, func(x *Context2D) {
		x.Save()
		x.BeginPath()
		x.Rect(0, 0, 30, 30)
		x.Clip(false)
		x.Save()
		x.BeginPath()
		x.Arc(10, 10, 5, 0, 2*math.Pi, false)
		x.Clip(false)
		x.SetFillColor(mustColor("#00f"))
		x.FillRect(0, 0, 40, 40)
		x.Restore()
		x.SetFillColor(mustColor("#0f0"))
		x.FillRect(20, 0, 20, 40) // left of 30 only
		x.Restore()
		x.SetStrokeColor(mustColor("rgba(255,0,0,0.5)"))
		x.SetLineWidth(2)
		x.BeginPath()
		x.MoveTo(0, 35)
		x.LineTo(40, 35)
		x.MoveTo(0, 10)
		x.LineTo(40, 10)
		x.Stroke()
	})
	wantPixels(t, img,
		pixelAt{10, 12, rgba(0, 0, 255, 255), 0},
		pixelAt{2, 2, rgba(0, 0, 0, 0), 0},
		pixelAt{25, 20, rgba(0, 255, 0, 255), 0},
		pixelAt{35, 20, rgba(0, 0, 0, 0), 0},
		pixelAt{10, 35, rgba(128, 0, 0, 128), 1},
		pixelAt{35, 10, rgba(128, 0, 0, 128), 1},
		pixelAt{10, 10, rgba(128, 0, 128, 255), 1},
	)
}

// Clip edges on half pixels and far off the canvas: pixel centres decide,
// and nothing is left behind for an unclipped stroke to trip on.
func TestClipAtHalfPixelsAndOffCanvas(t *testing.T) {
	img := withCanvas(t, 40, 20, func(x *Context2D) {
		x.Save()
		x.BeginPath()
		x.Rect(-100, 10.5, 110.5, 1e6)
		x.Clip(false)
		x.SetFillColor(mustColor("#00f"))
		x.FillRect(0, 0, 40, 20)
		x.Restore()
		x.Save()
		x.BeginPath()
		x.Rect(20.5, 0.5, 9, 9)
		x.Clip(false)
		x.SetFillColor(mustColor("#0f0"))
		x.FillRect(0, 0, 40, 20)
		x.Restore()
		x.SetStrokeColor(mustColor("rgba(255,0,0,0.5)"))
		x.SetLineWidth(40)
		x.BeginPath()
		x.MoveTo(0, 10)
		x.LineTo(40, 10)
		x.Stroke()
	})
	for y := 0; y < 20; y++ {
		for xx := 0; xx < 40; xx++ {
			if p := img.RGBAAt(xx, y); p.A < 127 {
				t.Fatalf("pixel %d,%d = %v: the stroke is missing", xx, y, p)
			}
		}
	}
	wantPixels(t, img,
		pixelAt{9, 15, rgba(128, 0, 127, 255), 1},
		pixelAt{10, 15, rgba(128, 0, 0, 128), 1},
		pixelAt{25, 5, rgba(128, 127, 0, 255), 1},
	)
}

// pixelAt is a pixel a test wants, within tol per channel.
type pixelAt struct {
	x, y int
	want color.RGBA
	tol  int
}

func wantPixels(t *testing.T, img *image.RGBA, ps ...pixelAt) {
	t.Helper()
	for _, p := range ps {
		wantPixel(t, img, p.x, p.y, p.want, p.tol)
	}
}
