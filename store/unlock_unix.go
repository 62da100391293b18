//go:build !windows && !plan9 && !solaris && !aix && !android

package store

import (
	"os"
	"syscall"
)

// releaseFile drops bbolt's flock on f and closes it. The explicit unlock
// matters: a memory mapping of the file keeps its open file description,
// and with it the flock, alive after the descriptor is closed.
func releaseFile(f *os.File) {
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	_ = f.Close()
}
