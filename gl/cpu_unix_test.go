//go:build unix

package gl

import (
	"syscall"
	"testing"
)

// reportCPU returns a func that reports the process's CPU time per op
// (every thread, llvmpipe's included): steadier than wall time on a
// shared machine. Where the OS tells (Linux), it also reports the calling
// thread's (main-ms/op): called on the main thread, that is the time the
// simulator's frame loop would spend, without llvmpipe's rasterizers.
func reportCPU(b *testing.B) func() {
	cpu := func() float64 {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
	}
	start := cpu()
	mainStart, perThread := threadCPU()
	return func() {
		b.ReportMetric((cpu()-start)/float64(b.N), "cpu-ms/op")
		if perThread {
			t, _ := threadCPU()
			b.ReportMetric((t-mainStart)/float64(b.N), "main-ms/op")
		}
	}
}
