package gamefs

import (
	"errors"
	"io"
	"os"
	"path"
	"sort"
	"strings"
)

// ReadDir lists the names in directory name, sorted.
func (d *Dir) ReadDir(name string) ([]string, error) {
	r, err := d.open()
	if err != nil {
		return nil, err
	}
	f, err := r.Open(name)
	if err != nil {
		return nil, classify(err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.IsDir() {
		if err != nil {
			return nil, classify(err)
		}
		return nil, fail(KindNotDir, "%s is not a directory", name)
	}
	names, err := f.Readdirnames(-1)
	if err != nil {
		return nil, classify(err)
	}
	sort.Strings(names)
	return names, nil
}

// Mkdir creates directory name; recursive creates its missing parents
// too. An existing name fails even then, as on the platforms.
func (d *Dir) Mkdir(name string, recursive bool) error {
	r, err := d.open()
	if err != nil {
		return err
	}
	if name == "." {
		return fail(KindExist, "the folder itself exists")
	}
	if _, err := r.Lstat(name); err == nil {
		return fail(KindExist, "%s exists", name)
	}
	if !recursive {
		if err := parentDir(r, name); err != nil {
			return err
		}
		return classify(r.Mkdir(name, 0o755))
	}
	return mkdirAll(r, name)
}

// mkdirAll creates name and its missing parents, failing on a file in
// the way.
func mkdirAll(r *os.Root, name string) error {
	if name == "." {
		return nil
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, err := r.Stat(p)
		switch {
		case err == nil && !fi.IsDir():
			return fail(KindNotDir, "%s is not a directory", p)
		case err == nil:
		case KindOf(err) == KindNotExist:
			if err := r.Mkdir(p, 0o755); err != nil && KindOf(err) != KindExist {
				return classify(err)
			}
		default:
			return classify(err)
		}
	}
	return nil
}

// Rmdir removes directory name: only when it is empty, unless recursive.
// The folder itself cannot go.
func (d *Dir) Rmdir(name string, recursive bool) error {
	r, err := d.open()
	if err != nil {
		return err
	}
	if name == "." {
		return fail(KindPermission, "the folder itself cannot be removed")
	}
	fi, err := r.Lstat(name)
	if err != nil {
		return classify(err)
	}
	if !fi.IsDir() {
		return fail(KindNotDir, "%s is not a directory", name)
	}
	if recursive {
		return d.quota.change(func() (int64, error) {
			size, err := treeSize(r, name)
			if err != nil {
				return 0, err
			}
			return changed(-size, classify(r.RemoveAll(name)))
		})
	}
	f, err := r.Open(name)
	if err != nil {
		return classify(err)
	}
	names, err := f.Readdirnames(1)
	f.Close()
	if len(names) > 0 {
		return fail(KindNotEmpty, "%s is not empty", name)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return classify(err)
	}
	return classify(r.Remove(name))
}

// Unlink removes file name (a symbolic link itself, never its target).
func (d *Dir) Unlink(name string) error {
	r, err := d.open()
	if err != nil {
		return err
	}
	if name == "." {
		return fail(KindIsDir, "the folder itself is a directory")
	}
	return d.quota.change(func() (int64, error) {
		fi, err := r.Lstat(name)
		if err != nil {
			return 0, classify(err)
		}
		if fi.IsDir() {
			return 0, fail(KindIsDir, "%s is a directory", name)
		}
		if err := r.Remove(name); err != nil {
			return 0, classify(err)
		}
		return -regularSize(fi), nil
	})
}

// regularSize is what a file counts for under a Quota: a regular file's
// size; nothing for a directory or a symbolic link.
func regularSize(fi os.FileInfo) int64 {
	if !fi.Mode().IsRegular() {
		return 0
	}
	return fi.Size()
}

// Rename moves oldName to newName, replacing a file there; newName's
// directory must exist.
func (d *Dir) Rename(oldName, newName string) error {
	r, err := d.open()
	if err != nil {
		return err
	}
	if oldName == "." || newName == "." {
		return fail(KindPermission, "the folder itself cannot be renamed or replaced")
	}
	from, err := r.Lstat(oldName)
	if err != nil {
		return classify(err)
	}
	if err := parentDir(r, newName); err != nil {
		return err
	}
	if to, err := r.Lstat(newName); err == nil {
		switch {
		case to.IsDir() && !from.IsDir():
			return fail(KindIsDir, "%s is a directory", newName)
		case !to.IsDir() && from.IsDir():
			return fail(KindNotDir, "%s is not a directory", newName)
		}
	}
	if from.IsDir() && (newName == oldName || strings.HasPrefix(newName, oldName+"/")) {
		return fail(KindPermission, "a directory cannot move into itself")
	}
	return d.quota.change(func() (int64, error) {
		var replaced int64 // a file at newName goes
		if to, err := r.Lstat(newName); err == nil && !os.SameFile(from, to) {
			replaced = regularSize(to)
		}
		if err := r.Rename(oldName, newName); err != nil {
			return 0, classify(err)
		}
		return -replaced, nil
	})
}

// Exists reports whether name is there (for callers choosing a new name).
func (d *Dir) Exists(name string) bool {
	r, err := d.open()
	if err != nil {
		return false
	}
	_, err = r.Lstat(path.Clean(name))
	return err == nil
}
