package mock

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// specExample is the example of shared/spec/mock.md.
const specExample = `{
  "appId": "wx0123456789abcdef",
  "me": "o_alice",
  "users": {
    "o_alice": {"nickName": "Alice", "avatarUrl": "avatars/alice.png", "gender": 2, "language": "en"},
    "o_bob":   {"nickName": "Bob",   "avatarUrl": "avatars/bob.png"},
    "o_carol": {"nickName": "Carol", "avatarUrl": "avatars/carol.png"}
  },
  "friends": {"o_alice": ["o_bob", "o_carol"]},
  "groups": {"tk_team": {"name": "Team", "members": ["o_alice", "o_bob"]}},
  "cloudStorage": {"o_bob": {"score": "120"}, "o_carol": {"score": "75", "level": "4"}},
  "login": {"code": "mock-login-code"},
  "session": "valid",
  "authSetting": {"scope.userInfo": "allow", "scope.WxFriendInteraction": "allow", "scope.werun": "ask"},
  "privacy": "ask",
  "openContext": "allow",
  "clientVersion": "40.3.0",
  "weRun": {"stepInfoList": [{"timestamp": 1554814312, "step": 5000}]},
  "share": "ok"
}`

// write puts a mock file in a temporary folder and returns its path.
func write(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "mock.json")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadSpecExample(t *testing.T) {
	path := write(t, specExample)
	w, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if w.AppID != "wx0123456789abcdef" || w.Me != "o_alice" {
		t.Errorf("appId, me = %q, %q", w.AppID, w.Me)
	}
	wantUsers := map[string]User{
		"o_alice": {OpenID: "o_alice", NickName: "Alice", AvatarURL: "avatars/alice.png", Gender: 2, Language: "en"},
		"o_bob":   {OpenID: "o_bob", NickName: "Bob", AvatarURL: "avatars/bob.png"},
		"o_carol": {OpenID: "o_carol", NickName: "Carol", AvatarURL: "avatars/carol.png"},
	}
	if !reflect.DeepEqual(w.Users, wantUsers) {
		t.Errorf("users = %+v", w.Users)
	}
	if g, ok := w.Group("tk_team"); !ok || !reflect.DeepEqual(g, Group{Ticket: "tk_team", Name: "Team", Members: []string{"o_alice", "o_bob"}}) {
		t.Errorf("group tk_team = %+v, %v", g, ok)
	}
	if len(w.Groups) != 1 {
		t.Errorf("groups = %+v", w.Groups)
	}
	wantSeed := map[string]map[string]string{"o_bob": {"score": "120"}, "o_carol": {"score": "75", "level": "4"}}
	if !reflect.DeepEqual(w.CloudSeed, wantSeed) {
		t.Errorf("cloudStorage = %v", w.CloudSeed)
	}
	if w.Login != (LoginAnswer{Code: "mock-login-code"}) || w.Session != "valid" {
		t.Errorf("login, session = %+v, %q", w.Login, w.Session)
	}
	wantAuth := map[string]string{"scope.userInfo": "allow", "scope.WxFriendInteraction": "allow", "scope.werun": "ask"}
	if !reflect.DeepEqual(w.AuthSetting, wantAuth) {
		t.Errorf("authSetting = %v", w.AuthSetting)
	}
	if w.Privacy != "ask" || w.OpenContext != "allow" || w.ClientVersion != "40.3.0" || w.Share != "ok" {
		t.Errorf("privacy, openContext, clientVersion, share = %q, %q, %q, %q", w.Privacy, w.OpenContext, w.ClientVersion, w.Share)
	}
	if got := string(w.WeRun); got != `{"stepInfoList":[{"timestamp":1554814312,"step":5000}]}` {
		t.Errorf("weRun = %s", got)
	}
	if w.Dir != filepath.Dir(path) {
		t.Errorf("dir = %q, want %q", w.Dir, filepath.Dir(path))
	}
	if got := w.Friends("o_alice"); !reflect.DeepEqual(got, []string{"o_bob", "o_carol"}) {
		t.Errorf("friends of alice = %v", got)
	}
	if w.Auth("scope.werun") != "ask" || w.Auth("scope.userLocation") != "ask" || w.Auth("scope.userInfo") != "allow" {
		t.Error("Auth")
	}
}

func TestMutualFriends(t *testing.T) {
	w, err := Load(write(t, `{
		"users": {"a": {}, "b": {}, "c": {}, "d": {}},
		"friends": {"a": ["b"], "c": ["a", "b"], "b": ["a"]}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][]string{"a": {"b", "c"}, "b": {"a", "c"}, "c": {"a", "b"}, "d": nil, "nobody": nil} {
		if got := w.Friends(id); !reflect.DeepEqual(got, want) {
			t.Errorf("Friends(%s) = %v, want %v", id, got, want)
		}
	}
	if !w.AreFriends("b", "a") || !w.AreFriends("a", "c") || !w.AreFriends("b", "c") {
		t.Error("friendship is not mutual")
	}
	if w.AreFriends("a", "d") || w.AreFriends("a", "a") || w.AreFriends("x", "y") {
		t.Error("unexpected friends")
	}
}

func TestDefaultsForAbsentFields(t *testing.T) {
	w, err := Load(write(t, "\xef\xbb\xbf{}"))
	if err != nil {
		t.Fatal(err)
	}
	if w.AppID != "" || w.Me != DefaultMe || w.Users[DefaultMe].NickName != "Me" {
		t.Errorf("appId, me, users = %q, %q, %v", w.AppID, w.Me, w.Users)
	}
	if w.Login != (LoginAnswer{Code: "mock-login-code"}) || w.Session != "valid" || w.Privacy != "agreed" ||
		w.OpenContext != "allow" || w.ClientVersion != "40.3.0" || w.Share != "ok" || w.WeRun != nil ||
		len(w.AuthSetting) != 0 || len(w.Groups) != 0 || len(w.CloudSeed) != 0 {
		t.Errorf("defaults: %+v", w)
	}

	// A user without a nickName shows by openid; null is absent; "me"
	// absent adds o_player beside the listed users (for use with --user).
	w, err = Load(write(t, `{"users": {"o_x": {"gender": null}}, "session": null, "login": {"fail": "network down"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if w.Users["o_x"].NickName != "o_x" || w.Session != "valid" || w.Me != "o_player" || len(w.Users) != 2 {
		t.Errorf("got %+v", w)
	}
	if w.Login != (LoginAnswer{Fail: "network down"}) {
		t.Errorf("login = %+v", w.Login)
	}
	if _, err := w.WithUser("o_x"); err != nil {
		t.Error(err)
	}
}

func TestLoadErrors(t *testing.T) {
	users := `"users": {"o_alice": {}, "o_bob": {}}`
	for _, tc := range []struct{ text, want string }{
		// syntax errors: line:column
		{"{\n  \"session\": \"valid\",\n  }", `mock.json:3:3: malformed JSON: invalid character '}' looking for beginning of object key string`},
		{"{\"users\": {\"o_a\": {\"nickName\": \"小明\" \"x\"}}}", `mock.json:1:37: malformed JSON: invalid character '"' after object key:value pair`},
		{``, `mock.json:1:1: malformed JSON: unexpected end of JSON input`},
		{`{} {}`, `mock.json:1:4: malformed JSON: invalid character '{' after top-level value`},
		{`[1]`, `mock.json: must hold a JSON object, not an array`},
		// unknown fields
		{`{"sesion": "valid"}`, `mock.json: "sesion": unknown field, did you mean "session"? (known: appId, me, users, friends, groups, cloudStorage, login, session, authSetting, privacy, openContext, clientVersion, weRun, share)`},
		{`{"appID": "wx1"}`, `mock.json: "appID": unknown field, did you mean "appId"?`},
		{`{"frobnicate": 1}`, `mock.json: "frobnicate": unknown field (known: appId,`},
		{`{"users": {"o_a": {"nick": "A"}}}`, `mock.json: "users"."o_a"."nick": unknown field (known: nickName, avatarUrl, gender, language)`},
		{`{"groups": {"tk": {"title": "A"}}}`, `mock.json: "groups"."tk"."title": unknown field (known: name, members)`},
		{`{"login": {"code": "c", "error": "x"}}`, `mock.json: "login"."error": unknown field (known: code, fail)`},
		{`{"session": "valid", "session": "expired"}`, `mock.json: "session": given twice`},
		{`{"friends": {"o_alice": ["o_bob"], "o_alice": []}, ` + users + `}`, `mock.json: "friends"."o_alice": given twice`},
		// wrong types
		{`{"appId": 7}`, `mock.json: "appId": must be a string, not 7`},
		{`{"users": []}`, `mock.json: "users": must be an object, not an array`},
		{`{"users": {"o_a": "Alice"}}`, `mock.json: "users"."o_a": must be an object, not "Alice"`},
		{`{"users": {"o_a": {"nickName": 5}}}`, `mock.json: "users"."o_a"."nickName": must be a string, not 5`},
		{`{"users": {"o_a": {"gender": "2"}}}`, `mock.json: "users"."o_a"."gender": must be 0 (unknown), 1 (male) or 2 (female), not "2"`},
		{`{"users": {"o_a": {"gender": 3}}}`, `mock.json: "users"."o_a"."gender": must be 0 (unknown), 1 (male) or 2 (female), not 3`},
		{`{"users": {"": {}}}`, `mock.json: "users"."": an openid must not be empty`},
		{`{` + users + `, "friends": {"o_alice": "o_bob"}}`, `mock.json: "friends"."o_alice": must be an array of openids, not "o_bob"`},
		{`{` + users + `, "friends": {"o_alice": [1]}}`, `mock.json: "friends"."o_alice"[0]: must be an openid (a string), not 1`},
		{`{` + users + `, "groups": {"tk": {"members": "o_bob"}}}`, `mock.json: "groups"."tk"."members": must be an array of openids, not "o_bob"`},
		{`{` + users + `, "cloudStorage": {"o_bob": {"score": 120}}}`, `mock.json: "cloudStorage"."o_bob"."score": must be a string, not 120`},
		{`{"login": "mock-login-code"}`, `mock.json: "login": must be an object, not "mock-login-code"`},
		{`{"login": {"code": "c", "fail": "f"}}`, `mock.json: "login": give "code" or "fail", not both`},
		{`{"login": {"fail": ""}}`, `mock.json: "login"."fail": must be the reason login fails, not empty`},
		{`{"weRun": [1]}`, `mock.json: "weRun": must be an object, not an array`},
		{`{"clientVersion": 40}`, `mock.json: "clientVersion": must be a string, not 40`},
		{`{"clientVersion": "v40"}`, `mock.json: "clientVersion": must be a version like "40.3.0", not "v40"`},
		// unknown enum values
		{`{"session": "maybe"}`, `mock.json: "session": must be "valid" or "expired", not "maybe"`},
		{`{"session": true}`, `mock.json: "session": must be "valid" or "expired", not true`},
		{`{"authSetting": {"scope.userInfo": "yes"}}`, `mock.json: "authSetting"."scope.userInfo": must be "allow", "deny" or "ask", not "yes"`},
		{`{"authSetting": {"userInfo": "allow"}}`, `mock.json: "authSetting"."userInfo": not a scope: scopes are named "scope.<name>", e.g. "scope.userInfo"`},
		{`{"privacy": "agree"}`, `mock.json: "privacy": must be "agreed", "ask" or "deny", not "agree"`},
		{`{"openContext": "no"}`, `mock.json: "openContext": must be "allow", "deny" or "ask", not "no"`},
		{`{"share": "fail"}`, `mock.json: "share": must be "ok" or "cancel", not "fail"`},
		// openids not in "users"
		{`{"me": "o_dave", ` + users + `}`, `mock.json: "me": "o_dave" is not in "users"`},
		{`{"me": "o_alice"}`, `mock.json: "me": "o_alice" is not in "users"`},
		{`{` + users + `, "friends": {"o_dave": ["o_bob"]}}`, `mock.json: "friends"."o_dave": "o_dave" is not in "users"`},
		{`{` + users + `, "friends": {"o_alice": ["o_bob", "o_dave"]}}`, `mock.json: "friends"."o_alice"[1]: "o_dave" is not in "users"`},
		{`{` + users + `, "friends": {"o_alice": ["o_alice"]}}`, `mock.json: "friends"."o_alice"[0]: "o_alice" cannot be their own friend`},
		{`{` + users + `, "groups": {"tk_team": {"members": ["o_alice", "o_dave"]}}}`, `mock.json: "groups"."tk_team"."members"[1]: "o_dave" is not in "users"`},
		{`{` + users + `, "groups": {"tk_team": {"members": ["o_bob", "o_bob"]}}}`, `mock.json: "groups"."tk_team"."members"[1]: "o_bob" is listed twice`},
		{`{` + users + `, "cloudStorage": {"o_dave": {"score": "1"}}}`, `mock.json: "cloudStorage"."o_dave": "o_dave" is not in "users"`},
	} {
		path := write(t, tc.text)
		_, err := Load(path)
		if err == nil {
			t.Errorf("%s: no error, want %s", tc.text, tc.want)
			continue
		}
		// The message names the file as given; show it as mock.json.
		got := strings.ReplaceAll(err.Error(), path, "mock.json")
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s:\n got: %s\nwant: %s", tc.text, got, tc.want)
		}
		if strings.Contains(got, "\n") {
			t.Errorf("%s: error is not one line: %q", tc.text, got)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.json")
	_, err := Load(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+": ") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v", err)
	}
}

func TestDefault(t *testing.T) {
	w := Default()
	me, ok := w.User(w.Me)
	if w.Me != "o_player" || !ok || me.NickName != "Me" || me.AvatarURL != "" {
		t.Fatalf("player = %q %+v %v", w.Me, me, ok)
	}
	friends := w.Friends(w.Me)
	if len(friends) < 5 {
		t.Fatalf("friends = %v", friends)
	}
	latin, han := false, false
	for _, f := range friends {
		u, ok := w.User(f)
		if !ok || u.NickName == "" || u.AvatarURL != "" {
			t.Errorf("friend %s = %+v, %v", f, u, ok)
		}
		for _, r := range u.NickName {
			latin = latin || r < 0x80
			han = han || r >= 0x4e00 && r <= 0x9fff
		}
		if w.CloudSeed[f]["score"] == "" {
			t.Errorf("friend %s has no score", f)
		}
		if !w.AreFriends(f, w.Me) {
			t.Errorf("%s is not a friend of the player", f)
		}
	}
	if !latin || !han {
		t.Error("nicknames are not mixed Chinese/Latin")
	}
	g, ok := w.Group("tk_default")
	if !ok || len(g.Members) != 4 || g.Members[0] != w.Me || g.Name == "" {
		t.Errorf("group = %+v, %v", g, ok)
	}
	for _, m := range g.Members[1:] {
		if !w.AreFriends(w.Me, m) {
			t.Errorf("group member %s is not a friend", m)
		}
	}
	if w.Login != (LoginAnswer{Code: "mock-login-code"}) || w.Session != "valid" || w.AuthSetting["scope.userInfo"] != "allow" ||
		w.Privacy != "agreed" || w.OpenContext != "allow" || w.ClientVersion != "40.3.0" || w.Share != "ok" ||
		w.AppID != "" || w.Dir != "" {
		t.Errorf("answers: %+v", w)
	}
	// Each call is a fresh world.
	w.Users["o_player"] = User{}
	if Default().Users["o_player"].NickName != "Me" {
		t.Error("Default shares its maps between calls")
	}
}

func TestWithUser(t *testing.T) {
	path := write(t, specExample)
	w, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	bob, err := w.WithUser("o_bob")
	if err != nil {
		t.Fatal(err)
	}
	if bob.Me != "o_bob" || w.Me != "o_alice" {
		t.Errorf("me = %q (original %q)", bob.Me, w.Me)
	}
	if got := bob.Friends(bob.Me); !reflect.DeepEqual(got, []string{"o_alice"}) {
		t.Errorf("bob's friends = %v", got)
	}
	_, err = w.WithUser("o_dave")
	if err == nil || err.Error() != `--user "o_dave": not a user of `+path+`'s "users" (o_alice, o_bob, o_carol)` {
		t.Errorf("err = %v", err)
	}
	_, err = Default().WithUser("o_dave")
	if err == nil || !strings.HasPrefix(err.Error(), `--user "o_dave": not a user of the default mock world (o_ajie, `) {
		t.Errorf("err = %v", err)
	}
	if d, err := Default().WithUser("o_lucas"); err != nil || d.Me != "o_lucas" || !d.AreFriends("o_lucas", "o_player") {
		t.Errorf("default as lucas: %v", err)
	}
}

func TestGroupReturnsCopy(t *testing.T) {
	w := Default()
	g, _ := w.Group("tk_default")
	g.Members[0] = "x"
	if g2, _ := w.Group("tk_default"); g2.Members[0] != "o_player" {
		t.Error("Group exposes the world's members slice")
	}
}
