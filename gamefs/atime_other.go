//go:build !linux

package gamefs

import (
	"io/fs"
	"time"
)

// accessTime is the modification time where the access time is not read
// portably; the platforms' lastAccessedTime is informational anyway.
func accessTime(fi fs.FileInfo) time.Time { return fi.ModTime() }
