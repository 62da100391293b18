package simulator

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/minisim/minisim/jsapi"
	"github.com/minisim/minisim/mock"
	"github.com/minisim/minisim/store"
)

// loadWorld reads --mock (or takes the built-in world), applies --user
// and checks --share-ticket.
func loadWorld(cfg Config) (*mock.World, error) {
	w := mock.Default()
	var err error
	if cfg.Mock != "" {
		if w, err = mock.Load(cfg.Mock); err != nil {
			return nil, fmt.Errorf("--mock: %w", err)
		}
	}
	if cfg.User != "" {
		if w, err = w.WithUser(cfg.User); err != nil {
			return nil, err
		}
	}
	if t := cfg.ShareTicket; t != "" {
		if _, ok := w.Group(t); !ok {
			return nil, &UsageError{Msg: fmt.Sprintf("--share-ticket %q: not a group of the mock world (groups: %s)", t, strings.Join(slices.Sorted(maps.Keys(w.Groups)), ", "))}
		}
	}
	return w, nil
}

// appID names the game in the store: the mock file's appId, else the
// project's.
func (s *Simulator) appID() string {
	if s.world.AppID != "" {
		return s.world.AppID
	}
	return s.project.AppID
}

// Cloud is the relationship chain and cloud storage: the mock world says
// who is who, the store keeps what players wrote. The world's seed values
// are written once per user and key, never over what a game wrote since.
func (s *Simulator) Cloud() (jsapi.Cloud, error) {
	st, err := s.openStore()
	if err != nil {
		return nil, err
	}
	c := &cloud{st: st, app: s.appID(), world: s.world}
	if !s.cloudSeeded {
		if err := c.seed(); err != nil {
			return nil, err
		}
		s.cloudSeeded = true
	}
	return c, nil
}

type cloud struct {
	st    *store.Store
	app   string
	world *mock.World
}

func (c *cloud) scope(openid string) store.Scope {
	return store.Scope{App: c.app, User: openid, Namespace: store.NamespaceCloud}
}

// seed writes the world's seed values not yet seeded, in one transaction;
// NamespaceCloudSeed remembers which were, so a key the game later
// removed stays removed.
func (c *cloud) seed() error {
	values := make(map[string]map[string][]byte, len(c.world.CloudSeed))
	for openid, kv := range c.world.CloudSeed {
		b := make(map[string][]byte, len(kv))
		for k, v := range kv {
			b[k] = []byte(v)
		}
		values[openid] = b
	}
	return c.st.Seed(c.app, store.NamespaceCloud, store.NamespaceCloudSeed, values)
}

func (c *cloud) SetUser(kv map[string]string) error {
	b := make(map[string][]byte, len(kv))
	for k, v := range kv {
		b[k] = []byte(v)
	}
	return c.st.PutMany(c.scope(c.world.Me), b)
}

func (c *cloud) RemoveUser(keys []string) error {
	return c.st.Delete(c.scope(c.world.Me), keys...)
}

// UserKV reads the user's scope in one transaction, then keeps the keys
// asked for.
func (c *cloud) UserKV(openid string, keys []string) (map[string]string, bool, error) {
	items, err := c.st.Items(c.scope(openid))
	if err != nil {
		return nil, false, err
	}
	return pickKV(items, keys), len(items) > 0, nil
}

// UsersKV reads every user's scope in one transaction (a ranking asks for
// every friend), then keeps the keys asked for.
func (c *cloud) UsersKV(openids []string, keys []string) (map[string]map[string]string, error) {
	all, err := c.st.ItemsOf(c.app, store.NamespaceCloud, openids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]map[string]string, len(all))
	for openid, items := range all {
		out[openid] = pickKV(items, keys)
	}
	return out, nil
}

// pickKV is the keys of items asked for, all of them when keys is nil.
func pickKV(items map[string][]byte, keys []string) map[string]string {
	kv := map[string]string{}
	if keys == nil {
		for k, v := range items {
			kv[k] = string(v)
		}
	}
	for _, k := range keys {
		if v, ok := items[k]; ok {
			kv[k] = string(v)
		}
	}
	return kv
}

func (c *cloud) player(openid string) jsapi.Player {
	u, _ := c.world.User(openid)
	p := jsapi.Player{OpenID: openid, NickName: u.NickName, AvatarURL: u.AvatarURL, Gender: u.Gender}
	// A path in the mock file is relative to it; URLs stay as they are.
	if u.AvatarURL != "" && c.world.Dir != "" && !strings.Contains(u.AvatarURL, "://") {
		p.AvatarURL = ""
		p.AvatarFile = filepath.FromSlash(u.AvatarURL)
		if !filepath.IsAbs(p.AvatarFile) {
			p.AvatarFile = filepath.Join(c.world.Dir, p.AvatarFile)
		}
	}
	return p
}

func (c *cloud) Me() jsapi.Player { return c.player(c.world.Me) }

func (c *cloud) Friends() []jsapi.Player {
	var out []jsapi.Player
	for _, id := range c.world.Friends(c.world.Me) {
		out = append(out, c.player(id))
	}
	return out
}

func (c *cloud) Group(ticket string) ([]jsapi.Player, bool) {
	g, ok := c.world.Group(ticket)
	if !ok {
		return nil, false
	}
	out := make([]jsapi.Player, 0, len(g.Members))
	for _, id := range g.Members {
		out = append(out, c.player(id))
	}
	return out, true
}

// User is a user the player may see: themself, a friend, or a member of a
// group the player is in.
func (c *cloud) User(openid string) (jsapi.Player, bool) {
	me := c.world.Me
	known := openid == me || c.world.AreFriends(me, openid)
	for _, g := range c.world.Groups {
		if slices.Contains(g.Members, me) && slices.Contains(g.Members, openid) {
			known = true
		}
	}
	if !known {
		return jsapi.Player{}, false
	}
	return c.player(openid), true
}
