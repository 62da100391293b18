package gl

import (
	"os"
	"testing"
)

func TestTuneDriverKeepsTheUsersFlags(t *testing.T) {
	for _, c := range []struct{ before, after string }{
		{"", "no_rast_linear"},
		{"no_mipmap", "no_mipmap,no_rast_linear"},
		{"no_rast_linear,no_tex", "no_rast_linear,no_tex"},
	} {
		t.Setenv("LP_PERF", c.before)
		TuneDriver()
		if got := os.Getenv("LP_PERF"); got != c.after {
			t.Errorf("LP_PERF %q became %q, want %q", c.before, got, c.after)
		}
	}
}
