package gl

import (
	"fmt"
	"image"
	"math"
	"math/rand"
	"testing"

	"github.com/minisim/minisim/fonts"
)

// BenchmarkTextFrame draws a bunnymark-like text frame: 300 rows of 14px
// text on a 750x1334 canvas at scale 2, then waits for the frame before.
func BenchmarkTextFrame(b *testing.B) {
	lib := fonts.NewLibrary()
	spec, _ := fonts.ParseFont("14px sans-serif")
	colors := []string{"#ffffff", "#ffd866", "#a9dc76", "#78dce8"}
	onPhoneCanvas(func(r *Renderer, x *Context2D) {
		x.SetFont(spec)
		rng := rand.New(rand.NewSource(1))
		scores := make([]int, 300)
		for i := range scores {
			scores[i] = rng.Intn(90000)
		}
		defer reportCPU(b)()
		b.ResetTimer()
		for f := 0; f < b.N; f++ {
			x.ClearRect(0, 0, 375, 667)
			for i := range scores {
				scores[i] = (scores[i] + 1 + i%97) % 100000
				x.SetFillColor(mustColor(colors[i%4]))
				s := fmt.Sprintf("#%d Player %d  %d", i+1, 1+(i+1)*7919%9973, scores[i])
				x.FillText(lib, s, 6+float64(i/35%2)*187.5, 40+float64((i%35*18+f)%630), 1e9)
			}
			r.EndFrame()
		}
		r.Flush()
	})
}

// BenchmarkClipRowsFrame draws a leaderboard-like frame: 30 rows, each an
// avatar clipped to a circle and a line of text.
func BenchmarkClipRowsFrame(b *testing.B) {
	lib := fonts.NewLibrary()
	spec, _ := fonts.ParseFont("14px sans-serif")
	onPhoneCanvas(func(r *Renderer, x *Context2D) {
		img := image.NewRGBA(image.Rect(0, 0, 64, 64))
		for i := range img.Pix {
			img.Pix[i] = 200
		}
		tex := r.NewTexture(img)
		defer tex.Delete()
		x.SetFont(spec)
		defer reportCPU(b)()
		b.ResetTimer()
		for f := 0; f < b.N; f++ {
			x.ClearRect(0, 0, 375, 667)
			for i := 0; i < 30; i++ {
				y := float64(10 + i*21)
				x.Save()
				x.BeginPath()
				x.Arc(20, y+10, 10, 0, 2*math.Pi, false)
				x.Clip(false)
				x.DrawImage(tex, 0, 0, 64, 64, 10, y, 20, 20)
				x.Restore()
				x.SetFillColor(mustColor("#fff"))
				x.FillText(lib, fmt.Sprintf("Player %d  %d", i, f), 40, y+15, 1e9)
			}
			r.EndFrame()
		}
		r.Flush()
	})
}

// BenchmarkShapesFrame draws a bunnymark-like shapes frame: 1000 circles,
// rects and rotated rects of radius 3..10 at scale 2, a quarter of them
// translucent.
func BenchmarkShapesFrame(b *testing.B) {
	onPhoneCanvas(func(r *Renderer, x *Context2D) {
		rng := rand.New(rand.NewSource(1))
		type shape struct{ x, y, r, a, alpha float64 }
		shapes := make([]shape, 1000)
		for i := range shapes {
			s := &shapes[i]
			s.x, s.y, s.r, s.a, s.alpha = rng.Float64()*375, rng.Float64()*667, 3+rng.Float64()*7, rng.Float64()*6, 1
			if rng.Float64() < 0.25 {
				s.alpha = 0.6
			}
		}
		colors := []string{"#f26b6b", "#6bf2a0", "#6b8ef2"}
		defer reportCPU(b)()
		b.ResetTimer()
		for f := 0; f < b.N; f++ {
			x.ClearRect(0, 0, 375, 667)
			for i, s := range shapes {
				x.SetGlobalAlpha(s.alpha)
				x.SetFillColor(mustColor(colors[i%3]))
				switch i % 3 {
				case 0:
					x.BeginPath()
					x.Arc(s.x, s.y, s.r, 0, 2*math.Pi, false)
					x.Fill(false)
				case 1:
					x.FillRect(s.x-s.r, s.y-s.r*0.7, s.r*2, s.r*1.4)
				default:
					x.Save()
					x.Translate(s.x, s.y)
					x.Rotate(s.a + float64(f)*0.01)
					x.FillRect(-s.r, -s.r, s.r*2, s.r*2)
					x.Restore()
				}
			}
			x.SetGlobalAlpha(1)
			r.EndFrame()
		}
		r.Flush()
	})
}

// BenchmarkStrokeCircles strokes 20 circles (radius 10 to 105, 4 px wide)
// at scale 2, as a HUD of rings would: the cost of curve strokes.
func BenchmarkStrokeCircles(b *testing.B) {
	onPhoneCanvas(func(r *Renderer, x *Context2D) {
		x.SetLineWidth(4)
		defer reportCPU(b)()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			x.ClearRect(0, 0, 375, 667)
			for k := 0; k < 20; k++ {
				x.BeginPath()
				x.Arc(187, 333, float64(10+5*k), 0, 2*math.Pi, false)
				x.Stroke()
			}
			r.EndFrame()
		}
		r.Flush()
	})
}

// onPhoneCanvas runs fn on the main thread with a 750x1334 canvas drawn
// at scale 2, a phone's screen at devicePixelRatio 2.
func onPhoneCanvas(fn func(r *Renderer, x *Context2D)) {
	onMain(func() {
		c, _ := testRenderer.NewCanvas(750, 1334)
		defer c.Delete()
		x := testRenderer.NewContext2D(c)
		x.Scale(2, 2)
		fn(testRenderer, x)
	})
}
