package gl

import (
	"image"
	"testing"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// DeleteAll frees what a torn-down domain made: its canvases, textures,
// gradients' lookup textures and canvas patterns' copies.
func TestDeleteAllFreesEverything(t *testing.T) {
	onMain(func() {
		r, err := NewRenderer()
		if err != nil {
			t.Fatal(err)
		}
		c, _ := r.NewCanvas(20, 20)
		x := r.NewContext2D(c)
		other, _ := r.NewCanvas(4, 4)
		r.NewTexture(image.NewRGBA(image.Rect(0, 0, 2, 2)))
		g := &Gradient{Kind: LinearGradient, Params: [6]float64{0, 0, 20, 0}}
		g.AddColorStop(0, mustColor("red"))
		g.AddColorStop(1, mustColor("blue"))
		x.SetFillPaint(Paint{Gradient: g})
		x.FillRect(0, 0, 20, 10)
		x.SetFillPaint(Paint{Pattern: r.NewPattern(other, Repeat)})
		x.FillRect(0, 10, 20, 10)
		r.Flush()
		if len(r.canvases) != 2 || len(r.textures) != 2 || len(r.gradients) != 1 {
			t.Fatalf("before: %d canvases, %d textures, %d gradients; want 2, 2 (image, pattern copy), 1",
				len(r.canvases), len(r.textures), len(r.gradients))
		}
		r.DeleteAll()
		if len(r.canvases) != 0 || len(r.textures) != 0 || len(r.gradients) != 0 || g.lut != 0 {
			t.Errorf("after: %d canvases, %d textures, %d gradients (lut %d); want none",
				len(r.canvases), len(r.textures), len(r.gradients), g.lut)
		}
		// The second renderer moved the context's state under the first.
		gl.BindVertexArray(testRenderer.vao)
		testRenderer.forgetBinding()
		testRenderer.usedProg, testRenderer.glBlendKnown = 0, false
	})
}
