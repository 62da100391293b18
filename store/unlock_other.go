//go:build windows || plan9 || solaris || aix || android

package store

import "os"

// releaseFile closes f, which releases bbolt's lock on it (on Windows,
// LockFileEx locks go with the handle; the mapping does not keep them).
func releaseFile(f *os.File) {
	_ = f.Close()
}
