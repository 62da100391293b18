package store

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

var (
	local = Scope{App: "wx123", User: "alice", Namespace: NamespaceLocal}
	cloud = Scope{App: "wx123", User: "alice", Namespace: NamespaceCloud}
)

func open(t testing.TB, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustPut(t testing.TB, s *Store, sc Scope, k, v string) {
	t.Helper()
	if err := s.Put(sc, k, []byte(v)); err != nil {
		t.Fatalf("Put(%v, %q): %v", sc, k, err)
	}
}

func mustGet(t testing.TB, s *Store, sc Scope, k string) (string, bool) {
	t.Helper()
	v, ok, err := s.Get(sc, k)
	if err != nil {
		t.Fatalf("Get(%v, %q): %v", sc, k, err)
	}
	return string(v), ok
}

func mustKeys(t testing.TB, s *Store, sc Scope) []string {
	t.Helper()
	keys, err := s.Keys(sc)
	if err != nil {
		t.Fatalf("Keys(%v): %v", sc, err)
	}
	return keys
}

func TestOpenCreatesFolderAndFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	s := open(t, dir)
	want := filepath.Join(dir, FileName)
	if s.Path() != want {
		t.Fatalf("Path() = %q, want %q", s.Path(), want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatal(err)
	}
	// The schema is written at creation.
	db, err := bolt.Open(want, 0o600, &bolt.Options{Timeout: 200 * time.Millisecond, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bucketMeta); m == nil || string(m.Get(keySchema)) != "1" {
			t.Errorf("meta/schema not written as \"1\"")
		}
		return nil
	})
}

func TestItemsReadsTheWholeScope(t *testing.T) {
	s := open(t, t.TempDir())
	if items, err := s.Items(local); err != nil || len(items) != 0 {
		t.Fatalf("Items of an empty store = %v, %v", items, err)
	}
	mustPut(t, s, local, "a", "1")
	mustPut(t, s, local, "b", "")
	mustPut(t, s, Scope{App: local.App, User: "someone else", Namespace: local.Namespace}, "c", "3")
	items, err := s.Items(local)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || string(items["a"]) != "1" || items["b"] == nil || len(items["b"]) != 0 {
		t.Fatalf("Items = %q, want a=1 and an empty b only", items)
	}
}

func TestItemsOfReadsManyUsers(t *testing.T) {
	s := open(t, t.TempDir())
	users := []string{"alice", "bob", "carol", "nobody"}
	if all, err := s.ItemsOf("wx123", NamespaceCloud, users); err != nil || len(all) != 0 {
		t.Fatalf("ItemsOf on an empty store = %v, %v", all, err)
	}
	mustPut(t, s, cloud, "score", "10")
	mustPut(t, s, cloud, "empty", "")
	bob := Scope{App: "wx123", User: "bob", Namespace: NamespaceCloud}
	mustPut(t, s, bob, "score", "20")
	// Other namespaces, apps and users stay out.
	mustPut(t, s, local, "score", "local")
	mustPut(t, s, Scope{App: "wx999", User: "carol", Namespace: NamespaceCloud}, "score", "other app")
	mustPut(t, s, Scope{App: "wx123", User: "dave", Namespace: NamespaceCloud}, "score", "not asked")
	// A user whose namespace was emptied again is no player.
	carol := Scope{App: "wx123", User: "carol", Namespace: NamespaceCloud}
	mustPut(t, s, carol, "gone", "x")
	if err := s.Delete(carol, "gone"); err != nil {
		t.Fatal(err)
	}

	all, err := s.ItemsOf("wx123", NamespaceCloud, append(users, "bob")) // bob twice
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || len(all["alice"]) != 2 || string(all["alice"]["score"]) != "10" ||
		all["alice"]["empty"] == nil || len(all["alice"]["empty"]) != 0 ||
		len(all["bob"]) != 1 || string(all["bob"]["score"]) != "20" {
		t.Fatalf("ItemsOf = %q, want alice's score=10 and empty, bob's score=20", all)
	}
	// The values are the caller's, and match Items.
	all["bob"]["score"][0] = 'x'
	if items, _ := s.Items(bob); string(items["score"]) != "20" {
		t.Fatal("ItemsOf returned memory shared with the store")
	}
	if all, err := s.ItemsOf("wx123", NamespaceCloud, nil); err != nil || all == nil || len(all) != 0 {
		t.Fatalf("ItemsOf of no users = %v, %v; want an empty map", all, err)
	}
	if all, err := s.ItemsOf("wx123", "nothing-here", users); err != nil || len(all) != 0 {
		t.Fatalf("ItemsOf of an unused namespace = %v, %v", all, err)
	}
	if all, err := s.ItemsOf("wx-unknown", NamespaceCloud, users); err != nil || len(all) != 0 {
		t.Fatalf("ItemsOf of an unknown app = %v, %v", all, err)
	}
}

func TestSeedWritesEachKeyOnce(t *testing.T) {
	s := open(t, t.TempDir())
	marks := Scope{App: "wx123", User: "alice", Namespace: NamespaceCloudSeed}
	bob := Scope{App: "wx123", User: "bob", Namespace: NamespaceCloud}
	seed := map[string]map[string][]byte{
		"alice": {"score": []byte("10"), "level": []byte("1")},
		"bob":   {"score": []byte("20")},
		"carol": {}, // nothing to seed
	}
	if err := s.Seed("wx123", NamespaceCloud, NamespaceCloudSeed, seed); err != nil {
		t.Fatal(err)
	}
	if v, _ := mustGet(t, s, cloud, "score"); v != "10" {
		t.Fatalf("alice's seeded score = %q, want 10", v)
	}
	if v, _ := mustGet(t, s, bob, "score"); v != "20" {
		t.Fatalf("bob's seeded score = %q, want 20", v)
	}
	if keys := mustKeys(t, s, marks); !slices.Equal(keys, []string{"level", "score"}) {
		t.Fatalf("alice's seed marks = %q, want level, score", keys)
	}
	if users, err := s.Users("wx123", NamespaceCloud); err != nil || !slices.Equal(users, []string{"alice", "bob"}) {
		t.Fatalf("Users after Seed = %q, %v; want alice, bob", users, err)
	}

	// What the game wrote or removed since stays; a new seed key is added.
	mustPut(t, s, cloud, "score", "99")
	if err := s.Delete(cloud, "level"); err != nil {
		t.Fatal(err)
	}
	seed["alice"]["new"] = []byte("n")
	if err := s.Seed("wx123", NamespaceCloud, NamespaceCloudSeed, seed); err != nil {
		t.Fatal(err)
	}
	if keys := mustKeys(t, s, cloud); !slices.Equal(keys, []string{"new", "score"}) {
		t.Fatalf("alice's keys after a second Seed = %q, want new, score", keys)
	}
	if v, _ := mustGet(t, s, cloud, "score"); v != "99" {
		t.Fatalf("Seed overwrote the game's score: %q", v)
	}

	// With everything seeded, Seed leaves the file as it was.
	before, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Seed("wx123", NamespaceCloud, NamespaceCloudSeed, seed); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(s.Path()); !bytes.Equal(before, after) {
		t.Fatal("a Seed with nothing new changed the file")
	}
	if err := s.Seed("wx123", NamespaceCloud, NamespaceCloudSeed, nil); err != nil {
		t.Fatalf("Seed of nothing: %v", err)
	}
}

func TestRoundTrip(t *testing.T) {
	s := open(t, t.TempDir())
	if _, ok := mustGet(t, s, local, "k"); ok {
		t.Fatal("Get on an empty store found a value")
	}
	mustPut(t, s, local, "k", "v1")
	if v, ok := mustGet(t, s, local, "k"); !ok || v != "v1" {
		t.Fatalf("Get = %q, %v; want v1, true", v, ok)
	}
	mustPut(t, s, local, "k", "v2") // overwrite
	if v, _ := mustGet(t, s, local, "k"); v != "v2" {
		t.Fatalf("after overwrite Get = %q, want v2", v)
	}

	// Empty and nil values are stored values, not absences.
	mustPut(t, s, local, "empty", "")
	if err := s.Put(local, "nil", nil); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"empty", "nil"} {
		v, ok, err := s.Get(local, k)
		if err != nil || !ok || v == nil || len(v) != 0 {
			t.Fatalf("Get(%q) = %v, %v, %v; want empty non-nil, true, nil", k, v, ok, err)
		}
	}

	// Binary values survive, and the returned slice is the caller's.
	bin := []byte{0, 1, 2, 255, 0}
	if err := s.Put(local, "bin", bin); err != nil {
		t.Fatal(err)
	}
	got, _, _ := s.Get(local, "bin")
	if !bytes.Equal(got, bin) {
		t.Fatalf("binary value = %v, want %v", got, bin)
	}
	got[0] = 9
	if again, _, _ := s.Get(local, "bin"); again[0] != 0 {
		t.Fatal("Get returned memory shared with the store")
	}

	// Scopes are isolated from one another.
	others := []Scope{
		cloud,
		{App: "wx123", User: "bob", Namespace: NamespaceLocal},
		{App: "wx999", User: "alice", Namespace: NamespaceLocal},
	}
	for _, sc := range others {
		if _, ok := mustGet(t, s, sc, "k"); ok {
			t.Fatalf("key written in %v visible in %v", local, sc)
		}
	}
	mustPut(t, s, others[0], "k", "cloud")
	if v, _ := mustGet(t, s, local, "k"); v != "v2" {
		t.Fatalf("write to %v changed %v: %q", others[0], local, v)
	}
}

func TestValidation(t *testing.T) {
	s := open(t, t.TempDir())
	bad := []Scope{
		{User: "u", Namespace: "local"},
		{App: "a", Namespace: "local"},
		{App: "a", User: "u"},
	}
	for _, sc := range bad {
		if err := s.Put(sc, "k", nil); err == nil {
			t.Errorf("Put(%+v) accepted an incomplete scope", sc)
		}
		if err := s.PutMany(sc, map[string][]byte{"k": nil}); err == nil {
			t.Errorf("PutMany(%+v) accepted an incomplete scope", sc)
		}
		if _, _, err := s.Get(sc, "k"); err == nil {
			t.Errorf("Get(%+v) accepted an incomplete scope", sc)
		}
		if err := s.Delete(sc, "k"); err == nil {
			t.Errorf("Delete(%+v) accepted an incomplete scope", sc)
		}
		if _, err := s.Keys(sc); err == nil {
			t.Errorf("Keys(%+v) accepted an incomplete scope", sc)
		}
		if _, err := s.Items(sc); err == nil {
			t.Errorf("Items(%+v) accepted an incomplete scope", sc)
		}
		if err := s.Clear(sc); err == nil {
			t.Errorf("Clear(%+v) accepted an incomplete scope", sc)
		}
		if _, err := s.Size(sc); err == nil {
			t.Errorf("Size(%+v) accepted an incomplete scope", sc)
		}
	}
	if err := s.Put(local, "", []byte("v")); err == nil {
		t.Error("Put accepted an empty key")
	}
	if _, _, err := s.Get(local, ""); err == nil {
		t.Error("Get accepted an empty key")
	}
	if err := s.PutMany(local, map[string][]byte{"a": nil, "": nil}); err == nil {
		t.Error("PutMany accepted an empty key")
	}
	if _, err := s.Users("", "cloud"); err == nil {
		t.Error("Users accepted an empty app")
	}
	if _, err := s.Users("wx", ""); err == nil {
		t.Error("Users accepted an empty namespace")
	}
	if _, err := Open(""); err == nil {
		t.Error("Open accepted an empty folder")
	}
	for _, c := range []struct {
		app, namespace string
		users          []string
	}{
		{"", "cloud", []string{"alice"}},
		{"wx", "", []string{"alice"}},
		{"wx", "", nil},
		{"wx", "cloud", []string{"alice", ""}},
	} {
		if _, err := s.ItemsOf(c.app, c.namespace, c.users); err == nil {
			t.Errorf("ItemsOf(%q, %q, %q) accepted it", c.app, c.namespace, c.users)
		}
	}
	for _, c := range []struct {
		app, namespace, marks string
		values                map[string]map[string][]byte
	}{
		{"", "cloud", "marks", map[string]map[string][]byte{"alice": {"k": nil}}},
		{"wx", "", "marks", map[string]map[string][]byte{"alice": {"k": nil}}},
		{"wx", "cloud", "", map[string]map[string][]byte{"alice": {"k": nil}}},
		{"wx", "cloud", "cloud", map[string]map[string][]byte{"alice": {"k": nil}}},
		{"wx", "cloud", "marks", map[string]map[string][]byte{"": {"k": nil}}},
		{"wx", "cloud", "marks", map[string]map[string][]byte{"alice": {"k": nil, "": nil}}},
		{"wx", "cloud", "marks", map[string]map[string][]byte{"alice": {"k": nil}, "bob": {"": nil}}},
	} {
		if err := s.Seed(c.app, c.namespace, c.marks, c.values); err == nil {
			t.Errorf("Seed(%q, %q, %q, %q) accepted it", c.app, c.namespace, c.marks, c.values)
		}
	}
	if users, err := s.Users("wx", "cloud"); err != nil || len(users) != 0 {
		t.Fatalf("rejected Seeds wrote users: %q, %v", users, err)
	}
	if keys := mustKeys(t, s, local); len(keys) != 0 {
		t.Fatalf("rejected calls wrote keys: %q", keys)
	}
}

func TestKeysSorted(t *testing.T) {
	s := open(t, t.TempDir())
	want := []string{"B", "_x", "a", "a1", "a10", "a2", "b", "z", "é", "中文"}
	shuffled := slices.Clone(want)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) {
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	})
	for _, k := range shuffled[:5] {
		mustPut(t, s, local, k, "v")
	}
	kv := map[string][]byte{}
	for _, k := range shuffled[5:] {
		kv[k] = []byte("v")
	}
	if err := s.PutMany(local, kv); err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, cloud, "other", "v") // another namespace: not listed
	if got := mustKeys(t, s, local); !slices.Equal(got, want) {
		t.Fatalf("Keys = %q, want %q", got, want)
	}
	if got := mustKeys(t, s, Scope{App: "none", User: "none", Namespace: "local"}); got == nil || len(got) != 0 {
		t.Fatalf("Keys of an empty scope = %#v, want empty non-nil", got)
	}
}

func TestDelete(t *testing.T) {
	s := open(t, t.TempDir())
	for _, k := range []string{"a", "b", "c", "d"} {
		mustPut(t, s, local, k, k)
	}
	mustPut(t, s, cloud, "a", "cloud")
	if err := s.Delete(local, "a", "c", "missing"); err != nil {
		t.Fatal(err)
	}
	if got := mustKeys(t, s, local); !slices.Equal(got, []string{"b", "d"}) {
		t.Fatalf("after Delete Keys = %q, want [b d]", got)
	}
	if _, ok := mustGet(t, s, local, "a"); ok {
		t.Fatal("deleted key still readable")
	}
	if v, _ := mustGet(t, s, cloud, "a"); v != "cloud" {
		t.Fatal("Delete in local removed a key in cloud")
	}
	if err := s.Delete(local); err != nil { // no keys: no-op
		t.Fatal(err)
	}
	if err := s.Delete(Scope{App: "x", User: "y", Namespace: "z"}, "a"); err != nil {
		t.Fatal("Delete in a scope that does not exist:", err)
	}
	// Deleting the last keys removes the user from Users.
	mustPut(t, s, Scope{App: "wx123", User: "bob", Namespace: NamespaceLocal}, "x", "1")
	if err := s.Delete(local, "b", "d"); err != nil {
		t.Fatal(err)
	}
	if users, _ := s.Users("wx123", NamespaceLocal); !slices.Equal(users, []string{"bob"}) {
		t.Fatalf("Users after deleting alice's last key = %q, want [bob]", users)
	}
}

func TestClear(t *testing.T) {
	s := open(t, t.TempDir())
	for i := range 20 {
		mustPut(t, s, local, "k"+strconv.Itoa(i), "v")
	}
	mustPut(t, s, cloud, "score", "10")
	if err := s.Clear(local); err != nil {
		t.Fatal(err)
	}
	if got := mustKeys(t, s, local); len(got) != 0 {
		t.Fatalf("after Clear Keys = %q", got)
	}
	if n, _ := s.Size(local); n != 0 {
		t.Fatalf("after Clear Size = %d", n)
	}
	if v, _ := mustGet(t, s, cloud, "score"); v != "10" {
		t.Fatal("Clear(local) touched cloud")
	}
	if err := s.Clear(local); err != nil { // already empty
		t.Fatal(err)
	}
	mustPut(t, s, local, "again", "v") // the scope is usable after Clear
	if got := mustKeys(t, s, local); !slices.Equal(got, []string{"again"}) {
		t.Fatalf("Keys = %q", got)
	}
}

func TestSize(t *testing.T) {
	s := open(t, t.TempDir())
	if n, err := s.Size(local); err != nil || n != 0 {
		t.Fatalf("Size of empty scope = %d, %v", n, err)
	}
	mustPut(t, s, local, "ab", "xyz")   // 5
	mustPut(t, s, local, "c", "")       // 1
	mustPut(t, s, local, "日本", "12345") // 6+5
	mustPut(t, s, cloud, "big", strings.Repeat("x", 1000))
	if n, _ := s.Size(local); n != 5+1+11 {
		t.Fatalf("Size = %d, want 17", n)
	}
	mustPut(t, s, local, "ab", "x") // overwrite shrinks
	if n, _ := s.Size(local); n != 3+1+11 {
		t.Fatalf("Size after overwrite = %d, want 15", n)
	}
}

func TestUsers(t *testing.T) {
	s := open(t, t.TempDir())
	for _, u := range []string{"zed", "amy", "Bob", "mia"} {
		mustPut(t, s, Scope{App: "wx1", User: u, Namespace: NamespaceCloud}, "score", "1")
	}
	mustPut(t, s, Scope{App: "wx1", User: "loner", Namespace: NamespaceLocal}, "k", "v") // no cloud data
	mustPut(t, s, Scope{App: "wx2", User: "other", Namespace: NamespaceCloud}, "k", "v") // other app
	users, err := s.Users("wx1", NamespaceCloud)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Bob", "amy", "mia", "zed"}; !slices.Equal(users, want) {
		t.Fatalf("Users = %q, want %q", users, want)
	}
	if err := s.Clear(Scope{App: "wx1", User: "mia", Namespace: NamespaceCloud}); err != nil {
		t.Fatal(err)
	}
	if users, _ := s.Users("wx1", NamespaceCloud); !slices.Equal(users, []string{"Bob", "amy", "zed"}) {
		t.Fatalf("Users after Clear = %q", users)
	}
	if users, _ := s.Users("wx1", NamespaceLocal); !slices.Equal(users, []string{"loner"}) {
		t.Fatalf("Users(local) = %q", users)
	}
	if users, err := s.Users("nope", NamespaceCloud); err != nil || users == nil || len(users) != 0 {
		t.Fatalf("Users of unknown app = %#v, %v", users, err)
	}
}

func TestPutManyAtomic(t *testing.T) {
	s := open(t, t.TempDir())
	mustPut(t, s, local, "keep", "old")
	// Keys are written in sorted order, so "a" and "keep" are written in the
	// transaction before the oversized key (> bbolt's 32 KiB key limit) fails.
	bad := map[string][]byte{
		"a":                        []byte("1"),
		"keep":                     []byte("new"),
		strings.Repeat("z", 40000): []byte("too long a key"),
	}
	if err := s.PutMany(local, bad); err == nil {
		t.Fatal("PutMany with an oversized key succeeded")
	}
	if got := mustKeys(t, s, local); !slices.Equal(got, []string{"keep"}) {
		t.Fatalf("after failed PutMany Keys = %q, want [keep]", got)
	}
	if v, _ := mustGet(t, s, local, "keep"); v != "old" {
		t.Fatalf("failed PutMany changed a value: %q", v)
	}
	// The same in a scope that did not exist: no bucket is left behind.
	fresh := Scope{App: "wxnew", User: "u", Namespace: NamespaceCloud}
	if err := s.PutMany(fresh, bad); err == nil {
		t.Fatal("PutMany with an oversized key succeeded")
	}
	if users, _ := s.Users("wxnew", NamespaceCloud); len(users) != 0 {
		t.Fatalf("failed PutMany left user %q", users)
	}

	good := map[string][]byte{"a": []byte("1"), "b": []byte("2"), "keep": []byte("new")}
	if err := s.PutMany(local, good); err != nil {
		t.Fatal(err)
	}
	for k, v := range good {
		if got, _ := mustGet(t, s, local, k); got != string(v) {
			t.Fatalf("after PutMany %q = %q, want %q", k, got, v)
		}
	}
	if err := s.PutMany(local, nil); err != nil {
		t.Fatal(err)
	}
}

func TestPersistenceAndNoLockHeld(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	mustPut(t, s, local, "k", "v")
	mustPut(t, s, cloud, "score", "42")

	// The store must not keep the file locked between operations: another
	// opener (bbolt's flock is per open file, so this conflicts even within
	// one process) gets the exclusive lock at once.
	db, err := bolt.Open(s.Path(), 0o600, &bolt.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("file still locked after Put returned: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := open(t, dir)
	if v, ok := mustGet(t, s2, local, "k"); !ok || v != "v" {
		t.Fatalf("after reopen Get = %q, %v", v, ok)
	}
	if v, _ := mustGet(t, s2, cloud, "score"); v != "42" {
		t.Fatalf("after reopen cloud score = %q", v)
	}
	// A store opened on the same folder by a relative path is the same file.
	wd, _ := os.Getwd()
	if rel, err := filepath.Rel(wd, dir); err == nil {
		s3 := open(t, rel)
		if s3.Path() != s.Path() {
			t.Fatalf("Path via relative dir = %q, want %q", s3.Path(), s.Path())
		}
	}
}

func TestConcurrentGoroutines(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, dir), open(t, dir) // two handles on one file
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 4 {
		s := a
		if g%2 == 1 {
			s = b
		}
		wg.Go(func() {
			for i := range 10 {
				k := fmt.Sprintf("g%d-%d", g, i)
				if err := s.Put(local, k, []byte(k)); err != nil {
					errs <- err
					return
				}
				if _, ok, err := s.Get(local, k); err != nil || !ok {
					errs <- fmt.Errorf("Get(%q) = %v, %v", k, ok, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := len(mustKeys(t, a, local)); n != 40 {
		t.Fatalf("%d keys, want 40", n)
	}
}

// writeSchema overwrites meta/schema by hand.
func writeSchema(t *testing.T, path, value string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(value))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchema(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	mustPut(t, s, local, "k", "v")
	writeSchema(t, s.Path(), "2")

	_, err := Open(dir)
	want := fmt.Sprintf("store: %s was written by a newer minisim (schema 2, this one reads 1)", s.Path())
	if err == nil || err.Error() != want {
		t.Fatalf("Open error = %v\nwant %s", err, want)
	}
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatal("error is not ErrNewerSchema")
	}
	// An already open Store notices too, and writes nothing.
	if _, _, err := s.Get(local, "k"); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Get on a newer file: %v", err)
	}
	if err := s.Put(local, "new", []byte("v")); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Put on a newer file: %v", err)
	}
	if _, err := s.ItemsOf(local.App, local.Namespace, []string{local.User}); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("ItemsOf on a newer file: %v", err)
	}
	if err := s.Seed(local.App, local.Namespace, NamespaceCloudSeed, map[string]map[string][]byte{local.User: {"new": nil}}); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Seed on a newer file: %v", err)
	}
	writeSchema(t, s.Path(), "1")
	if _, ok := mustGet(t, s, local, "new"); ok {
		t.Fatal("Put wrote into a newer-schema file")
	}

	// A schema value that is not a version at all is corruption.
	writeSchema(t, s.Path(), "banana")
	if _, err := Open(dir); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), s.Path()) {
		t.Fatalf("Open with schema \"banana\": %v", err)
	}
}

func TestForeignBoltFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("something-else"))
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open of a bolt file without schema: %v", err)
	}
}

// checkCorrupt asserts err is a corruption error naming path and that the
// file still holds exactly before (never reset).
func checkCorrupt(t *testing.T, what string, err error, path string, before []byte) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error on a corrupt file", what)
	}
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("%s: error is not ErrCorrupt: %v", what, err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Fatalf("%s: error does not name the file: %v", what, err)
	}
	after, rerr := os.ReadFile(path)
	if rerr != nil {
		t.Fatal(rerr)
	}
	if !bytes.Equal(after, before) {
		t.Fatalf("%s: the corrupt file was modified", what)
	}
}

func TestCorruptFile(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	big := make([]byte, 64<<10)
	for i := range big {
		big[i] = byte(r.Uint32())
	}
	for name, garbage := range map[string][]byte{
		"random 64KiB": big,
		"short text":   []byte("this is not a database\n"),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, garbage, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(dir)
			checkCorrupt(t, "Open", err, path, garbage)
		})
	}

	// A store already open whose file is then overwritten: operations
	// report it and do not reset it.
	dir := t.TempDir()
	s := open(t, dir)
	mustPut(t, s, local, "k", "v")
	if err := os.WriteFile(s.Path(), big, 0o600); err != nil {
		t.Fatal(err)
	}
	err := s.Put(local, "k2", []byte("v"))
	checkCorrupt(t, "Put", err, s.Path(), big)
	_, _, err = s.Get(local, "k")
	checkCorrupt(t, "Get", err, s.Path(), big)
}

// TestCorruptPages keeps valid meta pages but destroys every other page, so
// bbolt follows garbage: this panics or faults inside bbolt, which the store
// must turn into an error.
func TestCorruptPages(t *testing.T) {
	for _, fill := range []byte{0x00, 0xab, 0xff} {
		t.Run(fmt.Sprintf("fill-%#x", fill), func(t *testing.T) {
			dir := t.TempDir()
			s := open(t, dir)
			for i := range 50 {
				mustPut(t, s, local, "key"+strconv.Itoa(i), strings.Repeat("v", 100))
			}
			data, err := os.ReadFile(s.Path())
			if err != nil {
				t.Fatal(err)
			}
			pageSize := os.Getpagesize()
			for i := 2 * pageSize; i < len(data); i++ {
				data[i] = fill
			}
			if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err = Open(dir)
			checkCorrupt(t, "Open", err, s.Path(), data)
			_, _, err = s.Get(local, "key1")
			checkCorrupt(t, "Get", err, s.Path(), data)
			err = s.Put(local, "key1", []byte("x"))
			checkCorrupt(t, "Put", err, s.Path(), data)
			_, err = s.ItemsOf(local.App, local.Namespace, []string{local.User})
			checkCorrupt(t, "ItemsOf", err, s.Path(), data)
			err = s.Seed(local.App, NamespaceCloud, NamespaceCloudSeed, map[string]map[string][]byte{local.User: {"key1": nil}})
			checkCorrupt(t, "Seed", err, s.Path(), data)
			// Every failed operation released the file lock (a leaked lock
			// would turn the next write into ErrBusy instead of ErrCorrupt).
			s.lockTimeout = 200 * time.Millisecond
			for i := range 2 {
				err = s.Put(local, "key1", []byte("x"))
				checkCorrupt(t, fmt.Sprint("Put again ", i), err, s.Path(), data)
			}
		})
	}
}

// ---- subprocess tests ----

const helperEnv = "MINISIM_STORE_HELPER"

func helperCmd(t *testing.T, role, dir string, extra ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.v=false")
	cmd.Env = append(os.Environ(), helperEnv+"="+role, "MINISIM_STORE_DIR="+dir)
	cmd.Env = append(cmd.Env, extra...)
	return cmd
}

// TestHelperProcess is not a test: it is the body of the subprocesses the
// other tests start.
func TestHelperProcess(t *testing.T) {
	role := os.Getenv(helperEnv)
	if role == "" {
		t.Skip("helper process only")
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	s, err := Open(os.Getenv("MINISIM_STORE_DIR"))
	if err != nil {
		fail(err)
	}
	switch role {
	case "writer":
		n, _ := strconv.Atoi(os.Getenv("MINISIM_STORE_N"))
		if err := writerLoop(s, "child", "parent", n); err != nil {
			fail(err)
		}
		os.Exit(0)
	case "put-and-die":
		if err := s.Put(local, "durable", []byte(os.Getenv("MINISIM_STORE_VALUE"))); err != nil {
			fail(err)
		}
		p, _ := os.FindProcess(os.Getpid())
		_ = p.Kill() // no Close, no deferred anything
		time.Sleep(10 * time.Second)
		os.Exit(4)
	}
	fail(fmt.Errorf("unknown role %q", role))
}

// writerLoop announces itself, waits for the peer, then writes n keys
// (alternating Put and PutMany) and records when it started and ended.
// Halfway it waits until the peer has written its first key, so the two
// loops overlap however the machine schedules them.
func writerLoop(s *Store, me, peer string, n int) error {
	sync := Scope{App: "wxsync", User: "x", Namespace: "sync"}
	if err := s.Put(sync, me+"-ready", nil); err != nil {
		return err
	}
	if err := waitForKey(s, sync, peer+"-ready", me+": peer never showed up"); err != nil {
		return err
	}
	start := time.Now().UnixNano()
	for i := 0; i < n; i++ {
		k := fmt.Sprintf("%s-%03d", me, i)
		if i == n/2 {
			if err := waitForKey(s, local, peer+"-000", me+": the peer never wrote"); err != nil {
				return err
			}
		}
		var err error
		if i%2 == 0 {
			err = s.Put(local, k, []byte(k))
		} else {
			err = s.PutMany(cloud, map[string][]byte{k: []byte(k), k + "b": nil})
		}
		if err != nil {
			return fmt.Errorf("%s: write %d: %w", me, i, err)
		}
		// A pause between writes, as a game has: without it, one process
		// in a tight loop holds the lock nearly all the time and may finish
		// its loop before the other gets a turn (correct, but then the
		// writes would not interleave).
		time.Sleep(300 * time.Microsecond)
	}
	end := time.Now().UnixNano()
	return s.PutMany(sync, map[string][]byte{
		me + "-start":  []byte(strconv.FormatInt(start, 10)),
		me + "-end":    []byte(strconv.FormatInt(end, 10)),
		me + "-waited": []byte(strconv.FormatInt(s.waited.Load(), 10)),
	})
}

// waitForKey polls until key exists in sc, or fails with msg after 10 s.
func waitForKey(s *Store, sc Scope, key, msg string) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, ok, err := s.Get(sc, key)
		if err != nil || ok {
			return err
		}
		if time.Now().After(deadline) {
			return errors.New(msg)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestTwoProcesses(t *testing.T) {
	const n = 60
	dir := t.TempDir()
	s := open(t, dir)
	cmd := helperCmd(t, "writer", dir, "MINISIM_STORE_N="+strconv.Itoa(n))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	perr := writerLoop(s, "parent", "child", n)
	cerr := cmd.Wait()
	if perr != nil {
		t.Errorf("parent: %v", perr)
	}
	if cerr != nil {
		t.Errorf("child: %v\n%s", cerr, stderr.String())
	}
	if t.Failed() {
		t.FailNow()
	}

	localKeys, cloudKeys := mustKeys(t, s, local), mustKeys(t, s, cloud)
	for _, who := range []string{"parent", "child"} {
		for i := 0; i < n; i++ {
			k := fmt.Sprintf("%s-%03d", who, i)
			keys := localKeys
			if i%2 == 1 {
				keys = cloudKeys
			}
			if _, found := slices.BinarySearch(keys, k); !found {
				t.Errorf("key %q missing", k)
			}
		}
	}
	if len(localKeys) != n || len(cloudKeys) != 2*n {
		t.Errorf("got %d local and %d cloud keys, want %d and %d", len(localKeys), len(cloudKeys), n, 2*n)
	}

	// The two loops really ran at the same time.
	syncSc := Scope{App: "wxsync", User: "x", Namespace: "sync"}
	times := map[string]int64{}
	for _, k := range []string{"parent-start", "parent-end", "child-start", "child-end"} {
		v, _ := mustGet(t, s, syncSc, k)
		times[k], _ = strconv.ParseInt(v, 10, 64)
	}
	if times["parent-start"] >= times["child-end"] || times["child-start"] >= times["parent-end"] {
		t.Errorf("the writers did not overlap: %v", times)
	}
	pw, _ := mustGet(t, s, syncSc, "parent-waited")
	cw, _ := mustGet(t, s, syncSc, "child-waited")
	t.Logf("parent wrote for %v, child for %v; operations that waited for the other process: parent %s, child %s",
		time.Duration(times["parent-end"]-times["parent-start"]),
		time.Duration(times["child-end"]-times["child-start"]), pw, cw)
	if pw == "0" && cw == "0" {
		t.Errorf("no operation ever waited for the other process: the test did not exercise the lock")
	}
}

// A put that returned survives its process being killed at once, without
// Close: the commit is complete on its own. (SIGKILL keeps the page cache,
// so this does not show the write reached the disk; a power cut would.)
func TestCommittedPutSurvivesTheProcessBeingKilled(t *testing.T) {
	dir := t.TempDir()
	open(t, dir)
	value := fmt.Sprintf("value-%d", time.Now().UnixNano())
	cmd := helperCmd(t, "put-and-die", dir, "MINISIM_STORE_VALUE="+value)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Exited() {
		// Exited() is false when the process was killed by a signal.
		t.Fatalf("helper was not killed: %v\n%s", err, stderr.String())
	}
	s := open(t, dir)
	if v, ok := mustGet(t, s, local, "durable"); !ok || v != value {
		t.Fatalf("after kill Get = %q, %v; want %q", v, ok, value)
	}
	// And the file is consistent enough to take more writes.
	mustPut(t, s, local, "after", "ok")
}

// ---- cost of one operation (open + transaction + close) ----

func BenchmarkPut(b *testing.B) {
	s := open(b, b.TempDir())
	v := []byte(strings.Repeat("x", 100))
	for i := 0; b.Loop(); i++ {
		if err := s.Put(local, "k"+strconv.Itoa(i%100), v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGet(b *testing.B) {
	s := open(b, b.TempDir())
	for i := range 100 {
		mustPut(b, s, local, "k"+strconv.Itoa(i), strings.Repeat("x", 100))
	}
	for i := 0; b.Loop(); i++ {
		if _, ok, err := s.Get(local, "k"+strconv.Itoa(i%100)); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkKeys(b *testing.B) {
	s := open(b, b.TempDir())
	for i := range 100 {
		mustPut(b, s, local, "k"+strconv.Itoa(i), strings.Repeat("x", 100))
	}
	for b.Loop() {
		if _, err := s.Keys(local); err != nil {
			b.Fatal(err)
		}
	}
}
