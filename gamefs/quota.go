package gamefs

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"sync"
)

// Quota is a storage limit that some folders share (on the platforms the
// user data and the saved files count together). Writes run one at a time
// under it, so two of them never both fit the same free space.
//
// The bytes used are counted by a walk once, then kept up to date by every
// change this package makes to the folders. Files can also change behind
// its back (a second simulator on the same --data folder, a person editing
// the folder), so the kept total only ever lets a write through: one it
// would refuse counts the folders afresh first, and only the fresh count
// refuses. A write that files added elsewhere push over the limit can
// still pass, as it could when two processes raced before; on the
// platforms one game owns its folder.
type Quota struct {
	limit int64
	dirs  []*Dir

	mu    sync.Mutex
	used  int64
	known bool // used is counted
}

// unsure is the growth of a change that failed partway: the folders may
// have changed by any amount, so the next write counts them again.
const unsure = math.MinInt64

// NewQuota limits the regular files in dirs to limit bytes in all; from
// then on every change this package makes to dirs counts against it (a
// Dir belongs to one Quota at most).
func NewQuota(limit int64, dirs ...*Dir) *Quota {
	q := &Quota{limit: limit, dirs: dirs}
	for _, d := range dirs {
		d.quota = q
	}
	return q
}

// Used is the bytes the folders' regular files take, as kept.
func (q *Quota) Used() (int64, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	err := q.count()
	return q.used, err
}

// count walks the folders unless the total is known. A folder that does
// not exist yet takes nothing.
func (q *Quota) count() error {
	if q.known {
		return nil
	}
	var n int64
	for _, d := range q.dirs {
		r, err := d.open()
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		size, err := treeSize(r, ".")
		if err != nil {
			return err
		}
		n += size
	}
	q.used, q.known = n, true
	return nil
}

// treeSize is the bytes of the regular files at or below name (symbolic
// links are not followed, nor counted).
func treeSize(r *os.Root, name string) (int64, error) {
	var n int64
	err := fs.WalkDir(r.FS(), name, func(_ string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		fi, err := e.Info()
		if err == nil {
			n += fi.Size()
		}
		return err
	})
	return n, classify(err)
}

// grow runs write with the room left under the limit; write checks its
// own growth against room (errFull) and returns the bytes the folders
// grew by (negative when they shrank; unsure when it failed partway). A
// nil Quota has no limit.
func (q *Quota) grow(write func(room int64) (int64, error)) error {
	if q == nil {
		_, err := write(math.MaxInt64)
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	kept := q.known
	if err := q.count(); err != nil {
		return err
	}
	n, err := write(q.limit - q.used)
	if err == errFull && kept { // only a fresh count refuses
		q.known = false
		if err := q.count(); err != nil {
			return err
		}
		n, err = write(q.limit - q.used)
	}
	q.add(n)
	return err
}

// change runs an operation that cannot grow the folders (a removal, a
// rename) and keeps the total.
func (q *Quota) change(op func() (int64, error)) error {
	if q == nil {
		_, err := op()
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	n, err := op()
	q.add(n)
	return err
}

func (q *Quota) add(n int64) {
	switch {
	case n == unsure:
		q.known = false
	case q.known:
		q.used += n
	}
}

// changed is the growth n of a change, or unsure when err says it failed
// after the folders may have started changing.
func changed(n int64, err error) (int64, error) {
	if err != nil {
		return unsure, err
	}
	return n, nil
}

var errFull = &Error{Kind: KindFull, Err: errors.New("the storage limit is exceeded")}
