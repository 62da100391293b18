// Package gamefs is the mini game's file system on the desktop: each
// platform folder (the game package, the player's user data, saved files,
// temp files) is a real folder reached only through an os.Root, so no
// path and no symbolic link leads outside it, however it is spelt or
// whatever changes on disk meanwhile. It knows nothing of JS: the
// bindings map platform paths to a Dir and a name (Clean) and word the
// errors (Kind) as each platform does.
package gamefs

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Dir is one folder the game reaches. It is opened on first use and safe
// for concurrent use.
type Dir struct {
	path  string
	quota *Quota // the limit the folder counts against, if any

	mu   sync.Mutex
	root *os.Root
}

// NewDir is the folder at path (which must exist when first used).
func NewDir(path string) *Dir { return &Dir{path: path} }

// Path is the real folder.
func (d *Dir) Path() string { return d.path }

func (d *Dir) open() (*os.Root, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.root == nil {
		r, err := os.OpenRoot(d.path)
		if err != nil {
			return nil, &Error{Kind: KindIO, Err: err}
		}
		d.root = r
	}
	return d.root, nil
}

// Close releases the folder; a later use opens it again.
func (d *Dir) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.root == nil {
		return nil
	}
	err := d.root.Close()
	d.root = nil
	return err
}

// Info is what the platforms' Stats report of a file or directory.
type Info struct {
	Dir                bool
	Size               int64
	Perm               fs.FileMode
	Modified, Accessed time.Time
}

// Mode is the POSIX st_mode: the type bits and the permissions.
func (i Info) Mode() uint32 {
	const ifDir, ifReg = 0o040000, 0o100000
	if i.Dir {
		return ifDir | uint32(i.Perm)
	}
	return ifReg | uint32(i.Perm)
}

func infoOf(fi fs.FileInfo) Info {
	return Info{Dir: fi.IsDir(), Size: fi.Size(), Perm: fi.Mode().Perm(), Modified: fi.ModTime(), Accessed: accessTime(fi)}
}

// Stat describes name, following symbolic links inside the folder.
func (d *Dir) Stat(name string) (Info, error) {
	r, err := d.open()
	if err != nil {
		return Info{}, err
	}
	fi, err := r.Stat(name)
	if err != nil {
		return Info{}, classify(err)
	}
	return infoOf(fi), nil
}

// Entry is one file or directory found by Walk: its path below the walked
// one ("/" for the walked directory itself, then "/a", "/a/b.txt").
type Entry struct {
	Path string
	Info Info
}

// Walk describes name and, when it is a directory, everything below it,
// parents before children, each directory's entries in name order.
// Symbolic links below name are described themselves, never followed.
func (d *Dir) Walk(name string) ([]Entry, error) {
	top, err := d.Stat(name)
	if err != nil {
		return nil, err
	}
	out := []Entry{{Path: "/", Info: top}}
	if !top.Dir {
		return out, nil
	}
	r, _ := d.open()
	err = fs.WalkDir(r.FS(), name, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == name {
			return nil
		}
		fi, err := e.Info()
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, name)
		if name == "." {
			rel = "/" + p
		}
		out = append(out, Entry{Path: rel, Info: infoOf(fi)})
		return nil
	})
	return out, classify(err)
}

// RealPath is the real file behind name, for readers outside this package
// (image decoders): symbolic links are resolved and the result must still
// be inside the folder. A link swapped after this returns is the caller's
// race; the file APIs themselves never use real paths.
func (d *Dir) RealPath(name string) (string, error) {
	// Through the root first, so a link out is refused before anything
	// outside is looked at.
	if _, err := d.Stat(name); err != nil {
		return "", err
	}
	base, err := filepath.EvalSymlinks(d.path)
	if err != nil {
		return "", classify(err)
	}
	real, err := filepath.EvalSymlinks(filepath.Join(base, filepath.FromSlash(path.Clean(name))))
	if err != nil {
		return "", classify(err)
	}
	rel, err := filepath.Rel(base, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", errOutside
	}
	return real, nil
}
