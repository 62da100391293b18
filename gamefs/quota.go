package gamefs

import (
	"errors"
	"io/fs"
	"math"
	"sync"
)

// Quota is a storage limit that some folders share (on the platforms the
// user data and the saved files count together). Writes run one at a time
// under it, so two of them never both fit the same free space.
type Quota struct {
	limit int64
	dirs  []*Dir
	mu    sync.Mutex
}

// NewQuota limits the regular files in dirs to limit bytes in all.
func NewQuota(limit int64, dirs ...*Dir) *Quota { return &Quota{limit: limit, dirs: dirs} }

// Used is the bytes the folders' regular files take. A folder that does
// not exist yet takes none.
func (q *Quota) Used() (int64, error) {
	var n int64
	for _, d := range q.dirs {
		r, err := d.open()
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return 0, err
		}
		err = fs.WalkDir(r.FS(), ".", func(_ string, e fs.DirEntry, err error) error {
			if err != nil || !e.Type().IsRegular() {
				return err
			}
			fi, err := e.Info()
			if err == nil {
				n += fi.Size()
			}
			return err
		})
		if err != nil {
			return 0, classify(err)
		}
	}
	return n, nil
}

// do runs write with the room left under the limit; a nil Quota has no
// limit. write checks its own growth against room (errFull).
func (q *Quota) do(write func(room int64) error) error {
	if q == nil {
		return write(math.MaxInt64)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	used, err := q.Used()
	if err != nil {
		return err
	}
	return write(q.limit - used)
}

var errFull = &Error{Kind: KindFull, Err: errors.New("the storage limit is exceeded")}
