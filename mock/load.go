package mock

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// topFields are the mock file's fields, in the spec's order.
var topFields = []string{
	"appId", "me", "users", "friends", "groups", "cloudStorage", "login", "session",
	"authSetting", "privacy", "openContext", "clientVersion", "weRun", "share",
}

var userFields = []string{"nickName", "avatarUrl", "gender", "language"}

// Load reads a mock file (shared/spec/mock.md). Every field is optional; an
// absent one takes the Default* value (a permissive one where the spec gives
// none), "authSetting" absent lists no scope (see World.Auth), "me" absent
// plays as DefaultMe, added to the users as "Me" when the file does not
// list it (so a file may leave "me" out and be used with --user), and a
// user without "nickName" is shown by openid. A null value counts as absent.
//
// Errors are one line naming the file: syntax errors with line:column,
// other mistakes with the JSON path, e.g.
//
//	mock.json: "authSetting"."scope.userInfo": must be "allow", "deny" or "ask", not "yes"
//
// Unknown fields, keys given twice, wrong types, unknown enum values and
// openids that are not in "users" are errors.
func Load(path string) (*World, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	root, err := parseJSON(path, data)
	if err != nil {
		return nil, err
	}
	l := &loader{file: path}
	w, err := l.world(root)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	w.Dir = filepath.Dir(abs)
	w.source = path
	return w, nil
}

type loader struct{ file string }

func (l *loader) errorf(path, format string, args ...any) error {
	if path == "" {
		return fmt.Errorf("%s: %s", l.file, fmt.Sprintf(format, args...))
	}
	return fmt.Errorf("%s: %s: %s", l.file, path, fmt.Sprintf(format, args...))
}

// key extends a JSON path with an object member: "a"."b".
func key(path, k string) string {
	if path == "" {
		return strconv.Quote(k)
	}
	return path + "." + strconv.Quote(k)
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

func (l *loader) world(root *node) (*World, error) {
	if root.kind != kindObject {
		return nil, l.errorf("", "must hold a JSON object, not %s", root.describe())
	}
	fields, err := l.fields(root, "", topFields)
	if err != nil {
		return nil, err
	}
	w := emptyWorld()
	if n := fields["appId"]; n != nil {
		if w.AppID, err = l.str(n, `"appId"`); err != nil {
			return nil, err
		}
	}
	if n := fields["users"]; n != nil {
		if err := l.users(w, n); err != nil {
			return nil, err
		}
	}
	if n := fields["me"]; n != nil {
		if w.Me, err = l.openid(w, n, `"me"`); err != nil {
			return nil, err
		}
	} else {
		w.Me = DefaultMe
		if _, ok := w.Users[DefaultMe]; !ok {
			w.Users[DefaultMe] = User{OpenID: DefaultMe, NickName: "Me"}
		}
	}
	steps := []struct {
		field string
		read  func(*World, *node) error
	}{
		{"friends", l.friends},
		{"groups", l.groups},
		{"cloudStorage", l.cloudStorage},
		{"login", l.login},
		{"authSetting", l.authSetting},
		{"clientVersion", l.clientVersion},
		{"weRun", l.weRun},
	}
	for _, s := range steps {
		if n := fields[s.field]; n != nil {
			if err := s.read(w, n); err != nil {
				return nil, err
			}
		}
	}
	enums := []struct {
		field   string
		dst     *string
		allowed []string
	}{
		{"session", &w.Session, []string{"valid", "expired"}},
		{"privacy", &w.Privacy, []string{"agreed", "ask", "deny"}},
		{"openContext", &w.OpenContext, []string{"allow", "deny", "ask"}},
		{"share", &w.Share, []string{"ok", "cancel"}},
	}
	for _, e := range enums {
		if n := fields[e.field]; n != nil {
			if *e.dst, err = l.enum(n, key("", e.field), e.allowed...); err != nil {
				return nil, err
			}
		}
	}
	return w, nil
}

// fields checks an object's members against the known names (file order:
// the first unknown or repeated one is the error) and returns them by
// name, null values left out.
func (l *loader) fields(n *node, path string, known []string) (map[string]*node, error) {
	members, err := l.object(n, path)
	if err != nil {
		return nil, err
	}
	out := map[string]*node{}
	for _, m := range members {
		if !slices.Contains(known, m.key) {
			msg := "unknown field"
			if s := suggest(m.key, known); s != "" {
				msg += fmt.Sprintf(", did you mean %q?", s)
			}
			return nil, l.errorf(key(path, m.key), "%s (known: %s)", msg, strings.Join(known, ", "))
		}
		if m.val.kind != kindNull {
			out[m.key] = m.val
		}
	}
	return out, nil
}

// object checks that n is an object without repeated keys.
func (l *loader) object(n *node, path string) ([]member, error) {
	if n.kind != kindObject {
		return nil, l.errorf(path, "must be an object, not %s", n.describe())
	}
	seen := map[string]bool{}
	for _, m := range n.members {
		if seen[m.key] {
			return nil, l.errorf(key(path, m.key), "given twice")
		}
		seen[m.key] = true
	}
	return n.members, nil
}

func (l *loader) array(n *node, path, of string) ([]*node, error) {
	if n.kind != kindArray {
		return nil, l.errorf(path, "must be an array of %s, not %s", of, n.describe())
	}
	return n.elems, nil
}

func (l *loader) str(n *node, path string) (string, error) {
	if n.kind != kindString {
		return "", l.errorf(path, "must be a string, not %s", n.describe())
	}
	return n.str, nil
}

func (l *loader) enum(n *node, path string, allowed ...string) (string, error) {
	if n.kind == kindString && slices.Contains(allowed, n.str) {
		return n.str, nil
	}
	q := make([]string, len(allowed))
	for i, a := range allowed {
		q[i] = strconv.Quote(a)
	}
	list := strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
	return "", l.errorf(path, "must be %s, not %s", list, n.describe())
}

// openid reads a string that must be the openid of a user.
func (l *loader) openid(w *World, n *node, path string) (string, error) {
	if n.kind != kindString {
		return "", l.errorf(path, "must be an openid (a string), not %s", n.describe())
	}
	if err := l.known(w, n.str, path); err != nil {
		return "", err
	}
	return n.str, nil
}

// known checks that an openid (a value, or the key at path) is a user.
func (l *loader) known(w *World, id, path string) error {
	if _, ok := w.Users[id]; !ok {
		return l.errorf(path, `%q is not in "users"`, id)
	}
	return nil
}

func (l *loader) users(w *World, n *node) error {
	members, err := l.object(n, `"users"`)
	if err != nil {
		return err
	}
	for _, m := range members {
		path := key(`"users"`, m.key)
		if m.key == "" {
			return l.errorf(path, "an openid must not be empty")
		}
		f, err := l.fields(m.val, path, userFields)
		if err != nil {
			return err
		}
		u := User{OpenID: m.key, NickName: m.key}
		if v := f["nickName"]; v != nil {
			if u.NickName, err = l.str(v, key(path, "nickName")); err != nil {
				return err
			}
		}
		if v := f["avatarUrl"]; v != nil {
			if u.AvatarURL, err = l.str(v, key(path, "avatarUrl")); err != nil {
				return err
			}
		}
		if v := f["language"]; v != nil {
			if u.Language, err = l.str(v, key(path, "language")); err != nil {
				return err
			}
		}
		if v := f["gender"]; v != nil {
			g, err := v.num.Int64()
			if v.kind != kindNumber || err != nil || g < 0 || g > 2 {
				return l.errorf(key(path, "gender"), "must be 0 (unknown), 1 (male) or 2 (female), not %s", v.describe())
			}
			u.Gender = int(g)
		}
		w.Users[m.key] = u
	}
	return nil
}

func (l *loader) friends(w *World, n *node) error {
	members, err := l.object(n, `"friends"`)
	if err != nil {
		return err
	}
	for _, m := range members {
		path := key(`"friends"`, m.key)
		if err := l.known(w, m.key, path); err != nil {
			return err
		}
		elems, err := l.array(m.val, path, "openids")
		if err != nil {
			return err
		}
		for i, e := range elems {
			p := index(path, i)
			id, err := l.openid(w, e, p)
			if err != nil {
				return err
			}
			if id == m.key {
				return l.errorf(p, "%q cannot be their own friend", id)
			}
			w.addFriends(m.key, id)
		}
	}
	return nil
}

func (l *loader) groups(w *World, n *node) error {
	members, err := l.object(n, `"groups"`)
	if err != nil {
		return err
	}
	for _, m := range members {
		path := key(`"groups"`, m.key)
		if m.key == "" {
			return l.errorf(path, "a shareTicket must not be empty")
		}
		f, err := l.fields(m.val, path, []string{"name", "members"})
		if err != nil {
			return err
		}
		g := Group{Ticket: m.key, Members: []string{}}
		if v := f["name"]; v != nil {
			if g.Name, err = l.str(v, key(path, "name")); err != nil {
				return err
			}
		}
		if v := f["members"]; v != nil {
			mp := key(path, "members")
			elems, err := l.array(v, mp, "openids")
			if err != nil {
				return err
			}
			for i, e := range elems {
				p := index(mp, i)
				id, err := l.openid(w, e, p)
				if err != nil {
					return err
				}
				if slices.Contains(g.Members, id) {
					return l.errorf(p, "%q is listed twice", id)
				}
				g.Members = append(g.Members, id)
			}
		}
		w.Groups[m.key] = g
	}
	return nil
}

func (l *loader) cloudStorage(w *World, n *node) error {
	members, err := l.object(n, `"cloudStorage"`)
	if err != nil {
		return err
	}
	for _, m := range members {
		path := key(`"cloudStorage"`, m.key)
		if err := l.known(w, m.key, path); err != nil {
			return err
		}
		kvs, err := l.object(m.val, path)
		if err != nil {
			return err
		}
		seed := map[string]string{}
		for _, kv := range kvs {
			p := key(path, kv.key)
			if kv.key == "" {
				return l.errorf(p, "a key must not be empty")
			}
			// Cloud storage values are strings on the real hosts
			// (KVDataList: [{key, value}]); a number here is a mistake.
			if seed[kv.key], err = l.str(kv.val, p); err != nil {
				return err
			}
		}
		w.CloudSeed[m.key] = seed
	}
	return nil
}

func (l *loader) login(w *World, n *node) error {
	f, err := l.fields(n, `"login"`, []string{"code", "fail"})
	if err != nil {
		return err
	}
	code, fail := f["code"], f["fail"]
	switch {
	case code != nil && fail != nil:
		return l.errorf(`"login"`, `give "code" or "fail", not both`)
	case code != nil:
		c, err := l.str(code, `"login"."code"`)
		if err != nil {
			return err
		}
		if c == "" {
			return l.errorf(`"login"."code"`, `must not be empty (give "fail" to make login fail)`)
		}
		w.Login = LoginAnswer{Code: c}
	case fail != nil:
		r, err := l.str(fail, `"login"."fail"`)
		if err != nil {
			return err
		}
		if r == "" {
			return l.errorf(`"login"."fail"`, "must be the reason login fails, not empty")
		}
		w.Login = LoginAnswer{Fail: r}
	}
	return nil
}

func (l *loader) authSetting(w *World, n *node) error {
	members, err := l.object(n, `"authSetting"`)
	if err != nil {
		return err
	}
	for _, m := range members {
		path := key(`"authSetting"`, m.key)
		if !strings.HasPrefix(m.key, "scope.") || len(m.key) == len("scope.") {
			return l.errorf(path, `not a scope: scopes are named "scope.<name>", e.g. "scope.userInfo"`)
		}
		if w.AuthSetting[m.key], err = l.enum(m.val, path, "allow", "deny", "ask"); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) clientVersion(w *World, n *node) error {
	v, err := l.str(n, `"clientVersion"`)
	if err == nil && !isVersion(v) {
		err = l.errorf(`"clientVersion"`, `must be a version like "40.3.0", not %s`, n.describe())
	}
	if err != nil {
		return err
	}
	w.ClientVersion = v
	return nil
}

func (l *loader) weRun(w *World, n *node) error {
	if _, err := l.object(n, `"weRun"`); err != nil {
		return err
	}
	var buf bytes.Buffer
	n.marshal(&buf)
	w.WeRun = buf.Bytes()
	return nil
}

// isVersion: dot-separated decimal numbers.
func isVersion(v string) bool {
	if v == "" {
		return false
	}
	for _, part := range strings.Split(v, ".") {
		if part == "" || strings.Trim(part, "0123456789") != "" {
			return false
		}
	}
	return true
}

// suggest returns the known name an unknown one is probably a typo of.
func suggest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return k
		}
		if d := distance(strings.ToLower(name), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b (bytes).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
