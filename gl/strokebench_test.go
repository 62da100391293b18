package gl

import (
	"math"
	"testing"
)

// BenchmarkStrokeCircles strokes 20 circles (radius 10 to 105, 4 px wide)
// at devicePixelRatio 2, as a HUD of rings would.
func BenchmarkStrokeCircles(b *testing.B) {
	onMain(func() {
		r := testRenderer
		c, _ := r.NewCanvas(750, 1334)
		defer c.Delete()
		x := r.NewContext2D(c)
		x.Scale(2, 2)
		x.SetLineWidth(4)
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
	})
}
