package simulator

import (
	"io"
	"testing"
	"time"
)

// BenchmarkStartup measures launch to the first presented frame of the
// example game: project loading, window and GL context, fonts, the JS VM,
// game.js with its modules, and one frame rendered and finished on the GPU.
func BenchmarkStartup(b *testing.B) {
	cfg := Config{
		GameDir: "../examples/starcatch", Device: DefaultDeviceName, FPS: 60,
		Headless: true, Realtime: true, Frames: 1,
		Stdout: io.Discard, Stderr: io.Discard,
	}
	var total time.Duration
	for i := 0; i < b.N; i++ {
		onMain(func() {
			start := time.Now()
			s, err := open(cfg)
			if err != nil {
				b.Fatal(err)
			}
			s.runFrame()
			total += time.Since(start)
			s.close()
		})
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/first-frame")
}
