//go:build unix && !linux

package gl

// threadCPU is unknown here: getrusage has no per-thread form.
func threadCPU() (float64, bool) { return 0, false }
