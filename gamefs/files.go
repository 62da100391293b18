package gamefs

import (
	"hash"
	"io"
	"os"
	"path"
)

// Unbounded is a ReadFile position or length that was not given.
const Unbounded = -1

// ReadFile reads name, or length bytes of it from position (each may be
// Unbounded). As the platforms document, a position must lie inside the
// file and a length must be at least 1 and end inside it.
func (d *Dir) ReadFile(name string, position, length int64) ([]byte, error) {
	r, err := d.open()
	if err != nil {
		return nil, err
	}
	f, fi, err := openFile(r, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := fi.Size()
	start, n := int64(0), size
	if position != Unbounded {
		if position < 0 || position >= size {
			return nil, fail(KindInvalid, "value of position is out of range")
		}
		start, n = position, size-position
	}
	if length != Unbounded {
		if length < 1 || start+length > size {
			return nil, fail(KindInvalid, "value of length is out of range")
		}
		n = length
	}
	buf := make([]byte, n)
	got, err := io.ReadFull(io.NewSectionReader(f, start, n), buf)
	if err == io.ErrUnexpectedEOF { // the file shrank meanwhile
		err = nil
	}
	return buf[:got], classify(err)
}

// Digest feeds the file name to h and returns its size.
func (d *Dir) Digest(name string, h hash.Hash) (int64, error) {
	r, err := d.open()
	if err != nil {
		return 0, err
	}
	f, _, err := openFile(r, name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, err := io.Copy(h, f)
	return n, classify(err)
}

// openFile opens a regular file for reading.
func openFile(r *os.Root, name string) (*os.File, os.FileInfo, error) {
	f, err := r.Open(name)
	if err != nil {
		return nil, nil, classify(err)
	}
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		err = fail(KindIsDir, "%s is a directory", name)
	}
	if err != nil {
		f.Close()
		return nil, nil, classify(err)
	}
	return f, fi, nil
}

// WriteFile writes data to name, replacing it or, with appending, adding
// to its end. The file's directory must exist, and the file itself when
// appending (as the platforms document appendFile).
func (d *Dir) WriteFile(name string, data []byte, appending bool) error {
	r, err := d.open()
	if err != nil {
		return err
	}
	return d.quota.grow(func(room int64) (int64, error) {
		old, err := fileSize(r, name)
		if err != nil {
			return 0, err
		}
		if appending {
			if _, err := r.Stat(name); err != nil {
				return 0, classify(err)
			}
		}
		grow := int64(len(data))
		if !appending {
			grow -= old
		}
		if grow > room {
			return 0, errFull
		}
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if appending {
			flags = os.O_WRONLY | os.O_APPEND
		}
		f, err := r.OpenFile(name, flags, 0o644)
		if err != nil {
			return 0, classify(err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return changed(grow, classify(err))
	})
}

// fileSize is the size of the file name is about to become: 0 when it is
// new (its directory must then exist), an error for a directory.
func fileSize(r *os.Root, name string) (int64, error) {
	if name == "." {
		return 0, fail(KindIsDir, "the folder itself is a directory")
	}
	fi, err := r.Stat(name)
	switch {
	case err == nil && fi.IsDir():
		return 0, fail(KindIsDir, "%s is a directory", name)
	case err == nil:
		return fi.Size(), nil
	case KindOf(err) != KindNotExist:
		return 0, classify(err)
	}
	return 0, parentDir(r, name)
}

// parentDir checks that name's directory exists.
func parentDir(r *os.Root, name string) error {
	fi, err := r.Stat(path.Dir(name))
	switch {
	case err != nil:
		return classify(err)
	case !fi.IsDir():
		return fail(KindNotDir, "%s is not a directory", path.Dir(name))
	}
	return nil
}

// Truncate cuts name to length bytes, or extends it with zeros.
func (d *Dir) Truncate(name string, length int64) error {
	r, err := d.open()
	if err != nil {
		return err
	}
	return d.quota.grow(func(room int64) (int64, error) {
		f, err := r.OpenFile(name, os.O_WRONLY, 0)
		if err != nil {
			if KindOf(err) == KindIO { // EISDIR from opening a directory to write
				if fi, serr := r.Stat(name); serr == nil && fi.IsDir() {
					return 0, fail(KindIsDir, "%s is a directory", name)
				}
			}
			return 0, classify(err)
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return 0, classify(err)
		}
		grow := length - fi.Size()
		if grow > room {
			return 0, errFull
		}
		return changed(grow, classify(f.Truncate(length)))
	})
}

// Copy copies the regular file srcName of src to dstName of dst, replacing
// a file there; dstName's directory must exist.
func Copy(src *Dir, srcName string, dst *Dir, dstName string) error {
	in, fi, dr, err := openTransfer(src, srcName, dst)
	if err != nil {
		return err
	}
	defer in.Close()
	return dst.quota.grow(func(room int64) (int64, error) {
		old, err := fileSize(dr, dstName)
		if err != nil {
			return 0, err
		}
		if dfi, err := dr.Stat(dstName); err == nil && os.SameFile(fi, dfi) {
			return 0, nil // truncating the destination would empty the source
		}
		if fi.Size()-old > room {
			return 0, errFull
		}
		out, err := dr.OpenFile(dstName, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return 0, classify(err)
		}
		n, err := io.Copy(out, io.LimitReader(in, fi.Size())) // less if the source shrank
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		return changed(n-old, classify(err))
	})
}

// openTransfer opens the regular file srcName of src for reading and
// dst's folder to write into, as Copy and Unzip need.
func openTransfer(src *Dir, srcName string, dst *Dir) (*os.File, os.FileInfo, *os.Root, error) {
	sr, err := src.open()
	if err != nil {
		return nil, nil, nil, err
	}
	dr, err := dst.open()
	if err != nil {
		return nil, nil, nil, err
	}
	in, fi, err := openFile(sr, srcName)
	if err != nil {
		return nil, nil, nil, err
	}
	return in, fi, dr, nil
}

// Move moves a file between folders (a rename inside one folder).
func Move(src *Dir, srcName string, dst *Dir, dstName string) error {
	if src == dst {
		return src.Rename(srcName, dstName)
	}
	if err := Copy(src, srcName, dst, dstName); err != nil {
		return err
	}
	return src.Unlink(srcName)
}
