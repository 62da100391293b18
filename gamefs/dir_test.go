package gamefs

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// folders makes a folder to serve and one beside it holding a secret.
func folders(t *testing.T) (dir *Dir, root, outside string) {
	t.Helper()
	base := t.TempDir()
	root, outside = filepath.Join(base, "root"), filepath.Join(base, "outside")
	for _, d := range []string{root, outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir = NewDir(root)
	t.Cleanup(func() { dir.Close() })
	return dir, root, outside
}

func wantKind(t *testing.T, what string, err error, k Kind) {
	t.Helper()
	if err == nil || KindOf(err) != k {
		t.Errorf("%s: %v (kind %d), want kind %d", what, err, KindOf(err), k)
	}
}

func TestDirOperations(t *testing.T) {
	d, root, _ := folders(t)
	if err := d.WriteFile("a.txt", []byte("hello"), false); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a.txt", []byte("!"), true); err != nil {
		t.Fatal(err)
	}
	if b, err := d.ReadFile("a.txt", 1, 3); err != nil || string(b) != "ell" {
		t.Errorf("ReadFile range: %q %v", b, err)
	}
	if b, err := d.ReadFile("a.txt", Unbounded, Unbounded); err != nil || string(b) != "hello!" {
		t.Errorf("ReadFile: %q %v", b, err)
	}
	_, err := d.ReadFile("a.txt", 6, Unbounded)
	wantKind(t, "position past the end", err, KindInvalid)
	_, err = d.ReadFile("a.txt", 0, 0)
	wantKind(t, "length 0", err, KindInvalid)
	wantKind(t, "write without a directory", d.WriteFile("no/a.txt", nil, false), KindNotExist)
	wantKind(t, "write under a file", d.WriteFile("a.txt/b", nil, false), KindNotDir)
	wantKind(t, "mkdir without parent", d.Mkdir("x/y", false), KindNotExist)
	if err := d.Mkdir("x/y", true); err != nil {
		t.Fatal(err)
	}
	wantKind(t, "mkdir existing", d.Mkdir("x/y", true), KindExist)
	wantKind(t, "mkdir under a file", d.Mkdir("a.txt/y", true), KindNotDir)
	if err := Copy(d, "a.txt", d, "x/y/b.txt"); err != nil {
		t.Fatal(err)
	}
	if err := Copy(d, "a.txt", d, "a.txt"); err != nil {
		t.Errorf("copy onto itself: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "a.txt")); string(b) != "hello!" {
		t.Errorf("copying a file onto itself changed it: %q", b)
	}
	wantKind(t, "copy a directory", Copy(d, "x", d, "z"), KindIsDir)
	wantKind(t, "rmdir non-empty", d.Rmdir("x", false), KindNotEmpty)
	wantKind(t, "rmdir a file", d.Rmdir("a.txt", false), KindNotDir)
	wantKind(t, "rmdir the folder", d.Rmdir(".", true), KindPermission)
	wantKind(t, "unlink a directory", d.Unlink("x"), KindIsDir)
	wantKind(t, "rename into itself", d.Rename("x", "x/y/x"), KindPermission)
	if err := d.Rename("x/y/b.txt", "b.txt"); err != nil {
		t.Fatal(err)
	}
	entries, err := d.Walk(".")
	var paths []string
	for _, e := range entries {
		paths = append(paths, e.Path)
	}
	if err != nil || strings.Join(paths, " ") != "/ /a.txt /b.txt /x /x/y" {
		t.Errorf("Walk: %v %v", paths, err)
	}
	if names, err := d.ReadDir("."); err != nil || strings.Join(names, ",") != "a.txt,b.txt,x" {
		t.Errorf("ReadDir: %v %v", names, err)
	}
	if err := d.Truncate("a.txt", 2); err != nil {
		t.Fatal(err)
	}
	wantKind(t, "truncate a directory", d.Truncate("x", 0), KindIsDir)
	if err := d.Rmdir("x", true); err != nil {
		t.Fatal(err)
	}
	if err := d.Unlink("b.txt"); err != nil {
		t.Fatal(err)
	}
	if names, _ := d.ReadDir("."); strings.Join(names, ",") != "a.txt" {
		t.Errorf("left: %v", names)
	}
	if i, err := d.Stat("a.txt"); err != nil || i.Size != 2 || i.Dir || i.Mode()&0o170000 != 0o100000 {
		t.Errorf("Stat: %+v %v", i, err)
	}
}

func TestSymlinksStayInTheirFolder(t *testing.T) {
	d, root, outside := folders(t)
	os.WriteFile(filepath.Join(root, "mine"), []byte("mine"), 0o644)
	for link, target := range map[string]string{
		"out": filepath.Join("..", "outside"), "abs": filepath.Join(outside, "secret"), "in": "mine",
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	if b, err := d.ReadFile("in", Unbounded, Unbounded); err != nil || string(b) != "mine" {
		t.Errorf("a link inside the folder: %q %v", b, err)
	}
	for _, name := range []string{"out/secret", "abs"} {
		_, err := d.ReadFile(name, Unbounded, Unbounded)
		wantKind(t, "read "+name, err, KindPermission)
		wantKind(t, "write "+name, d.WriteFile(name, []byte("x"), false), KindPermission)
		_, err = d.RealPath(name)
		wantKind(t, "real path of "+name, err, KindPermission)
	}
	wantKind(t, "mkdir through a link", d.Mkdir("out/new", true), KindPermission)
	wantKind(t, "rmdir a link", d.Rmdir("out", true), KindNotDir)
	if err := d.Unlink("out"); err != nil {
		t.Errorf("removing the link itself: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(outside, "secret")); err != nil || string(b) != "secret" {
		t.Errorf("the outside changed: %q %v", b, err)
	}
	if real, err := d.RealPath("in"); err != nil || filepath.Base(real) != "mine" {
		t.Errorf("RealPath(in) = %q %v", real, err)
	}
}

func TestQuotaCountsSharedFolders(t *testing.T) {
	a, _, _ := folders(t)
	b, _, _ := folders(t)
	q := NewQuota(100, a, b, NewDir(filepath.Join(t.TempDir(), "not-yet")))
	if err := a.WriteFile("f", make([]byte, 60), false); err != nil {
		t.Fatal(err)
	}
	wantKind(t, "the other folder over the limit", b.WriteFile("g", make([]byte, 41), false), KindFull)
	if err := b.WriteFile("g", make([]byte, 40), false); err != nil {
		t.Errorf("up to the limit: %v", err)
	}
	if err := a.WriteFile("f", make([]byte, 50), false); err != nil {
		t.Errorf("replacing with less: %v", err)
	}
	if used, err := q.Used(); err != nil || used != 90 {
		t.Errorf("Used = %d %v", used, err)
	}
}

func zipOf(t *testing.T, entries map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return b.Bytes()
}

func TestUnzipRefusesEntriesLeavingTheTarget(t *testing.T) {
	d, root, outside := folders(t)
	for _, bad := range []string{"../x", "a/../../x", "/x", "\\x", "..\\x", "C:\\x", "C:/x"} {
		os.WriteFile(filepath.Join(root, "bad.zip"), zipOf(t, map[string]string{"ok": "ok", bad: "bad"}), 0o644)
		wantKind(t, "entry "+bad, Unzip(d, "bad.zip", d, "t"), KindPermission)
		if _, err := os.Stat(filepath.Join(root, "t")); err == nil {
			t.Errorf("entry %q: the target was written before the check", bad)
		}
	}
	os.WriteFile(filepath.Join(root, "good.zip"), zipOf(t, map[string]string{"a/b.txt": "b", "c.txt": "c"}), 0o644)
	if err := Unzip(d, "good.zip", d, "t"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "t", "a", "b.txt")); string(b) != "b" {
		t.Errorf("extracted %q", b)
	}
	NewQuota(1, d)
	wantKind(t, "over the limit", Unzip(d, "good.zip", d, "u"), KindFull)
	if names, _ := os.ReadDir(outside); len(names) != 1 {
		t.Errorf("the outside changed: %v", names)
	}
}
