package jsapi

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"

	"github.com/dop251/goja"
)

// Player is a user as the relationship-chain APIs describe one.
type Player struct {
	OpenID, NickName, AvatarURL string
	// AvatarFile, when set, is the avatar as a local image file (from the
	// mock file) rather than a URL.
	AvatarFile string
	// Gender is 0 (unknown), 1 (male) or 2 (female).
	Gender int
}

// Cloud is the mock platform's cloud storage and relationship chain, as
// the simulator provides them (the store plus the mock world).
type Cloud interface {
	// SetUser writes the current user's keys; it returns once they are on
	// disk. RemoveUser deletes some.
	SetUser(kv map[string]string) error
	RemoveUser(keys []string) error
	// UserKV reads a user's keys (all of them when keys is nil); player is
	// false for a user who never wrote any.
	UserKV(openid string, keys []string) (kv map[string]string, player bool, err error)
	// UsersKV reads several users' keys at once (all of them when keys is
	// nil), by openid; a user who never wrote any is not in the map.
	UsersKV(openids []string, keys []string) (map[string]map[string]string, error)
	// Me is the current user.
	Me() Player
	// Friends are the current user's friends (not including them).
	Friends() []Player
	// Group is the members of the group a share ticket names.
	Group(ticket string) ([]Player, bool)
	// User is a user the current user may see: themself, a friend, or a
	// member of a group they are in.
	User(openid string) (Player, bool)
}

// cloudLimits are each platform's cloud storage limits.
type cloudLimits struct {
	listField            string // the name of the key/value list
	maxPairs             int
	maxKey, maxPair      int // bytes; maxPair 0: none
	maxValue             int // characters; 0: none
	keyInChars, valChars bool
}

func (a *API) cloudLimits() cloudLimits {
	if a.platform == "tiktok" {
		return cloudLimits{listField: "data", maxPairs: 128, maxKey: 128, maxValue: 2048, keyInChars: true, valChars: true}
	}
	return cloudLimits{listField: "KVDataList", maxPairs: 128, maxKey: 128, maxPair: 1024}
}

// installCloud adds the cloud storage and relationship-chain APIs. The
// getters exist only in the open data domain (the domain table removes
// them from the main one); set and remove exist in both.
func (a *API) installCloud() {
	cloud := func() (Cloud, error) {
		c, err := a.host.Cloud()
		if err != nil {
			return nil, fmt.Errorf("the store cannot be opened: %v", err)
		}
		return c, nil
	}
	lim := a.cloudLimits()
	a.cloudAPI("setUserCloudStorage", func(o *goja.Object) (*goja.Object, error) {
		kv, err := a.readKVList(o, lim)
		if err != nil {
			return nil, err
		}
		c, err := cloud()
		if err != nil {
			return nil, err
		}
		return nil, c.SetUser(kv)
	})
	a.cloudKeysAPI("removeUserCloudStorage", cloud, func(c Cloud, _ *goja.Object, keys []string) (*goja.Object, error) {
		return nil, c.RemoveUser(keys)
	})
	a.cloudKeysAPI("getUserCloudStorage", cloud, func(c Cloud, _ *goja.Object, keys []string) (*goja.Object, error) {
		kv, _, err := c.UserKV(c.Me().OpenID, keys)
		if err != nil {
			return nil, err
		}
		return a.object("KVDataList", a.kvList(kv, keys)), nil
	})
	a.cloudAPI("getUserCloudStorageKeys", func(*goja.Object) (*goja.Object, error) {
		c, err := cloud()
		if err != nil {
			return nil, err
		}
		kv, _, err := c.UserKV(c.Me().OpenID, nil)
		if err != nil {
			return nil, err
		}
		keys := make([]any, 0, len(kv))
		for _, k := range slices.Sorted(maps.Keys(kv)) {
			keys = append(keys, k)
		}
		return a.object("keys", a.vm.NewArray(keys...)), nil
	})
	a.cloudKeysAPI("getFriendCloudStorage", cloud, func(c Cloud, _ *goja.Object, keys []string) (*goja.Object, error) {
		// Only players appear; the current user too, when a player.
		return a.playersData(c, append([]Player{c.Me()}, c.Friends()...), keys)
	})
	a.cloudKeysAPI("getGroupCloudStorage", cloud, func(c Cloud, o *goja.Object, keys []string) (*goja.Object, error) {
		ticket := ""
		if v := prop(o, "shareTicket"); !goja.IsUndefined(v) {
			ticket = v.String()
		}
		if ticket == "" {
			return nil, errors.New("shareTicket is required: the game must be opened from a group share card")
		}
		members, ok := c.Group(ticket)
		if !ok {
			return nil, fmt.Errorf("invalid shareTicket %q", ticket)
		}
		return a.playersData(c, members, keys)
	})
}

// cloudKeysAPI defines an API that takes a keyList: the list is checked
// first, then the store opened, then run runs.
func (a *API) cloudKeysAPI(name string, cloud func() (Cloud, error), run func(c Cloud, opts *goja.Object, keys []string) (*goja.Object, error)) {
	a.cloudAPI(name, func(o *goja.Object) (*goja.Object, error) {
		keys, err := stringList(o, "keyList")
		if err != nil {
			return nil, err
		}
		c, err := cloud()
		if err != nil {
			return nil, err
		}
		return run(c, o, keys)
	})
}

// cloudAPI defines one callback-style API; the relationship-chain getters
// are not promisified by the platform, so without callbacks they just run.
func (a *API) cloudAPI(name string, run func(opts *goja.Object) (*goja.Object, error)) {
	a.set(name, func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		a.callbackIn(name, opts, false, func(done func(*goja.Object, string)) {
			exec := func(reason string) {
				if reason != "" {
					done(nil, reason)
					return
				}
				res, err := run(opts)
				if err != nil {
					done(nil, err.Error())
					return
				}
				done(res, "")
			}
			// WeChat's friend data waits for scope.WxFriendInteraction.
			if a.platform == "wechat" && a.domain == OpenDomain && friendInteraction[name] {
				a.decideScope("scope.WxFriendInteraction", exec)
				return
			}
			exec("")
		})
		return goja.Undefined()
	})
}

func (a *API) playersData(c Cloud, users []Player, keys []string) (*goja.Object, error) {
	ids := make([]string, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.OpenID)
	}
	all, err := c.UsersKV(ids, keys)
	if err != nil {
		return nil, err
	}
	var data []any
	seen := map[string]bool{}
	for _, u := range users {
		if seen[u.OpenID] {
			continue
		}
		seen[u.OpenID] = true
		kv, player := all[u.OpenID]
		if !player {
			continue
		}
		data = append(data, a.object("openid", u.OpenID, "nickname", u.NickName, "avatarUrl", a.avatarURL(u),
			"KVDataList", a.kvList(kv, keys)))
	}
	return a.object("data", a.vm.NewArray(data...)), nil
}

// kvList renders [{key, value}] in the order the keys were asked for.
func (a *API) kvList(kv map[string]string, keys []string) *goja.Object {
	if keys == nil {
		keys = slices.Sorted(maps.Keys(kv))
	}
	var items []any
	for _, k := range keys {
		if v, ok := kv[k]; ok {
			items = append(items, a.object("key", k, "value", v))
		}
	}
	return a.vm.NewArray(items...)
}

// readKVList reads and checks the key/value list of setUserCloudStorage.
func (a *API) readKVList(o *goja.Object, lim cloudLimits) (map[string]string, error) {
	list, err := arrayParam(o, lim.listField)
	if err != nil {
		return nil, err
	}
	n := int(prop(list, "length").ToInteger())
	if n > lim.maxPairs {
		return nil, fmt.Errorf("%s length exceeds %d", lim.listField, lim.maxPairs)
	}
	kv := make(map[string]string, n)
	for i := 0; i < n; i++ {
		item, ok := prop(list, fmt.Sprint(i)).(*goja.Object)
		if !ok {
			return nil, fmt.Errorf("%s[%d] should be an object {key, value}", lim.listField, i)
		}
		k, kOK := prop(item, "key").Export().(string)
		v, vOK := prop(item, "value").Export().(string)
		if !kOK || k == "" {
			return nil, fmt.Errorf("%s[%d].key should be a non-empty String", lim.listField, i)
		}
		if !vOK {
			return nil, fmt.Errorf("%s[%d].value should be String", lim.listField, i)
		}
		keyLen, valLen := len(k), len(v)
		if lim.keyInChars {
			keyLen = len([]rune(k))
		}
		if lim.valChars {
			valLen = len([]rune(v))
		}
		switch {
		case keyLen > lim.maxKey:
			return nil, fmt.Errorf("key %q exceeds %d", k, lim.maxKey)
		case lim.maxPair > 0 && len(k)+len(v) > lim.maxPair:
			return nil, fmt.Errorf("key %q: key and value exceed %d bytes", k, lim.maxPair)
		case lim.maxValue > 0 && valLen > lim.maxValue:
			return nil, fmt.Errorf("value of %q exceeds %d characters", k, lim.maxValue)
		}
		kv[k] = v
	}
	return kv, nil
}

// stringList reads the array of strings o[name] (keyList, openIdList).
func stringList(o *goja.Object, name string) ([]string, error) {
	list, err := arrayParam(o, name)
	if err != nil {
		return nil, err
	}
	var out []string
	n := int(prop(list, "length").ToInteger())
	for i := 0; i < n; i++ {
		s, ok := prop(list, fmt.Sprint(i)).Export().(string)
		if !ok {
			return nil, fmt.Errorf("%s[%d] should be String", name, i)
		}
		out = append(out, s)
	}
	return out, nil
}

// avatarURL is a player's avatarUrl as the game sees it. An image file of
// the mock platform gets a URL, as the real host's avatars are URLs (games
// check for one); createImage maps it back to the file. ".invalid" is a
// reserved domain, so the URL can never reach a real host.
func (a *API) avatarURL(p Player) string {
	if p.AvatarFile == "" {
		return p.AvatarURL
	}
	url := "https://avatar.minisim.invalid/" + p.OpenID + "/" + filepath.Base(p.AvatarFile)
	a.avatars[url] = p.AvatarFile
	return url
}

// arrayParam reads the array parameter o[name], failing as the platform's
// parameter check does ("parameter.keyList should be Array instead of
// Undefined").
func arrayParam(o *goja.Object, name string) (*goja.Object, error) {
	v := prop(o, name)
	if list, ok := v.(*goja.Object); ok && list.ClassName() == "Array" {
		return list, nil
	}
	return nil, fmt.Errorf("parameter.%s should be Array instead of %s", name, typeName(v))
}

// typeName names a value's type as the platform's parameter errors do.
func typeName(v goja.Value) string {
	switch {
	case goja.IsUndefined(v):
		return "Undefined"
	case goja.IsNull(v):
		return "Null"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			return "Function"
		}
		return o.ClassName()
	}
	switch v.ExportType().Kind().String() {
	case "string":
		return "String"
	case "bool":
		return "Boolean"
	}
	return "Number"
}
