// Package store is what the simulator persists under --data: per app id and
// per user openid, namespaced key/value data (local storage, cloud storage,
// authorization decisions, privacy agreement, share records).
//
// The data lives in one bbolt database, dir/minisim.db, laid out as
//
//	meta   bucket: "schema" -> decimal schema version ("1")
//	apps   bucket: app -> user -> namespace -> key -> value
//
// Two minisim processes may share one folder. bbolt holds an exclusive flock
// on the file for as long as it is open, so a Store never keeps it open:
// every operation opens the file (waiting up to a few seconds for another
// process to finish), runs one transaction and closes it again. Reads take a
// shared lock (read-only open), writes an exclusive one.
//
// Writes are durable: a write returns only after bbolt's commit has synced
// the data to disk (NoSync is never set).
//
// The schema version is checked on every operation, not only by Open, so an
// older minisim never writes into a file a newer one has since upgraded.
// A file that is not a readable minisim database gives an error naming it
// (errors.Is(err, ErrCorrupt)); it is never reset, and panics from bbolt on
// a broken file are turned into that error.
package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the schema this package reads and writes.
const SchemaVersion = 1

// FileName is the database file's name inside the data folder.
const FileName = "minisim.db"

// Namespaces used by the simulator. Any non-empty namespace is accepted.
const (
	NamespaceLocal   = "local"   // wx.setStorage
	NamespaceCloud   = "cloud"   // wx.setUserCloudStorage
	NamespaceAuth    = "auth"    // authorization decisions
	NamespacePrivacy = "privacy" // privacy agreement
	NamespaceShare   = "share"   // share records
	// NamespaceCloudSeed remembers which of the mock's cloud seed values
	// were written, so a key the game later removed stays removed.
	NamespaceCloudSeed = "cloud-seed"
)

// Errors that can be matched with errors.Is. The errors returned carry the
// file's path and details.
var (
	// ErrCorrupt: the file is not a readable minisim database.
	ErrCorrupt = errors.New("store: corrupt database")
	// ErrNewerSchema: the file was written by a newer minisim.
	ErrNewerSchema = errors.New("store: database written by a newer minisim")
	// ErrBusy: another process kept the file locked longer than the lock timeout.
	ErrBusy = errors.New("store: database busy")
)

// DefaultLockTimeout is how long an operation waits for another process
// holding the database before it fails with ErrBusy.
const DefaultLockTimeout = 3 * time.Second

var (
	bucketMeta = []byte("meta")
	bucketApps = []byte("apps")
	keySchema  = []byte("schema")
)

// Store is a handle on dir/minisim.db. It holds no file open or locked
// between calls; it is safe for concurrent use by several goroutines, and
// several processes may use the same folder at once.
type Store struct {
	path        string
	mu          *sync.RWMutex // shared by all Stores on the same path in this process
	lockTimeout time.Duration
	waited      atomic.Int64 // operations that had to wait for another process (tests)
}

// Scope names whose data: an app, a user and a namespace ("local", "cloud",
// "auth", "privacy", "share").
type Scope struct{ App, User, Namespace string }

func (sc Scope) validate() error {
	switch {
	case sc.App == "":
		return errors.New("store: empty app id in scope")
	case sc.User == "":
		return errors.New("store: empty user in scope")
	case sc.Namespace == "":
		return errors.New("store: empty namespace in scope")
	}
	return nil
}

func validKey(key string) error {
	if key == "" {
		return errors.New("store: empty key")
	}
	return nil
}

// pathLocks serializes, within this process, operations on one file: bbolt's
// flock would do it too (it is per open file), but by polling.
var pathLocks sync.Map // absolute path -> *sync.RWMutex

// Open creates dir (if missing) and dir/minisim.db (if missing), and checks
// that the file is a minisim database this version can read. It does not
// keep the file open or locked afterwards.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("store: empty data folder")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	path := filepath.Join(abs, FileName)
	mu, _ := pathLocks.LoadOrStore(path, new(sync.RWMutex))
	s := &Store{path: path, mu: mu.(*sync.RWMutex), lockTimeout: DefaultLockTimeout}

	info, err := os.Stat(path)
	switch {
	case err == nil && info.Size() > 0:
		// Existing file: validate under a shared lock, write nothing.
		err = s.view(func(*bolt.Bucket) error { return nil })
	case err == nil || errors.Is(err, fs.ErrNotExist):
		// New (or empty) file: create it and write the schema.
		err = s.update(func(*bolt.Bucket) error { return nil })
		if err == nil {
			syncDir(abs)
		}
	default:
		err = fmt.Errorf("store: %w", err)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Put stores value under key in the scope. It returns once the data is on disk.
func (s *Store) Put(sc Scope, key string, value []byte) error {
	if err := sc.validate(); err != nil {
		return err
	}
	if err := validKey(key); err != nil {
		return err
	}
	return s.update(func(apps *bolt.Bucket) error {
		b, err := createScope(apps, sc)
		if err != nil {
			return err
		}
		return putKey(b, key, value)
	})
}

// PutMany stores all of kv in the scope in one transaction: either all of it
// is written or, on error, none of it.
func (s *Store) PutMany(sc Scope, kv map[string][]byte) error {
	if err := sc.validate(); err != nil {
		return err
	}
	if len(kv) == 0 {
		return nil
	}
	keys := make([]string, 0, len(kv))
	for k := range kv {
		if err := validKey(k); err != nil {
			return err
		}
		keys = append(keys, k)
	}
	slices.Sort(keys) // deterministic order (and bbolt inserts sorted keys faster)
	return s.update(func(apps *bolt.Bucket) error {
		b, err := createScope(apps, sc)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if err := putKey(b, k, kv[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

// Seed writes initial values once per key, all in one transaction: for
// each user of values (user -> key -> value), the keys not yet recorded
// in the marks namespace are written to namespace and recorded in marks.
// A key seeded once is not written again, even after it was removed from
// namespace. It returns once the data is on disk; when every key was
// seeded already it writes (and syncs) nothing.
func (s *Store) Seed(app, namespace, marks string, values map[string]map[string][]byte) error {
	if namespace == marks {
		return errors.New("store: seed marks need a namespace of their own")
	}
	users := make([]string, 0, len(values))
	for u, kv := range values {
		for _, ns := range []string{namespace, marks} {
			if err := (Scope{App: app, User: u, Namespace: ns}).validate(); err != nil {
				return err
			}
		}
		for k := range kv {
			if err := validKey(k); err != nil {
				return err
			}
		}
		if len(kv) > 0 {
			users = append(users, u)
		}
	}
	if len(users) == 0 {
		return nil
	}
	slices.Sort(users) // deterministic order, as PutMany's keys
	return s.update(func(apps *bolt.Bucket) error {
		changed := false
		for _, u := range users {
			kv := values[u]
			done := bucketPath(apps, app, u, marks)
			var fresh []string
			for k := range kv {
				if done == nil || !hasKey(done, k) {
					fresh = append(fresh, k)
				}
			}
			if len(fresh) == 0 {
				continue
			}
			slices.Sort(fresh)
			for _, ns := range []string{namespace, marks} {
				b, err := createScope(apps, Scope{App: app, User: u, Namespace: ns})
				if err != nil {
					return err
				}
				for _, k := range fresh {
					if err := putKey(b, k, kv[k]); err != nil {
						return err
					}
				}
			}
			changed = true
		}
		if !changed {
			return errNoChange
		}
		return nil
	})
}

func putKey(b *bolt.Bucket, key string, value []byte) error {
	if value == nil {
		value = []byte{}
	}
	if err := b.Put([]byte(key), value); err != nil {
		return fmt.Errorf("store: put %q: %w", truncate(key), err)
	}
	return nil
}

// Get returns the value stored under key in the scope; ok is false when
// there is none.
func (s *Store) Get(sc Scope, key string) (value []byte, ok bool, err error) {
	if err := sc.validate(); err != nil {
		return nil, false, err
	}
	if err := validKey(key); err != nil {
		return nil, false, err
	}
	err = s.view(func(apps *bolt.Bucket) error {
		b := scopeBucket(apps, sc)
		if b == nil {
			return nil
		}
		if v, found := lookup(b, key); found {
			value, ok = bytes.Clone(v), true // v points into the mmap: copy before close
			if value == nil {
				value = []byte{}
			}
		}
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	return value, ok, nil
}

// Delete removes keys from the scope. Missing keys are not an error.
func (s *Store) Delete(sc Scope, keys ...string) error {
	if err := sc.validate(); err != nil {
		return err
	}
	if len(keys) == 0 {
		return nil
	}
	return s.update(func(apps *bolt.Bucket) error {
		b := scopeBucket(apps, sc)
		if b == nil {
			return errNoChange
		}
		changed := false
		for _, k := range keys {
			if k == "" || !hasKey(b, k) {
				continue
			}
			if err := b.Delete([]byte(k)); err != nil {
				return fmt.Errorf("store: delete %q: %w", truncate(k), err)
			}
			changed = true
		}
		if !changed {
			return errNoChange
		}
		return prune(apps, sc)
	})
}

// Clear removes every key of the scope.
func (s *Store) Clear(sc Scope) error {
	if err := sc.validate(); err != nil {
		return err
	}
	return s.update(func(apps *bolt.Bucket) error {
		ub := bucketPath(apps, sc.App, sc.User)
		if ub == nil || ub.Bucket([]byte(sc.Namespace)) == nil {
			return errNoChange
		}
		if err := ub.DeleteBucket([]byte(sc.Namespace)); err != nil {
			return fmt.Errorf("store: clear: %w", err)
		}
		return prune(apps, sc)
	})
}

// Keys returns the scope's keys, sorted.
func (s *Store) Keys(sc Scope) ([]string, error) {
	keys := []string{}
	err := s.eachValue(sc, func(k, _ []byte) { keys = append(keys, string(k)) })
	if err != nil {
		return nil, err
	}
	return keys, nil // bbolt iterates in byte order, which is Go's string order
}

// Items returns every key and value of the scope, read in one
// transaction.
func (s *Store) Items(sc Scope) (map[string][]byte, error) {
	items := map[string][]byte{}
	err := s.eachValue(sc, func(k, v []byte) {
		items[string(k)] = append([]byte{}, v...) // v points into the mmap
	})
	if err != nil {
		return nil, err
	}
	return items, nil
}

// ItemsOf returns every key and value of namespace for each of users of
// app, read in one transaction (a ranking reads every friend's data). A
// user with no key in the namespace is not in the map.
func (s *Store) ItemsOf(app, namespace string, users []string) (map[string]map[string][]byte, error) {
	if err := (Scope{App: app, User: "-", Namespace: namespace}).validate(); err != nil {
		return nil, err
	}
	for _, u := range users {
		if err := (Scope{App: app, User: u, Namespace: namespace}).validate(); err != nil {
			return nil, err
		}
	}
	all := map[string]map[string][]byte{}
	if len(users) == 0 {
		return all, nil
	}
	err := s.view(func(apps *bolt.Bucket) error {
		ab := bucketPath(apps, app)
		if ab == nil {
			return nil
		}
		for _, u := range users {
			if _, done := all[u]; done {
				continue
			}
			nb := bucketPath(ab, u, namespace)
			if nb == nil {
				continue
			}
			items := map[string][]byte{}
			bucketValues(nb, func(k, v []byte) bool {
				items[string(k)] = append([]byte{}, v...) // v points into the mmap
				return true
			})
			if len(items) > 0 {
				all[u] = items
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// Size returns the sum of len(key)+len(value) over the scope.
func (s *Store) Size(sc Scope) (bytes int, err error) {
	err = s.eachValue(sc, func(k, v []byte) { bytes += len(k) + len(v) })
	if err != nil {
		return 0, err
	}
	return bytes, nil
}

// Users returns, sorted, the users of app with at least one key in
// namespace (for cloud storage: the players).
func (s *Store) Users(app, namespace string) ([]string, error) {
	if err := (Scope{App: app, User: "-", Namespace: namespace}).validate(); err != nil {
		return nil, err
	}
	users := []string{}
	err := s.view(func(apps *bolt.Bucket) error {
		ab := bucketPath(apps, app)
		if ab == nil {
			return nil
		}
		c := ab.Cursor()
		for u, v := c.First(); u != nil; u, v = c.Next() {
			if v != nil {
				continue
			}
			if nb := bucketPath(ab, string(u), namespace); nb != nil && hasValues(nb) {
				users = append(users, string(u))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return users, nil
}

// ---- bucket helpers ----

func bucketPath(b *bolt.Bucket, names ...string) *bolt.Bucket {
	for _, n := range names {
		if b == nil {
			return nil
		}
		b = b.Bucket([]byte(n))
	}
	return b
}

func scopeBucket(apps *bolt.Bucket, sc Scope) *bolt.Bucket {
	return bucketPath(apps, sc.App, sc.User, sc.Namespace)
}

func createScope(apps *bolt.Bucket, sc Scope) (*bolt.Bucket, error) {
	b := apps
	for _, n := range []string{sc.App, sc.User, sc.Namespace} {
		var err error
		if b, err = b.CreateBucketIfNotExists([]byte(n)); err != nil {
			return nil, fmt.Errorf("store: bucket %q: %w", truncate(n), err)
		}
	}
	return b, nil
}

// lookup is the value under key in b; ok is false when there is none.
func lookup(b *bolt.Bucket, key string) (v []byte, ok bool) {
	k, v := b.Cursor().Seek([]byte(key))
	if k == nil || string(k) != key || v == nil {
		return nil, false
	}
	return v, true
}

func hasKey(b *bolt.Bucket, key string) bool {
	_, ok := lookup(b, key)
	return ok
}

// eachValue calls fn for each key of the scope holding a value, in key
// order, in one read transaction. v points into the mmap: fn copies what
// it keeps.
func (s *Store) eachValue(sc Scope, fn func(k, v []byte)) error {
	if err := sc.validate(); err != nil {
		return err
	}
	return s.view(func(apps *bolt.Bucket) error {
		if b := scopeBucket(apps, sc); b != nil {
			bucketValues(b, func(k, v []byte) bool { fn(k, v); return true })
		}
		return nil
	})
}

// bucketValues calls fn for each key of b holding a value until fn
// returns false. A nil value is a nested bucket, which this package never
// writes.
func bucketValues(b *bolt.Bucket, fn func(k, v []byte) bool) {
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v != nil && !fn(k, v) {
			return
		}
	}
}

func hasValues(b *bolt.Bucket) (found bool) {
	bucketValues(b, func(_, _ []byte) bool { found = true; return false })
	return found
}

func isEmpty(b *bolt.Bucket) bool {
	k, _ := b.Cursor().First()
	return k == nil
}

// prune removes the scope's namespace, user and app buckets when they have
// become empty, so that Users and the file stay tidy.
func prune(apps *bolt.Bucket, sc Scope) error {
	chain := []*bolt.Bucket{apps}
	names := []string{sc.App, sc.User, sc.Namespace}
	for _, n := range names {
		b := chain[len(chain)-1].Bucket([]byte(n))
		if b == nil {
			break
		}
		chain = append(chain, b)
	}
	for i := len(chain) - 1; i >= 1; i-- {
		if !isEmpty(chain[i]) {
			return nil
		}
		if err := chain[i-1].DeleteBucket([]byte(names[i-1])); err != nil {
			return fmt.Errorf("store: prune %q: %w", truncate(names[i-1]), err)
		}
	}
	return nil
}

// ---- transactions ----

// errNoChange makes update roll back instead of committing (and syncing)
// when the operation turned out to have nothing to do.
var errNoChange = errors.New("store: no change")

// checkSchema validates the meta bucket; when write is true and the file has
// no schema yet (a new file), it writes the current one. It returns the apps
// bucket, nil when there is none yet (only possible when !write).
func (s *Store) checkSchema(tx *bolt.Tx, write bool) (*bolt.Bucket, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		// Only a file with no buckets at all is a new minisim database.
		if k, _ := tx.Cursor().First(); k != nil {
			return nil, s.corrupt(errors.New("no schema version (not a minisim database?)"))
		}
		if !write {
			return nil, nil
		}
		var err error
		if meta, err = tx.CreateBucket(bucketMeta); err != nil {
			return nil, err
		}
		if err = meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return nil, err
		}
		return tx.CreateBucket(bucketApps)
	}
	raw := meta.Get(keySchema)
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return nil, s.corrupt(fmt.Errorf("bad schema version %q", truncate(string(raw))))
	}
	if v > SchemaVersion {
		return nil, &schemaError{path: s.path, version: v}
	}
	// v < SchemaVersion: migrations go here once there is a schema 2.
	apps := tx.Bucket(bucketApps)
	if apps == nil {
		if !write {
			return nil, nil
		}
		return tx.CreateBucket(bucketApps)
	}
	return apps, nil
}

// view runs fn in a read transaction. apps is nil when the store is empty.
func (s *Store) view(fn func(apps *bolt.Bucket) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.withDB(true, func(db *bolt.DB) error {
		if db == nil { // no file (or an empty one): nothing stored
			return fn(nil)
		}
		return db.View(func(tx *bolt.Tx) error {
			apps, err := s.checkSchema(tx, false)
			if err != nil {
				return err
			}
			return fn(apps)
		})
	})
}

// update runs fn in a write transaction and commits (with fsync).
func (s *Store) update(fn func(apps *bolt.Bucket) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.withDB(false, func(db *bolt.DB) error {
		return db.Update(func(tx *bolt.Tx) error {
			apps, err := s.checkSchema(tx, true)
			if err != nil {
				return err
			}
			return fn(apps)
		})
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

// withDB opens the file (waiting for other processes), runs fn and closes
// the file. Read-only opens of a missing or empty file call fn(nil).
// Panics and memory faults from bbolt on a broken file become errors.
func (s *Store) withDB(readOnly bool, fn func(db *bolt.DB) error) (err error) {
	var file *os.File // the file bbolt opened, so that a panic can release it
	opts := &bolt.Options{
		ReadOnly: readOnly,
		// A timeout below bbolt's 50 ms poll interval makes bolt.Open try
		// the lock once; openDB retries at a finer interval itself.
		Timeout: time.Millisecond,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			if err == nil {
				file = f
			}
			return f, err
		},
	}

	var db *bolt.DB
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = s.corrupt(fmt.Errorf("bbolt panicked: %v", r))
			// Release the lock first and directly: bbolt's own locks may
			// still be held after a panic, so db.Close could block. The
			// panic may also have come from bolt.Open, before db was set.
			if file != nil {
				releaseFile(file)
			}
			if db != nil {
				go func() { // unmaps, when bbolt's state allows it
					defer func() { _ = recover() }()
					_ = db.Close()
				}()
			}
		}
	}()

	db, err = s.openDB(opts)
	if err != nil {
		if readOnly && s.missingOrEmpty() {
			return fn(nil)
		}
		return err
	}
	err = fn(db)
	if cerr := db.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("store: close %s: %w", s.path, cerr)
	}
	return err
}

func (s *Store) openDB(opts *bolt.Options) (*bolt.DB, error) {
	deadline := time.Now().Add(s.lockTimeout)
	wait := 500 * time.Microsecond
	for {
		db, err := bolt.Open(s.path, 0o600, opts)
		if err == nil {
			return db, nil
		}
		if !errors.Is(err, berrors.ErrTimeout) {
			return nil, s.openError(err)
		}
		if wait == 500*time.Microsecond {
			s.waited.Add(1)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("store: %s is locked by another process (waited %v): %w", s.path, s.lockTimeout, ErrBusy)
		}
		// Poll with a short, jittered sleep: bbolt's own wait polls every
		// 50 ms, which lets a busy process starve the other one (a failed
		// attempt costs only an open, a flock and a close).
		time.Sleep(wait/2 + rand.N(wait))
		if wait < 2*time.Millisecond {
			wait *= 2
		}
	}
}

func (s *Store) missingOrEmpty() bool {
	info, err := os.Stat(s.path)
	return errors.Is(err, fs.ErrNotExist) || err == nil && info.Size() == 0
}

func (s *Store) openError(err error) error {
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) ||
		errors.Is(err, berrors.ErrVersionMismatch) || errors.Is(err, berrors.ErrInvalidMapping) {
		return s.corrupt(err)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("store: %w", err) // already names the file
	}
	// Other bbolt errors on open ("file size too small", bad page size,
	// read errors of the meta pages) also mean the file is unusable.
	return s.corrupt(err)
}

func (s *Store) corrupt(cause error) error {
	return &corruptError{path: s.path, cause: cause}
}

type corruptError struct {
	path  string
	cause error
}

func (e *corruptError) Error() string {
	return fmt.Sprintf("store: %s is corrupt or not a minisim database (%v); it was left as it is: move it away to start afresh", e.path, e.cause)
}
func (e *corruptError) Unwrap() error        { return e.cause }
func (e *corruptError) Is(target error) bool { return target == ErrCorrupt }

type schemaError struct {
	path    string
	version int
}

func (e *schemaError) Error() string {
	return fmt.Sprintf("store: %s was written by a newer minisim (schema %d, this one reads %d)", e.path, e.version, SchemaVersion)
}
func (e *schemaError) Is(target error) bool { return target == ErrNewerSchema }

// syncDir makes a newly created file's directory entry durable. Best effort:
// not every OS or file system can sync a directory.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
}
