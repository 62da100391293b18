package gamefs

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
)

// walked is what a fresh walk of the folders counts.
func walked(t *testing.T, dirs ...*Dir) int64 {
	t.Helper()
	var n int64
	for _, d := range dirs {
		r, err := d.open()
		if err != nil {
			t.Fatal(err)
		}
		size, err := treeSize(r, ".")
		if err != nil {
			t.Fatal(err)
		}
		n += size
	}
	return n
}

// wantKept checks that the kept total is still what a walk counts.
func wantKept(t *testing.T, what string, q *Quota, dirs ...*Dir) {
	t.Helper()
	used, err := q.Used()
	if want := walked(t, dirs...); err != nil || used != want {
		t.Errorf("after %s: kept %d bytes (%v), a walk counts %d", what, used, err, want)
	}
}

func TestEveryWriterKeepsTheCount(t *testing.T) {
	user, _, _ := folders(t)
	saved, _, _ := folders(t)
	temp, tempRoot, _ := folders(t) // not counted
	q := NewQuota(1<<20, user, saved)
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		wantKept(t, what, q, user, saved)
	}
	must("write", user.WriteFile("a", make([]byte, 100), false))
	must("replace with less", user.WriteFile("a", make([]byte, 30), false))
	must("append", user.WriteFile("a", make([]byte, 12), true))
	must("mkdir", user.Mkdir("d/e", true))
	must("copy", Copy(user, "a", user, "d/e/b"))
	must("copy over", Copy(user, "d/e/b", user, "a"))
	must("truncate to grow", user.Truncate("a", 500))
	must("truncate to shrink", user.Truncate("a", 7))
	must("rename over a file", user.Rename("d/e/b", "a"))
	must("rename onto itself", user.Rename("a", "a"))
	must("copy to the other folder", Copy(user, "a", saved, "s"))
	os.WriteFile(filepath.Join(tempRoot, "t"), make([]byte, 64), 0o644)
	must("move in from an uncounted folder", Move(temp, "t", saved, "t"))
	must("move between counted folders", Move(saved, "t", user, "d/t"))
	must("unlink", saved.Unlink("s"))
	os.WriteFile(filepath.Join(tempRoot, "z.zip"), zipOf(t, map[string]string{"x/1": "one", "2": "two!"}), 0o644)
	must("unzip", Unzip(temp, "z.zip", user, "u"))
	must("unzip over its own files", Unzip(temp, "z.zip", user, "u"))
	must("rmdir", user.Rmdir("d", true))
	wantKind(t, "unlink a missing file", user.Unlink("none"), KindNotExist)
	if !q.known {
		t.Error("a failure that changed nothing dropped the count")
	}
}

func TestTheLimitIsExact(t *testing.T) {
	d, _, _ := folders(t)
	NewQuota(100, d)
	if err := d.WriteFile("a", make([]byte, 60), false); err != nil {
		t.Fatal(err)
	}
	wantKind(t, "one byte over", d.WriteFile("b", make([]byte, 41), false), KindFull)
	wantKind(t, "append one byte over", d.WriteFile("a", make([]byte, 41), true), KindFull)
	wantKind(t, "truncate one byte over", d.Truncate("a", 101), KindFull)
	if err := d.Truncate("a", 100); err != nil {
		t.Fatalf("truncate up to the limit: %v", err)
	}
	wantKind(t, "copy over the limit", Copy(d, "a", d, "c"), KindFull)
	if err := d.Unlink("a"); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("b", make([]byte, 100), false); err != nil {
		t.Errorf("the whole limit after a removal: %v", err)
	}
}

func TestTruncateGrowsWithZeros(t *testing.T) {
	d, _, _ := folders(t)
	if err := d.WriteFile("a", []byte("ab"), false); err != nil {
		t.Fatal(err)
	}
	if err := d.Truncate("a", 5); err != nil {
		t.Fatal(err)
	}
	if b, err := d.ReadFile("a", Unbounded, Unbounded); err != nil || string(b) != "ab\x00\x00\x00" {
		t.Errorf("grown: %q %v", b, err)
	}
}

// A kept total that files removed behind its back make too high never
// refuses: the folders are walked again first.
func TestAStaleCountNeverRefuses(t *testing.T) {
	d, root, _ := folders(t)
	q := NewQuota(100, d)
	if err := d.WriteFile("a", make([]byte, 90), false); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(root, "a")) // another process, or the player
	if err := d.WriteFile("b", make([]byte, 100), false); err != nil {
		t.Fatalf("refused on a stale count: %v", err)
	}
	wantKept(t, "the write after the walk", q, d)
	// The walk a refusal makes sees files added behind its back too.
	os.WriteFile(filepath.Join(root, "c"), make([]byte, 50), 0o644)
	wantKind(t, "over the limit", d.WriteFile("d", make([]byte, 1), false), KindFull)
	wantKept(t, "the refusal", q, d)
}

// lyingZip holds one stored entry whose header says it is smaller than
// it is.
func lyingZip(t *testing.T) []byte {
	t.Helper()
	body := []byte("ten bytes!")
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "big", Method: zip.Store, CRC32: crc32.ChecksumIEEE(body),
		CompressedSize64: uint64(len(body)), UncompressedSize64: 3})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body)
	zw.Close()
	return b.Bytes()
}

func TestUnzipRefusesAnEntryLargerThanItsHeader(t *testing.T) {
	d, root, _ := folders(t)
	q := NewQuota(1<<20, d)
	os.WriteFile(filepath.Join(root, "lie.zip"), lyingZip(t), 0o644)
	wantKind(t, "a lying entry", Unzip(d, "lie.zip", d, "t"), KindInvalid)
	wantKept(t, "a failed unzip", q, d)
}

// BenchmarkQuota is one small write into a folder of 2,000 files under a
// quota ("write"), and the walk that every write made before the count
// was kept ("walk").
func BenchmarkQuota(b *testing.B) {
	root := b.TempDir()
	for i := range 2000 {
		if err := os.WriteFile(filepath.Join(root, fmt.Sprintf("f%04d", i)), make([]byte, 100), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	d := NewDir(root)
	defer d.Close()
	q := NewQuota(200<<20, d)
	data := []byte(`{"level":7}`)
	b.Run("write", func(b *testing.B) {
		for b.Loop() {
			if err := d.WriteFile("save.json", data, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("walk", func(b *testing.B) {
		for b.Loop() {
			q.known = false
			if _, err := q.Used(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
