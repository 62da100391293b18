//go:build unix

package gl

import (
	"syscall"
	"testing"
)

// reportCPU returns a func that reports the process's CPU time per op
// (every thread, llvmpipe's included): steadier than wall time on a
// shared machine.
func reportCPU(b *testing.B) func() {
	cpu := func() float64 {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
	}
	start := cpu()
	return func() { b.ReportMetric((cpu()-start)/float64(b.N), "cpu-ms/op") }
}
