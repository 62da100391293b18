package gl

import (
	"image"
	"math/rand"
	"testing"
)

// BenchmarkSpriteFrame draws a bunnymark-like frame: 1000 sprites of
// 52x74 device pixels on a 750x1334 canvas, then waits for the GPU.
func BenchmarkSpriteFrame(b *testing.B) {
	onMain(func() {
		r := testRenderer
		c, _ := r.NewCanvas(750, 1334)
		defer c.Delete()
		img := image.NewRGBA(image.Rect(0, 0, 26, 37))
		for i := range img.Pix {
			img.Pix[i] = 200
		}
		tex := r.NewTexture(img)
		defer tex.Delete()
		x := r.NewContext2D(c)
		rng := rand.New(rand.NewSource(1))
		pos := make([][2]float64, 1000)
		for i := range pos {
			pos[i] = [2]float64{rng.Float64() * 700, rng.Float64() * 1280}
		}
		defer reportCPU(b)()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			x.ClearRect(0, 0, 750, 1334)
			for _, p := range pos {
				x.DrawImage(tex, 0, 0, 26, 37, p[0], p[1], 52, 74)
			}
			r.EndFrame()
		}
	})
}

func benchQuads(b *testing.B, n int, w, h float64) {
	onMain(func() {
		r := testRenderer
		c, _ := r.NewCanvas(750, 1334)
		defer c.Delete()
		img := image.NewRGBA(image.Rect(0, 0, 26, 37))
		tex := r.NewTexture(img)
		defer tex.Delete()
		x := r.NewContext2D(c)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			x.ClearRect(0, 0, 750, 1334)
			for k := 0; k < n; k++ {
				x.DrawImage(tex, 0, 0, 26, 37, float64(k%700), float64(k%1200), w, h)
			}
			r.EndFrame()
		}
	})
}

func BenchmarkEmptyFrame(b *testing.B)   { benchQuads(b, 0, 1, 1) }
func BenchmarkTinyQuads(b *testing.B)    { benchQuads(b, 1000, 1, 1) }
func BenchmarkOneBigQuad(b *testing.B)   { benchQuads(b, 1, 750, 1334) }
func BenchmarkFourBigQuads(b *testing.B) { benchQuads(b, 4, 750, 1334) }
