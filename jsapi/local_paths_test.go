package jsapi

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/minisim/minisim/domains"
)

// userDataHost is a Host with only a user data folder.
type userDataHost struct {
	Host
	dir string
}

func (h userDataHost) UserDataDir() (string, error) { return h.dir, nil }

func writeTestFile(t *testing.T, name string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	real, err := filepath.EvalSymlinks(name)
	if err != nil {
		t.Fatal(err)
	}
	return real
}

// Images and sounds find the game package, temp and user files where the
// file methods do, and a package file is recorded for hot reload.
func TestImageAndAudioPathsResolveTheGameFiles(t *testing.T) {
	root, data, outside := t.TempDir(), t.TempDir(), t.TempDir()
	d, err := domains.New(domains.Options{Root: root, Clock: clockAt{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	a := &API{loop: d, host: userDataHost{dir: data}, platform: "wechat", domain: MainDomain,
		temp: newTempFiles("wechat"), files: newFileSystem(root)}
	t.Cleanup(a.temp.Cleanup)
	t.Cleanup(a.files.close)
	tmp, tmpFile, err := a.temp.create(".png")
	if err != nil {
		t.Fatal(err)
	}
	pkgFile := writeTestFile(t, filepath.Join(root, "img", "a.png"))
	for _, c := range []struct{ src, file, rel string }{
		{"img/a.png", pkgFile, "img/a.png"},
		{"/img/a.png", pkgFile, "img/a.png"},
		{tmp, writeTestFile(t, tmpFile), ""},
		{"wxfile://usr/u.png", writeTestFile(t, filepath.Join(data, userDataSubdir, "u.png")), ""},
	} {
		s, err := a.resolveAudioSrc(c.src)
		if err == nil {
			s, err = s.located()
		}
		if err != nil || s.file != c.file || s.rel != c.rel {
			t.Errorf("audio %q: %+v, %v; want file %q rel %q", c.src, s, err, c.file, c.rel)
		}
		a.assets = nil
		loc, err := a.locateImage(c.src)
		file := ""
		if err == nil {
			file, err = loc.realPath()
		}
		wantAssets := []string{c.rel}
		if c.rel == "" {
			wantAssets = nil
		}
		if err != nil || file != c.file || !slices.Equal(a.assets, wantAssets) {
			t.Errorf("image %q: %q, %v, assets %q; want %q, %q", c.src, file, err, a.assets, c.file, wantAssets)
		}
	}

	// A link in the game folder to a file outside it is refused, as the
	// file methods refuse it.
	if err := os.Symlink(writeTestFile(t, filepath.Join(outside, "secret.png")), filepath.Join(root, "link.png")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if s, err := a.resolveAudioSrc("link.png"); err != nil {
		t.Errorf("audio link: %v", err)
	} else if _, err := s.located(); err == nil {
		t.Error("audio: a link out of the game folder was followed")
	}
	if loc, err := a.locateImage("link.png"); err != nil {
		t.Errorf("image link: %v", err)
	} else if _, err := readLocatedImage(loc); err == nil {
		t.Error("image: a link out of the game folder was followed")
	}
}
