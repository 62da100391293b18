package gamefs

import (
	"archive/zip"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"strings"
)

// Unzip extracts the zip file zipName of src into directory target of
// dst, creating target when its parent exists. Every entry is checked
// before anything is written: an entry that would land outside target
// (a "../" or absolute name) or that is a symbolic link refuses the whole
// archive.
func Unzip(src *Dir, zipName string, dst *Dir, target string) error {
	f, fi, dr, err := openTransfer(src, zipName, dst)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := zip.NewReader(f, fi.Size())
	if err != nil {
		return fail(KindInvalid, "not a zip file (%v)", err)
	}
	names := make([]string, len(zr.File))
	var total uint64
	for i, e := range zr.File {
		if names[i], err = entryName(target, e); err != nil {
			return err
		}
		total += e.UncompressedSize64
	}
	if err := targetDir(dr, target); err != nil {
		return err
	}
	return dst.quota.grow(func(room int64) (int64, error) {
		var freed int64
		for i, e := range zr.File {
			if old, err := dr.Stat(names[i]); err == nil && !old.IsDir() && !e.FileInfo().IsDir() {
				freed += old.Size()
			}
		}
		if int64(min(total, math.MaxInt64))-freed > room {
			return 0, errFull
		}
		var grew int64
		for i, e := range zr.File {
			n, err := extract(dr, names[i], e)
			if err != nil {
				return unsure, err
			}
			grew += n
		}
		return grew, nil
	})
}

// entryName is where entry e lands below target, or why it may not.
func entryName(target string, e *zip.File) (string, error) {
	n := strings.ReplaceAll(e.Name, "\\", "/")
	if strings.HasPrefix(n, "/") || e.Mode()&fs.ModeSymlink != 0 {
		return "", &Error{Kind: KindPermission, Err: errOutside.Err}
	}
	rel, err := Clean(n)
	if err != nil || rel == "." {
		return "", &Error{Kind: KindPermission, Err: errOutside.Err}
	}
	if target == "." {
		return rel, nil
	}
	return target + "/" + rel, nil
}

// targetDir makes sure the target directory is there.
func targetDir(r *os.Root, target string) error {
	fi, err := r.Stat(target)
	switch {
	case err == nil && !fi.IsDir():
		return fail(KindNotDir, "%s is not a directory", target)
	case err == nil:
		return nil
	case KindOf(err) != KindNotExist:
		return classify(err)
	}
	if err := parentDir(r, target); err != nil {
		return err
	}
	return classify(r.Mkdir(target, 0o755))
}

// extract writes one entry and returns how much the folder grew; a file
// that turns out larger than its header says (a lying archive) is refused.
func extract(r *os.Root, name string, e *zip.File) (int64, error) {
	if e.FileInfo().IsDir() {
		return 0, mkdirAll(r, name)
	}
	if err := mkdirAll(r, path.Dir(name)); err != nil {
		return 0, err
	}
	in, err := e.Open()
	if err != nil {
		return 0, fail(KindInvalid, "%s: %v", e.Name, err)
	}
	defer in.Close()
	var old int64 // the file it replaces
	if fi, err := r.Stat(name); err == nil {
		old = regularSize(fi)
	}
	out, err := r.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return 0, classify(err)
	}
	n, err := io.Copy(out, io.LimitReader(in, int64(e.UncompressedSize64)+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		return 0, fail(KindInvalid, "%s: %v", e.Name, err)
	case uint64(n) > e.UncompressedSize64:
		return 0, fail(KindInvalid, "%s is larger than the archive says", e.Name)
	}
	return n - old, nil
}
