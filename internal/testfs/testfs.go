// Package testfs writes file trees for tests.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// Write puts files (slash paths relative to root, to contents) under root,
// making folders as needed.
func Write[T ~string | ~[]byte](t testing.TB, root string, files map[string]T) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
