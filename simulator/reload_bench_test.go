package simulator

import (
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// BenchmarkHotReload measures what a developer waits for: from saving a
// file of the example game to the first presented frame of the new code
// (the debounce, the reload of both domains and one frame). It reports
// the median.
func BenchmarkHotReload(b *testing.B) {
	dir := b.TempDir()
	if err := copyTree(filepath.Join("..", "examples", "starcatch"), dir); err != nil {
		b.Fatal(err)
	}
	on := true
	cfg := Config{GameDir: dir, Device: DefaultDeviceName, FPS: 60, Headless: true, Realtime: true, Watch: &on,
		Stdout: io.Discard, Stderr: io.Discard, ScriptTimeout: 5 * time.Second}
	file := filepath.Join(dir, "js", "config.js")
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	onMain(func() {
		s, err := Open(cfg)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		s.Step(10)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			before := s.reloads
			start := time.Now()
			os.WriteFile(file, append(append([]byte(nil), src...), []byte("\n// edit "+time.Now().String())...), 0o644)
			for s.reloads == before && time.Since(start) < 5*time.Second {
				s.Step(1) // the reload happens at the start of a frame that then draws the new code
			}
			times = append(times, time.Since(start))
			s.Step(3)
		}
	})
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/reload-median")
}

func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
