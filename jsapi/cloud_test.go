package jsapi_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/minisim/minisim/jsapi"
)

// memCloud is the relationship chain in memory: o_me with friends o_a and
// o_b, group tk_1 of o_me and o_c.
type memCloud struct {
	data    map[string]map[string]string
	batches int // UsersKV calls
}

func newMemCloud() *memCloud {
	return &memCloud{data: map[string]map[string]string{
		"o_a": {"score": "10"},
		"o_c": {"score": "30"},
	}}
}

func (c *memCloud) SetUser(kv map[string]string) error {
	if c.data["o_me"] == nil {
		c.data["o_me"] = map[string]string{}
	}
	for k, v := range kv {
		c.data["o_me"][k] = v
	}
	return nil
}

func (c *memCloud) RemoveUser(keys []string) error {
	for _, k := range keys {
		delete(c.data["o_me"], k)
	}
	return nil
}

func (c *memCloud) UserKV(openid string, keys []string) (map[string]string, bool, error) {
	all := c.data[openid]
	if len(all) == 0 {
		return map[string]string{}, false, nil
	}
	kv := map[string]string{}
	for k, v := range all {
		kv[k] = v
	}
	if keys != nil {
		kv = map[string]string{}
		for _, k := range keys {
			if v, ok := all[k]; ok {
				kv[k] = v
			}
		}
	}
	return kv, true, nil
}

func (c *memCloud) UsersKV(openids []string, keys []string) (map[string]map[string]string, error) {
	c.batches++
	out := map[string]map[string]string{}
	for _, id := range openids {
		if kv, player, _ := c.UserKV(id, keys); player {
			out[id] = kv
		}
	}
	return out, nil
}

func p(id string) jsapi.Player { return jsapi.Player{OpenID: id, NickName: strings.ToUpper(id[2:])} }

func (c *memCloud) Me() jsapi.Player        { return p("o_me") }
func (c *memCloud) Friends() []jsapi.Player { return []jsapi.Player{p("o_a"), p("o_b")} }
func (c *memCloud) Group(ticket string) ([]jsapi.Player, bool) {
	if ticket != "tk_1" {
		return nil, false
	}
	return []jsapi.Player{p("o_me"), p("o_c")}, true
}

func (c *memCloud) User(openid string) (jsapi.Player, bool) {
	switch openid {
	case "o_me", "o_a", "o_b", "o_c":
		return p(openid), true
	}
	return jsapi.Player{}, false
}

// newDomainEnv runs src as game.js in a domain of the given kind.
func newDomainEnv(t *testing.T, host *fakeHost, platform string, domain string, src string) *env {
	t.Helper()
	cfg := jsapi.Config{Platform: platform, Domain: domain}
	if domain == jsapi.OpenDomain {
		cfg.Link = jsapi.NewOpenDataLink(nil, 375, 667)
	}
	e := openEnv(t, host, map[string]string{"game.js": src}, cfg)
	e.d.RunMain("game.js")
	for i := 0; i < 5; i++ {
		e.d.RunPosted()
	}
	return e
}

func TestCloudGettersOnlyInOpenDomain(t *testing.T) {
	e := newDomainEnv(t, &fakeHost{cloud: newMemCloud()}, "wechat", jsapi.MainDomain, `
console.log(typeof wx.getFriendCloudStorage, typeof wx.getGroupCloudStorage, typeof wx.getUserCloudStorage,
  typeof wx.setUserCloudStorage, typeof wx.removeUserCloudStorage);
`)
	if got := strings.TrimSpace(e.out.String()); got != "undefined undefined undefined function function" {
		t.Fatalf("main domain sees %q", got)
	}
}

func TestFriendCloudStorageListsOnlyPlayers(t *testing.T) {
	cloud := newMemCloud()
	e := newDomainEnv(t, &fakeHost{cloud: cloud}, "wechat", jsapi.OpenDomain, `
function show(tag) {
  return function (r) {
    console.log(tag, r.errMsg, JSON.stringify(r.data.map(function (u) { return [u.openid, u.nickname, u.KVDataList]; })));
  };
}
wx.getFriendCloudStorage({keyList: ['score'], success: show('before')});
wx.setUserCloudStorage({KVDataList: [{key: 'score', value: '20'}, {key: 'level', value: '3'}],
  success: function (r) {
    console.log(r.errMsg);
    wx.getFriendCloudStorage({keyList: ['score'], success: show('after')});
    wx.getGroupCloudStorage({shareTicket: 'tk_1', keyList: ['score'], success: show('group')});
    wx.getUserCloudStorage({keyList: ['level', 'nope'], success: function (r) { console.log(r.errMsg, JSON.stringify(r.KVDataList)); }});
  }});
`)
	want := []string{
		`before getFriendCloudStorage:ok [["o_a","A",[{"key":"score","value":"10"}]]]`,
		`setUserCloudStorage:ok`,
		`after getFriendCloudStorage:ok [["o_me","ME",[{"key":"score","value":"20"}]],["o_a","A",[{"key":"score","value":"10"}]]]`,
		`group getGroupCloudStorage:ok [["o_me","ME",[{"key":"score","value":"20"}]],["o_c","C",[{"key":"score","value":"30"}]]]`,
		`getUserCloudStorage:ok [{"key":"level","value":"3"}]`,
	}
	got := strings.Split(strings.TrimSpace(e.out.String()), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s\nstderr: %s", strings.Join(got, "\n"), strings.Join(want, "\n"), e.err.String())
	}
	// Each ranking reads all its users at once, not one by one.
	if cloud.batches != 3 {
		t.Errorf("%d UsersKV calls for 3 rankings, want 3", cloud.batches)
	}
}

func TestCloudStorageLimitsFail(t *testing.T) {
	cases := []struct{ platform, call, errPart string }{
		{"wechat", `wx.setUserCloudStorage({KVDataList: [{key: 'k'.repeat(129), value: '1'}], fail: f})`, "key"},
		{"wechat", `wx.setUserCloudStorage({KVDataList: [{key: 'k', value: 'v'.repeat(1024)}], fail: f})`, "1024"},
		{"wechat", `wx.setUserCloudStorage({KVDataList: Array.from({length: 129}, function (_, i) { return {key: 'k' + i, value: '1'}; }), fail: f})`, "128"},
		{"wechat", `wx.setUserCloudStorage({KVDataList: [{key: 'k', value: 5}], fail: f})`, "String"},
		{"wechat", `wx.setUserCloudStorage({fail: f})`, "KVDataList"},
		{"tiktok", `tt.setUserCloudStorage({data: [{key: 'k', value: 'v'.repeat(2049)}], fail: f})`, "2048"},
		{"wechat", `wx.getGroupCloudStorage({keyList: ['score'], fail: f})`, "shareTicket"},
		{"wechat", `wx.getGroupCloudStorage({shareTicket: 'nope', keyList: ['score'], fail: f})`, "shareTicket"},
	}
	for _, c := range cases {
		cloud := newMemCloud()
		e := newDomainEnv(t, &fakeHost{cloud: cloud}, c.platform, jsapi.OpenDomain,
			`function f(r) { console.log(r.errMsg); }`+"\n"+c.call)
		out := strings.TrimSpace(e.out.String())
		if !strings.Contains(out, ":fail ") || !strings.Contains(out, c.errPart) {
			t.Errorf("%s: got %q (stderr %q), want a fail naming %q", c.call, out, e.err.String(), c.errPart)
		}
		if len(cloud.data["o_me"]) != 0 {
			t.Errorf("%s: a rejected write was stored: %v", c.call, cloud.data["o_me"])
		}
	}
}

func TestRemoveUserCloudStorage(t *testing.T) {
	cloud := newMemCloud()
	cloud.data["o_me"] = map[string]string{"a": "1", "b": "2"}
	e := newDomainEnv(t, &fakeHost{cloud: cloud}, "wechat", jsapi.OpenDomain, `
wx.removeUserCloudStorage({keyList: ['a'], success: function (r) {
  console.log(r.errMsg);
  wx.getUserCloudStorageKeys({success: function (r) { console.log(JSON.stringify(r.keys)); }});
}});
`)
	if got := strings.TrimSpace(e.out.String()); got != "removeUserCloudStorage:ok\n[\"b\"]" {
		t.Fatalf("got %q, stderr %q", got, e.err.String())
	}
	keys := make([]string, 0)
	for k := range cloud.data["o_me"] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, ",") != "b" {
		t.Fatalf("stored keys %v", keys)
	}
}
