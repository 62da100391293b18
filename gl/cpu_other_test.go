//go:build !unix

package gl

import "testing"

// reportCPU reports nothing where getrusage is missing (Windows): the
// benchmarks' wall time still stands.
func reportCPU(b *testing.B) func() { return func() {} }
