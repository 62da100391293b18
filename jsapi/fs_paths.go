package jsapi

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gamefs"
)

// The platforms' user data paths (wx.env / tt.env.USER_DATA_PATH), WeChat's
// saved file prefix, and the storage both give a game: 200 MB for the user
// data and saved files together.
const (
	wxUserDataPath  = "wxfile://usr"
	ttUserDataPath  = "ttfile://user"
	wxSavedPrefix   = "wxfile://store_"
	userDataLimit   = 200 << 20
	userDataSubdir  = "usr"   // USER_DATA_PATH below Host.UserDataDir
	savedFileSubdir = "store" // WeChat's saved files below it
)

// place is which of the game's folders a path is in.
type place int

const (
	inPackage place = iota // the game's own files: read-only
	inUser                 // USER_DATA_PATH: read-write
	inSaved                // WeChat's saved files: read, or removeSavedFile
	inTemp                 // temp files the APIs hand out: read-only
)

// location is a platform path resolved to its folder and the name there.
type location struct {
	path  string // as the game wrote it
	place place
	dir   *gamefs.Dir
	name  string
}

// fileSystem is the folders behind one API's file methods. The user data
// folders are opened on first use; async work runs one call at a time in
// call order (queue is the last queued call's end).
type fileSystem struct {
	pkg          *gamefs.Dir
	user, saved  *gamefs.Dir
	limit        int64
	temp         *gamefs.Dir
	queue        chan struct{}
	manager      *goja.Object // the FileSystemManager, one per API
	nextSaveName int
}

func newFileSystem(root string) *fileSystem {
	return &fileSystem{pkg: gamefs.NewDir(root), limit: userDataLimit}
}

func (f *fileSystem) close() {
	for _, d := range []*gamefs.Dir{f.pkg, f.user, f.saved, f.temp} {
		if d != nil {
			d.Close()
		}
	}
}

// userDataPath is USER_DATA_PATH.
func (a *API) userDataPath() string {
	if a.platform == "tiktok" {
		return ttUserDataPath
	}
	return wxUserDataPath
}

// userDirs opens the player's folders on first use (on the loop: the host
// is not called from other goroutines).
func (a *API) userDirs() error {
	fsys := a.files
	if fsys.user != nil {
		return nil
	}
	base, err := a.host.UserDataDir()
	if err == nil {
		err = os.MkdirAll(filepath.Join(base, userDataSubdir), 0o755)
	}
	if err != nil {
		return &gamefs.Error{Kind: gamefs.KindIO, Err: fmt.Errorf("the user data folder cannot be opened: %v", err)}
	}
	fsys.user = gamefs.NewDir(filepath.Join(base, userDataSubdir))
	fsys.saved = gamefs.NewDir(filepath.Join(base, savedFileSubdir))
	counted := []*gamefs.Dir{fsys.user}
	if a.platform == "wechat" { // TikTok saves files into the user folder
		counted = append(counted, fsys.saved)
	}
	gamefs.NewQuota(fsys.limit, counted...) // their writes count against it
	return nil
}

// locate resolves a platform path: USER_DATA_PATH and below, WeChat's
// saved files, the temp files handed out, or (no scheme) the game package,
// where "a/b" and "/a/b" both start at the game's root. Any other scheme,
// and any name leaving its folder, is refused as permission denied.
func (a *API) locate(p string) (location, error) {
	loc := location{path: p}
	var err error
	user := a.userDataPath()
	switch {
	case p == user || strings.HasPrefix(p, user+"/"):
		if err := a.userDirs(); err != nil {
			return loc, err
		}
		loc.place, loc.dir = inUser, a.files.user
		loc.name, err = gamefs.Clean(strings.TrimPrefix(p, user))
	case a.platform == "wechat" && strings.HasPrefix(p, wxSavedPrefix):
		if err := a.userDirs(); err != nil {
			return loc, err
		}
		loc.place, loc.dir = inSaved, a.files.saved
		loc.name, err = savedName(strings.TrimPrefix(p, wxSavedPrefix))
	case a.temp.owns(p):
		real, ok := a.temp.file(p)
		if !ok {
			return loc, &gamefs.Error{Kind: gamefs.KindNotExist, Err: fmt.Errorf("%s is not a temp file of this run", p)}
		}
		loc.place, loc.dir, loc.name = inTemp, a.tempDir(filepath.Dir(real)), filepath.Base(real)
	case strings.Contains(p, "://"):
		return loc, &gamefs.Error{Kind: gamefs.KindPermission, Err: fmt.Errorf("%s is not a path the game may use", p)}
	default:
		loc.place, loc.dir = inPackage, a.files.pkg
		loc.name, err = gamefs.Clean(p)
	}
	return loc, err
}

// savedName is a saved file's name: one plain name in the saved folder.
func savedName(s string) (string, error) {
	name, err := gamefs.Clean(s)
	if err == nil && (name == "." || strings.Contains(name, "/") || strings.ContainsAny(s, "/\\")) {
		err = &gamefs.Error{Kind: gamefs.KindPermission, Err: fmt.Errorf("%q is not a saved file name", s)}
	}
	return name, err
}

// isUserFilePath reports whether p is in the user data or, on WeChat, a
// saved file: the paths only the file system knows.
func (a *API) isUserFilePath(p string) bool {
	user := a.userDataPath()
	return p == user || strings.HasPrefix(p, user+"/") || a.platform == "wechat" && strings.HasPrefix(p, wxSavedPrefix)
}

// tempDir is the folder of the temp files (one per run).
func (a *API) tempDir(dir string) *gamefs.Dir {
	fsys := a.files
	if fsys.temp == nil || fsys.temp.Path() != dir {
		if fsys.temp != nil {
			fsys.temp.Close()
		}
		fsys.temp = gamefs.NewDir(dir)
	}
	return fsys.temp
}

// access is what a method may do with a path.
type access int

const (
	toRead access = iota
	toWrite
)

// locateFor resolves p for method and checks the platform lets method
// read or write there: only the user data is writable; TikTok lets only
// access and readFile into the game package.
func (a *API) locateFor(method, p string, want access) (location, error) {
	loc, err := a.locate(p)
	if err != nil {
		return loc, failOn(err, p)
	}
	denied := want == toWrite && loc.place != inUser ||
		a.platform == "tiktok" && loc.place == inPackage && method != "access" && method != "readFile"
	if denied {
		return loc, &fsFail{kind: gamefs.KindPermission, paths: []string{p}}
	}
	return loc, nil
}

// readablePath resolves a platform path the game may read (the game
// package, a temp file, user data, a saved file) to the real file, for
// APIs that hand it to readers outside gamefs (image decoding). Symbolic
// links are resolved and must stay inside their folder.
func (a *API) readablePath(p string) (string, error) {
	loc, err := a.locate(p)
	if err != nil {
		return "", err
	}
	return loc.realPath()
}

// isLocalPath reports whether p names one of the game's files (the game
// package, a temp file, user data, a saved file) rather than a URL: the
// paths locate resolves instead of refusing their scheme.
func (a *API) isLocalPath(p string) bool {
	return a.temp.owns(p) || a.isUserFilePath(p) || !strings.Contains(p, "://")
}

// realPath is readablePath's check for a path already located: the real
// file, its links resolved and inside its folder. It stats, so readers
// that work off the loop call it there (gamefs.Dir is safe for that).
func (l location) realPath() (string, error) { return l.dir.RealPath(l.name) }

// file is where the location's file is by name, its links not resolved.
func (l location) file() string { return filepath.Join(l.dir.Path(), filepath.FromSlash(l.name)) }
