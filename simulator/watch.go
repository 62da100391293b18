package simulator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/jsapi"
)

// debounce is how long a burst of file events must stay quiet before a
// reload: one save fires several events (truncate, write, rename).
const debounce = 50 * time.Millisecond

// watcher reports changed files under a game folder, one burst at a time.
// fsnotify does not recurse, so every folder is watched, new ones as they
// appear.
type watcher struct {
	fs      *fsnotify.Watcher
	root    string        // absolute, so a file outside it still has a path relative to it
	changed chan []string // files of one burst, slash paths relative to root
	wake    chan struct{} // wakes a loop sleeping until its next frame
	once    sync.Once
}

func newWatcher(root string) (*watcher, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, root: root, changed: make(chan []string, 1), wake: make(chan struct{}, 1)}
	if err := w.addTree(root); err != nil {
		fw.Close()
		return nil, err
	}
	go w.run()
	return w, nil
}

// addTree watches dir and the folders below it.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if name := d.Name(); p != dir && (strings.HasPrefix(name, ".") || name == "node_modules") {
			return filepath.SkipDir
		}
		return w.fs.Add(p)
	})
}

// addFile also watches one file that may lie outside root (the --mock
// file), through its folder: editors save by replacing the file.
func (w *watcher) addFile(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	return w.fs.Add(filepath.Dir(abs))
}

// rel is path as a burst names it: a slash path relative to root.
func (w *watcher) rel(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(w.root, abs)
	if err != nil {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func (w *watcher) run() {
	var burst []string
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || editorTemp(ev.Name) {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
				}
			}
			if rel, ok := w.rel(ev.Name); ok {
				burst = append(burst, rel)
			}
			timer.Reset(debounce)
		case <-timer.C:
			select {
			case w.changed <- burst:
			default: // the loop has not taken the last burst: it reloads anyway
			}
			select {
			case w.wake <- struct{}{}:
			default:
			}
			burst = nil
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
		}
	}
}

// editorTemp recognizes the scratch files editors write beside the real
// one while saving.
func editorTemp(path string) bool {
	name := filepath.Base(path)
	return strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasPrefix(name, ".#") || strings.HasPrefix(name, "#") || name == "4913" ||
		strings.HasSuffix(name, ".tmp") || strings.HasPrefix(name, ".goutputstream")
}

func (w *watcher) Close() { w.once.Do(func() { w.fs.Close() }) }

// relevant reports whether a burst touches what the game uses: a file a
// domain loaded, the project's config, or, while the game is broken at
// start, any script (the fix may be a new file).
func (s *Simulator) relevant(files []string) bool {
	used := map[string]bool{"game.json": true, "project.config.json": true}
	prefix := ""
	if rootRel, ok := s.watcher.rel(s.project.Root); ok && rootRel != "." {
		prefix = rootRel + "/"
	}
	s.eachLoop(func(d *domains.Domain) {
		for _, f := range d.LoadedFiles() {
			used[prefix+f] = true
		}
	})
	s.eachDomain(func(_ *domains.Domain, api *jsapi.API) {
		for _, f := range api.LoadedAssets() {
			used[prefix+f] = true
		}
	})
	if s.cfg.Mock != "" {
		if rel, ok := s.watcher.rel(s.cfg.Mock); ok {
			used[rel] = true
		}
	}
	for _, f := range files {
		if used[f] || (s.startErr != nil && (strings.HasSuffix(f, ".js") || strings.HasSuffix(f, ".json"))) {
			return true
		}
	}
	return false
}
