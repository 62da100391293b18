package jsapi

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// tempFiles hands out the platform's temporary file paths (wxfile://tmp_…
// on WeChat, ttfile://temp/… on TikTok) and keeps the real files in the
// simulator's temp folder, so createImage and the file APIs can read them
// back. It is safe for concurrent use (encoders run off the loop).
type tempFiles struct {
	mu     sync.Mutex
	dir    string // created on first use
	prefix string
	next   int
	files  map[string]string
}

func newTempFiles(platform string) *tempFiles {
	prefix := "wxfile://tmp_"
	if platform == "tiktok" {
		prefix = "ttfile://temp/"
	}
	return &tempFiles{prefix: prefix, files: map[string]string{}}
}

// create makes a new temp file with the extension and returns its
// platform path and real path.
func (t *tempFiles) create(ext string) (virtual, real string, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.dir == "" {
		if t.dir, err = os.MkdirTemp("", "minisim-tmp-"); err != nil {
			return "", "", fmt.Errorf("creating the temp folder: %w", err)
		}
	}
	t.next++
	name := fmt.Sprintf("%d%s", t.next, ext)
	virtual, real = t.prefix+name, filepath.Join(t.dir, name)
	t.files[virtual] = real
	return virtual, real, nil
}

// owns reports whether path is one of the platform's temp paths.
func (t *tempFiles) owns(path string) bool { return strings.HasPrefix(path, t.prefix) }

// file resolves a temp path to the real file.
func (t *tempFiles) file(path string) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, ok := t.files[path]
	return f, ok
}

// release forgets a temp path whose file saveFile moved away.
func (t *tempFiles) release(path string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.files, path)
}

// Cleanup removes the temp folder (the simulator calls it at exit).
func (t *tempFiles) Cleanup() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.dir != "" {
		os.RemoveAll(t.dir)
		t.dir = ""
	}
}
