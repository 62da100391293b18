// Package mock is the mock platform: the users, friends, groups, seeded cloud
// storage and canned answers (login, session, authorization, privacy, share)
// that the simulator gives a mini game in place of the WeChat / TikTok
// servers. It reads the `--mock FILE.json` file described in
// shared/spec/mock.md; without one, Default is the built-in world.
//
// A World is read-only once built: Load, Default and WithUser hand back
// worlds that callers query and never modify, so one World may be shared
// between goroutines. What the game writes (cloud storage, remembered
// authorization decisions) lives in the store, not here.
package mock

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// World is the mock platform: users, friends, groups, seeds and answers.
type World struct {
	// AppID is the file's "appId"; "" when absent (the simulator then uses
	// project.config.json's).
	AppID string
	// Me is the openid this simulator plays as; always a key of Users.
	Me string
	// Users are every known user, by openid.
	Users map[string]User
	// Groups are keyed by shareTicket.
	Groups map[string]Group
	// CloudSeed is "cloudStorage": openid -> key -> value, written into the
	// store once and never over data the game wrote later. Every openid is
	// a key of Users.
	CloudSeed map[string]map[string]string
	// Login is what wx.login / tt.login answers: Fail != "" makes it fail
	// with that reason, otherwise it succeeds with Code.
	Login LoginAnswer
	// Session is "valid" or "expired": what checkSession reports.
	Session string
	// AuthSetting is the file's per-scope answer: "allow", "deny" or "ask".
	// A scope that is not listed has not been decided yet (see Auth).
	AuthSetting map[string]string
	// Privacy is "agreed", "ask" or "deny".
	Privacy string
	// OpenContext is TikTok's authorizeOpenContext answer: "allow", "deny"
	// or "ask".
	OpenContext string
	// ClientVersion is the TikTok client version canIUse compares against,
	// dot-separated numbers ("40.3.0").
	ClientVersion string
	// WeRun is the open data behind wx.getWeRunData's cloudID, a JSON object
	// passed through as written (compacted); nil when the file gives none.
	WeRun json.RawMessage
	// Share is the outcome of share dialogs: "ok" or "cancel".
	Share string
	// Dir is the absolute folder of the mock file: relative avatarUrl paths
	// are relative to it. "" for the default world.
	Dir string

	friends map[string]map[string]bool // mutual: friends[a][b] == friends[b][a]
	source  string                     // the mock file as named to Load; "" for Default
}

// User is one known user.
type User struct {
	OpenID string
	// NickName is "nickName"; the openid when the file gives none.
	NickName string
	// AvatarURL is "avatarUrl" as written: a path relative to World.Dir or
	// a URL; "" for none.
	AvatarURL string
	// Language is "language" as written ("en", "zh_CN", "zh_TW"...), "" when absent.
	Language string
	// Gender is 0 (unknown), 1 (male) or 2 (female).
	Gender int
}

// Group is one group chat, known by its shareTicket.
type Group struct {
	Ticket string
	Name   string
	// Members are openids of Users, in file order, without repeats.
	Members []string
}

// LoginAnswer is what login answers: a Code, or a failure with a reason.
type LoginAnswer struct{ Code, Fail string }

// The values the fields take when the mock file leaves them out. The spec
// gives no defaults; each is the permissive choice (the game is let through).
const (
	DefaultMe            = "o_player"        // "me" absent: this openid, added to "users" as "Me" if missing
	DefaultLoginCode     = "mock-login-code" // "login" absent: login succeeds with this code
	DefaultSession       = "valid"
	DefaultPrivacy       = "agreed"
	DefaultOpenContext   = "allow"
	DefaultClientVersion = "40.3.0" // the version shareAppMessage needs
	DefaultShare         = "ok"
)

// WithUser returns the world playing as another openid (--user). The copy
// shares the users, groups and seeds of w; it is an error if openid is not
// one of w's users.
func (w *World) WithUser(openid string) (*World, error) {
	if _, ok := w.Users[openid]; !ok {
		where := "the default mock world"
		if w.source != "" {
			where = w.source + `'s "users"`
		}
		return nil, fmt.Errorf("--user %q: not a user of %s (%s)", openid, where, listNames(w.userIDs(), 12))
	}
	c := *w
	c.Me = openid
	return &c, nil
}

// Friends returns the friends of openid, sorted; friendship is mutual. Nil
// for an unknown openid or one without friends.
func (w *World) Friends(openid string) []string {
	set := w.friends[openid]
	if len(set) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(set))
}

// AreFriends reports whether a and b are friends (in either order). Nobody is
// their own friend.
func (w *World) AreFriends(a, b string) bool { return w.friends[a][b] }

// User returns the user with this openid.
func (w *World) User(openid string) (User, bool) {
	u, ok := w.Users[openid]
	return u, ok
}

// Group returns the group with this shareTicket. Its Members are a copy.
func (w *World) Group(ticket string) (Group, bool) {
	g, ok := w.Groups[ticket]
	if ok {
		g.Members = slices.Clone(g.Members)
	}
	return g, ok
}

// Auth is the answer for one scope: the file's "allow", "deny" or "ask", and
// "ask" for a scope the file does not list. That is the real host's state
// for a scope never decided (getSetting does not list it, authorize
// prompts); headless, "ask" is answered allow.
func (w *World) Auth(scope string) string {
	if v, ok := w.AuthSetting[scope]; ok {
		return v
	}
	return "ask"
}

func (w *World) userIDs() []string { return slices.Sorted(maps.Keys(w.Users)) }

// addFriends records a mutual friendship.
func (w *World) addFriends(a, b string) {
	if w.friends == nil {
		w.friends = map[string]map[string]bool{}
	}
	for _, p := range [][2]string{{a, b}, {b, a}} {
		if w.friends[p[0]] == nil {
			w.friends[p[0]] = map[string]bool{}
		}
		w.friends[p[0]][p[1]] = true
	}
}

// listNames writes at most max names, then how many more.
func listNames(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}
