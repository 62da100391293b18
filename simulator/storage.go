package simulator

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/minisim/minisim/jsapi"
	"github.com/minisim/minisim/store"
)

// dataDir is --data, or the user's config folder.
func (c *Config) dataDir() (string, error) {
	if c.DataDir != "" {
		return c.DataDir, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no --data folder given and no user config folder: %w", err)
	}
	return filepath.Join(dir, "minisim"), nil
}

// openStore opens the persistent store on first use, so runs that never
// touch storage create no files.
func (s *Simulator) openStore() (*store.Store, error) {
	if s.store != nil || s.storeErr != nil {
		return s.store, s.storeErr
	}
	dir, err := s.cfg.dataDir()
	if err == nil {
		s.store, err = store.Open(dir)
	}
	s.storeErr = err
	return s.store, err
}

// LocalStorage is this app's and player's local storage.
func (s *Simulator) LocalStorage() (jsapi.KV, error) {
	st, err := s.openStore()
	if err != nil {
		return nil, err
	}
	return scopedKV{st, store.Scope{App: s.appID(), User: s.world.Me, Namespace: store.NamespaceLocal}}, nil
}

// scopedKV is one scope of the store.
type scopedKV struct {
	st *store.Store
	sc store.Scope
}

func (k scopedKV) Put(key string, v []byte) error       { return k.st.Put(k.sc, key, v) }
func (k scopedKV) Get(key string) ([]byte, bool, error) { return k.st.Get(k.sc, key) }
func (k scopedKV) Delete(keys ...string) error          { return k.st.Delete(k.sc, keys...) }
func (k scopedKV) Keys() ([]string, error)              { return k.st.Keys(k.sc) }
func (k scopedKV) Clear() error                         { return k.st.Clear(k.sc) }
func (k scopedKV) Size() (int, error)                   { return k.st.Size(k.sc) }

var unsafeAppID = regexp.MustCompile(`[^A-Za-z0-9_.-]`)

// appID names the game in the store: the id from project.config.json, or
// the folder's name when it has none.
func appID(projectConfig map[string]any, dir string) string {
	for _, k := range []string{"appid", "app_id"} {
		if id, ok := projectConfig[k].(string); ok && id != "" {
			return id
		}
	}
	abs, _ := filepath.Abs(dir)
	return "local-" + unsafeAppID.ReplaceAllString(filepath.Base(abs), "_")
}
