package jsapi_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/jsapi"
)

// memAccount is the mock platform's account in memory. Mock holds the
// mock file's answers per scope; decisions override them.
type memAccount struct {
	loginFail     string
	expired       bool
	mock          map[string]string
	decisions     map[string]bool
	privacy       string
	clientVersion string
	share         string
	shares        []jsapi.ShareRecord
	weRun         json.RawMessage
}

func newMemAccount() *memAccount {
	return &memAccount{mock: map[string]string{"scope.WxFriendInteraction": "allow"}, decisions: map[string]bool{}, privacy: "agreed",
		clientVersion: "40.3.0", share: "ok"}
}

func (m *memAccount) AppID() string { return "wx_test" }
func (m *memAccount) Login() (string, error) {
	if m.loginFail != "" {
		return "", errors.New(m.loginFail)
	}
	return "code-1", nil
}
func (m *memAccount) SessionValid() bool { return !m.expired }
func (m *memAccount) Scope(scope string) (string, error) {
	if v, ok := m.decisions[scope]; ok {
		return map[bool]string{true: "allow", false: "deny"}[v], nil
	}
	if v, ok := m.mock[scope]; ok {
		return v, nil
	}
	return "ask", nil
}
func (m *memAccount) Decide(scope string, allow bool) error { m.decisions[scope] = allow; return nil }
func (m *memAccount) Decided() (map[string]bool, error) {
	out := map[string]bool{}
	for k, v := range m.mock {
		if v != "ask" {
			out[k] = v == "allow"
		}
	}
	for k, v := range m.decisions {
		out[k] = v
	}
	return out, nil
}
func (m *memAccount) Privacy() (string, error) { return m.privacy, nil }
func (m *memAccount) AgreePrivacy() error      { m.privacy = "agreed"; return nil }
func (m *memAccount) ClientVersion() string    { return m.clientVersion }
func (m *memAccount) ShareOutcome() string     { return m.share }
func (m *memAccount) RecordShare(r jsapi.ShareRecord) error {
	m.shares = append(m.shares, r)
	return nil
}

func (h *fakeHost) Account() jsapi.Account {
	if h.account == nil {
		h.account = newMemAccount()
	}
	return h.account
}

// Ask records the prompt and gives the next scripted answer, or the
// prompt's headless one.
func (h *fakeHost) Ask(p jsapi.Prompt, answer func(bool)) {
	h.prompts = append(h.prompts, p)
	if p.Input != nil && h.edit != nil {
		h.edit(p.Input)
	}
	allow := p.Headless
	if len(h.answers) > 0 {
		allow, h.answers = h.answers[0], h.answers[1:]
	}
	answer(allow)
}

func (h *fakeHost) OpenSettings(decided map[string]bool, done func(map[string]bool)) {
	done(h.settingsChange)
}

func accountEnv(t *testing.T, acc *memAccount, platform, domain, src string) *env {
	t.Helper()
	return newDomainEnv(t, &fakeHost{cloud: newMemCloud(), account: acc}, platform, domain, src)
}

func wantOut(t *testing.T, e *env, want string) {
	t.Helper()
	if got := strings.TrimSpace(e.out.String()); got != strings.TrimSpace(want) {
		t.Fatalf("output:\n%s\nwant:\n%s\nstderr: %s", got, want, e.err.String())
	}
}

const logResult = `function log(tag) { return function (r) { console.log(tag, JSON.stringify(r)); }; }
`

func TestLoginAndSession(t *testing.T) {
	acc := newMemAccount()
	e := accountEnv(t, acc, "wechat", jsapi.MainDomain, logResult+`
wx.login({success: log('ok')});
wx.login().then(log('promise'));
wx.checkSession({success: log('valid')});
console.log(JSON.stringify(wx.getAccountInfoSync()));
`)
	wantOut(t, e, `{"miniProgram":{"appId":"wx_test","envVersion":"develop","version":""}}
ok {"code":"code-1","errMsg":"login:ok"}
promise {"code":"code-1","errMsg":"login:ok"}
valid {"errMsg":"checkSession:ok"}`)

	acc = newMemAccount()
	acc.loginFail, acc.expired = "network down", true
	e = accountEnv(t, acc, "wechat", jsapi.MainDomain, logResult+`
wx.login({fail: log('fail')});
wx.checkSession({fail: log('expired')});
`)
	wantOut(t, e, `fail {"errMsg":"login:fail network down"}
expired {"errMsg":"checkSession:fail session time out, need relogin"}`)

	// The Open Interface seed: checkSession and getAccountInfoSync are for
	// mini programs only on that host.
	e = accountEnv(t, newMemAccount(), "tiktok", jsapi.MainDomain, logResult+`
console.log(typeof tt.checkSession, typeof tt.getAccountInfoSync, tt.canIUse('checkSession'));
tt.login({success: log('ok')});
`)
	wantOut(t, e, `undefined undefined false
ok {"code":"code-1","isLogin":true,"errMsg":"login:ok"}`)
}

func TestMainGetUserInfoNeedsScope(t *testing.T) {
	acc := newMemAccount()
	acc.mock["scope.userInfo"] = "allow"
	e := accountEnv(t, acc, "wechat", jsapi.MainDomain, logResult+`
wx.getUserInfo({lang: 'zh_CN', success: function (r) { console.log(r.errMsg, r.userInfo.nickName, r.userInfo.language, JSON.parse(r.rawData).nickName); }});
`)
	wantOut(t, e, `getUserInfo:ok ME zh_CN ME`)

	// Undecided: a prompt; the refusal is remembered.
	host := &fakeHost{cloud: newMemCloud(), account: newMemAccount(), answers: []bool{false}}
	e = newDomainEnv(t, host, "wechat", jsapi.MainDomain, logResult+`
wx.getUserInfo({fail: function (r) {
  console.log(r.errMsg);
  wx.getUserInfo({fail: log('again')});
}});
`)
	wantOut(t, e, `getUserInfo:fail auth deny
again {"errMsg":"getUserInfo:fail auth deny"}`)
	if len(host.prompts) != 1 || !strings.Contains(host.prompts[0].Message, "scope.userInfo") {
		t.Fatalf("prompts: %+v", host.prompts)
	}
}

func TestOpenDomainGetUserInfoByOpenID(t *testing.T) {
	e := accountEnv(t, newMemAccount(), "wechat", jsapi.OpenDomain, logResult+`
wx.getUserInfo({openIdList: ['selfOpenId', 'o_a', 'o_stranger'], lang: 'zh_TW', success: function (r) {
  console.log(r.errMsg, r.data.map(function (u) { return u.openId + ':' + u.nickName + ':' + u.language; }).join(' '));
}});
wx.getUserInfo({fail: log('fail')});
console.log(typeof wx.getUserInfo(), typeof wx.login);
`)
	wantOut(t, e, `undefined undefined
getUserInfo:ok o_me:ME:zh_TW o_a:A:zh_TW
fail {"errMsg":"getUserInfo:fail parameter.openIdList should be Array instead of Undefined"}`)
}

func TestSettingsAndAuthorize(t *testing.T) {
	acc := newMemAccount()
	acc.mock["scope.werun"] = "deny"
	host := &fakeHost{cloud: newMemCloud(), account: acc, answers: []bool{true}}
	e := newDomainEnv(t, host, "wechat", jsapi.MainDomain, logResult+`
wx.getSetting({success: log('before')});
wx.authorize({scope: 'scope.record', success: function (r) {
  console.log(r.errMsg);
  wx.getSetting({success: log('after')});
}});
wx.authorize({scope: 'scope.werun', fail: log('denied')});
wx.authorize({scope: 'scope.nothing', fail: function (r) { console.log(r.errMsg.slice(0, 44)); }});
wx.authorize({scope: 'scope.userInfo', fail: function (r) { console.log(r.errMsg.slice(0, 20)); }});
`)
	// The prompt's answer comes on a later turn than the calls decided at once.
	wantOut(t, e, `before {"authSetting":{"scope.WxFriendInteraction":true,"scope.werun":false},"errMsg":"getSetting:ok"}
denied {"errMsg":"authorize:fail auth deny"}
authorize:fail invalid scope "scope.nothing"
authorize:fail scope
authorize:ok
after {"authSetting":{"scope.WxFriendInteraction":true,"scope.record":true,"scope.werun":false},"errMsg":"getSetting:ok"}`)
	if len(host.prompts) != 1 {
		t.Fatalf("one prompt (scope.record) expected: %+v", host.prompts)
	}

	// openSetting: the player switches werun on in the panel.
	host.settingsChange = map[string]bool{"scope.werun": true}
	e = newDomainEnv(t, host, "wechat", jsapi.MainDomain, logResult+`wx.openSetting({success: log('set')});`)
	wantOut(t, e, `set {"authSetting":{"scope.WxFriendInteraction":true,"scope.record":true,"scope.werun":true},"errMsg":"openSetting:ok"}`)
}

func TestPrivacyFlow(t *testing.T) {
	cases := []struct{ name, resolve, want string }{
		{"agree", `resolve({event: 'exposureAuthorization'}); resolve({event: 'agree'});`,
			"need requirePrivacyAuthorize\nok requirePrivacyAuthorize:ok\nsetting false"},
		{"disagree", `resolve({event: 'disagree'});`,
			"need requirePrivacyAuthorize\nfail requirePrivacyAuthorize:fail privacy permission is not authorized\nsetting true"},
		{"pending", `resolve({event: 'exposureAuthorization'});`, "need requirePrivacyAuthorize\nsetting true"},
	}
	for _, c := range cases {
		for _, platform := range []string{"wechat", "tiktok"} {
			t.Run(c.name+"/"+platform, func(t *testing.T) {
				acc := newMemAccount()
				acc.privacy = "ask"
				e := accountEnv(t, acc, platform, jsapi.MainDomain, onPlatform(platform, `
wx.onNeedPrivacyAuthorization(function () { throw new Error('replaced: never called'); });
wx.onNeedPrivacyAuthorization(function (resolve, info) {
  console.log('need', info.referrer);
  `+c.resolve+`
});
wx.requirePrivacyAuthorize({
  success: function (r) { console.log('ok', r.errMsg); },
  fail: function (r) { console.log('fail', r.errMsg); },
  complete: function () { wx.getPrivacySetting({success: function (r) { console.log('setting', r.needAuthorization); }}); }
});
if ('`+c.name+`' === 'pending') wx.getPrivacySetting({success: function (r) { console.log('setting', r.needAuthorization); }});
`))
				wantOut(t, e, c.want)
			})
		}
	}

	// Without a listener the platform's popup asks; getUserInfo waits on it.
	acc := newMemAccount()
	acc.privacy, acc.mock["scope.userInfo"] = "deny", "allow"
	host := &fakeHost{cloud: newMemCloud(), account: acc}
	e := newDomainEnv(t, host, "wechat", jsapi.MainDomain, `
wx.getUserInfo({fail: function (r) { console.log(r.errMsg); }});
`)
	wantOut(t, e, `getUserInfo:fail privacy permission is not authorized`)
	if len(host.prompts) != 1 || host.prompts[0].Title != "Privacy" || host.prompts[0].Headless {
		t.Fatalf("the platform popup, answered disagree headless, expected: %+v", host.prompts)
	}
}

func TestSharing(t *testing.T) {
	acc := newMemAccount()
	e := accountEnv(t, acc, "tiktok", jsapi.MainDomain, logResult+`
tt.shareAppMessage({title: 'Beat me', fail: log('no image')});
tt.shareAppMessage({title: 'Beat me', subtitle: '120 points', imageUrl: 'share.png', templateType: 1, success: log('sent')});
console.log(typeof tt.shareToUser, typeof tt.shareMessageToFriend);
`)
	wantOut(t, e, `undefined undefined
no image {"errMsg":"shareAppMessage:fail imageUrl is required"}
sent {"errMsg":"shareAppMessage:ok"}`)
	if len(acc.shares) != 1 || acc.shares[0] != (jsapi.ShareRecord{API: "shareAppMessage", Title: "Beat me", Subtitle: "120 points",
		ImageURL: "share.png", TemplateType: 1, Outcome: "ok"}) {
		t.Fatalf("recorded: %+v", acc.shares)
	}

	acc = newMemAccount()
	acc.share = "cancel"
	e = accountEnv(t, acc, "tiktok", jsapi.OpenDomain, logResult+`
tt.shareToUser({imageUrl: 'a.png', openid: 'o_c', fail: log('stranger')});
tt.shareToUser({imageUrl: 'a.png', openid: 'o_a', fail: log('cancelled')});
console.log(typeof tt.shareAppMessage);
`)
	wantOut(t, e, `undefined
stranger {"errMsg":"shareToUser:fail openid \"o_c\" is not a friend of the player"}
cancelled {"errMsg":"shareToUser:fail cancel"}`)

	// An old client lacks the sharing APIs, and canIUse says so.
	acc = newMemAccount()
	acc.clientVersion = "40.2.9"
	e = accountEnv(t, acc, "tiktok", jsapi.MainDomain, `console.log(typeof tt.shareAppMessage, TTMinis.game.canIUse('shareAppMessage'), tt.canIUse('shareToStory'));`)
	wantOut(t, e, `undefined false true`)

	e = accountEnv(t, newMemAccount(), "wechat", jsapi.OpenDomain, logResult+`
wx.shareMessageToFriend({openId: 'o_b', title: 'hi', success: log('sent')});`)
	wantOut(t, e, `sent {"errMsg":"shareMessageToFriend:ok"}`)
}

func TestAuthorizeOpenContext(t *testing.T) {
	host := &fakeHost{cloud: newMemCloud(), account: newMemAccount(), answers: []bool{true}}
	e := newDomainEnv(t, host, "tiktok", jsapi.MainDomain, logResult+`
tt.authorizeOpenContext({get_status_only: true, fail: function (r) {
  console.log(r.errMsg);
  tt.authorizeOpenContext({get_status_only: false, success: function (r) {
    console.log(r.errMsg, typeof r.code);
    tt.authorizeOpenContext({get_status_only: true, success: log('status')});
  }});
}});
`)
	wantOut(t, e, `authorizeOpenContext:fail not authorized yet: get_status_only shows no prompt
authorizeOpenContext:ok string
status {"code":"mock-open-context-wx_test","errMsg":"authorizeOpenContext:ok"}`)
	if len(host.prompts) != 1 {
		t.Fatalf("prompts: %+v", host.prompts)
	}
}

func TestFriendInteractionScope(t *testing.T) {
	acc := newMemAccount()
	acc.mock["scope.WxFriendInteraction"] = "deny"
	e := accountEnv(t, acc, "wechat", jsapi.OpenDomain, logResult+`
wx.getFriendCloudStorage({keyList: ['score'], fail: log('friends')});
wx.getUserCloudStorage({keyList: ['score'], success: function (r) { console.log(r.errMsg); }});
`)
	wantOut(t, e, `friends {"errMsg":"getFriendCloudStorage:fail auth deny"}
getUserCloudStorage:ok`)
}

func (m *memAccount) WeRun() json.RawMessage { return m.weRun }

func (h *fakeHost) CloudFunctions() jsapi.CloudFunctions {
	if h.functions == nil {
		return nil
	}
	return h.functions
}

// echoFunctions is a project whose only cloud function, "echo", returns
// its event; "boom" fails as a function that threw.
type echoFunctions struct{}

type thrown struct{}

func (thrown) Error() string        { return "Error: boom" }
func (thrown) FunctionFailed() bool { return true }

func (echoFunctions) Call(name string, event map[string]any, env, requestID string) (any, error) {
	switch name {
	case "echo":
		return map[string]any{"event": event, "env": env}, nil
	case "boom":
		return nil, thrown{}
	}
	return nil, errors.New(`cloud function "` + name + `" not found`)
}

func TestCloudIDsAndCallFunction(t *testing.T) {
	acc := newMemAccount()
	acc.mock["scope.werun"] = "allow"
	acc.weRun = json.RawMessage(`{"stepInfoList":[{"timestamp":1554814312,"step":5000}]}`)
	host := &fakeHost{cloud: newMemCloud(), account: acc, functions: echoFunctions{}}
	clk := &clock{}
	e := newEnvClock(t, host, clk, `
function call(tag, data) {
  wx.cloud.callFunction({name: 'echo', data: data,
    success: function (r) { console.log(tag, r.errMsg, r.requestID, JSON.stringify(r.result)); },
    fail: function (r) { console.log(tag, r.errMsg); }});
}
call('early');
wx.cloud.init({env: 'test-env'});
wx.cloud.callFunction({name: 'boom', fail: function (r) { console.log('boom', r.errMsg, r.errCode); }});
wx.cloud.callFunction({name: 'nope', fail: function (r) { console.log('nope', r.errMsg); }});
wx.getWeRunData({success: function (r) {
  globalThis.id = r.cloudID;
  call('fresh', {weRunData: wx.cloud.CloudID(r.cloudID), obj: {shareInfo: wx.cloud.CloudID('yyy')}, bad: wx.cloud.CloudID('nope')});
}});
`)
	clk.now += 5*time.Minute + time.Second
	e.run(t, `call('late', {weRunData: wx.cloud.CloudID(id)});
var six = {};
for (var i = 0; i < 6; i++) six['k' + i] = wx.cloud.CloudID(id);
call('six', six);`)
	wantOut(t, e, `early cloud.callFunction:fail please call wx.cloud.init first
boom cloud.callFunction:fail cloud function execution error: Error: boom -404011
nope cloud.callFunction:fail cloud function "nope" not found
fresh cloud.callFunction:ok minisim-3 {"env":"test-env","event":{"bad":{"cloudID":"nope","errCode":-601007,"errMsg":"cloudID invalid."},"obj":{"shareInfo":"yyy"},"weRunData":{"cloudID":"1_minisim007919","data":{"stepInfoList":[{"step":5000,"timestamp":1554814312}],"watermark":{"appid":"wx_test","timestamp":0}}}}}
six cloud.callFunction:fail at most 5 CloudIDs can be replaced in one call
late cloud.callFunction:ok minisim-4 {"env":"test-env","event":{"weRunData":{"cloudID":"1_minisim007919","errCode":-601006,"errMsg":"cloudID expired."}}}`)
}

// newEnvClock runs src in a WeChat main domain whose clock the test moves.
func newEnvClock(t *testing.T, host *fakeHost, clk *clock, src string) *env {
	t.Helper()
	e := &env{host: host}
	d, err := domains.New(domains.Options{Name: "main", Root: t.TempDir(), Stdout: &e.out, Stderr: &e.err, Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	e.d = d
	e.api = jsapi.Install(d, host, jsapi.Config{Platform: "wechat"})
	e.run(t, src)
	return e
}

// run evaluates src as a turn and lets everything it started finish.
func (e *env) run(t *testing.T, src string) {
	t.Helper()
	e.d.Guard(func() {
		if _, err := e.d.VM().RunString(src); err != nil {
			t.Fatal(err)
		}
	})
	for i := 0; i < 8; i++ {
		e.d.WaitAsync()
		e.d.RunPosted()
	}
}

// The one table of which domain gets which API, on both platforms: what a
// domain lacks is absent (typeof, canIUse), and calling it names the
// domain it belongs to.
func TestDomainTables(t *testing.T) {
	cases := []struct {
		platform, domain string
		present, absent  []string
	}{
		{"wechat", jsapi.MainDomain,
			[]string{"login", "getUserInfo", "authorize", "shareAppMessage", "getOpenDataContext", "setUserCloudStorage", "cloud", "getWeRunData"},
			[]string{"getSharedCanvas", "onMessage", "getFriendCloudStorage", "shareMessageToFriend", "shareToUser"}},
		{"wechat", jsapi.OpenDomain,
			[]string{"getSharedCanvas", "onMessage", "getFriendCloudStorage", "getGroupCloudStorage", "getUserInfo", "shareMessageToFriend", "createImage"},
			[]string{"login", "authorize", "shareAppMessage", "getOpenDataContext", "cloud", "getSetting", "requirePrivacyAuthorize"}},
		{"tiktok", jsapi.MainDomain,
			[]string{"login", "authorizeOpenContext", "shareAppMessage", "shareToStory", "getOpenDataContext"},
			[]string{"getSharedCanvas", "getFriendCloudStorage", "shareToUser", "checkSession", "cloud"}},
		{"tiktok", jsapi.OpenDomain,
			[]string{"getSharedCanvas", "onMessage", "getFriendCloudStorage", "getUserCloudStorage", "shareToUser", "getUserInfo"},
			[]string{"shareAppMessage", "shareToStory", "authorizeOpenContext", "login", "getOpenDataContext"}},
	}
	for _, c := range cases {
		obj := map[string]string{"wechat": "wx", "tiktok": "tt"}[c.platform]
		src := "var names = " + jsonList(append(append([]string{}, c.present...), c.absent...)) + ";\n" +
			"console.log(names.map(function (n) { return typeof " + obj + "[n] + ':' + " + obj + ".canIUse(n); }).join(' '));\n" +
			obj + "." + c.absent[0] + "();\n"
		e := newDomainEnv(t, &fakeHost{cloud: newMemCloud()}, c.platform, c.domain, src)
		var want []string
		for _, n := range c.present {
			want = append(want, map[bool]string{true: "object:true", false: "function:true"}[n == "cloud"])
		}
		for range c.absent {
			want = append(want, "undefined:false")
		}
		if got := strings.TrimSpace(e.out.String()); got != strings.Join(want, " ") {
			t.Errorf("%s %s domain: %s\nwant %s", c.platform, c.domain, got, strings.Join(want, " "))
		}
		other := map[string]string{jsapi.MainDomain: "the open data domain", jsapi.OpenDomain: "the main domain"}[c.domain]
		if hint := obj + "." + c.absent[0] + " is only available in " + other; !strings.Contains(e.err.String(), hint) {
			t.Errorf("%s %s domain: no hint %q in:\n%s", c.platform, c.domain, hint, e.err.String())
		}
	}
}

func jsonList(names []string) string {
	b, _ := json.Marshal(names)
	return string(b)
}

// onPlatform rewrites a WeChat test script for the platform's object.
func onPlatform(platform, src string) string {
	if platform == "tiktok" {
		return strings.ReplaceAll(src, "wx.", "tt.")
	}
	return src
}

func TestTikTokAuthorize(t *testing.T) {
	host := &fakeHost{cloud: newMemCloud(), account: newMemAccount(), answers: []bool{false, false}}
	e := newDomainEnv(t, host, "tiktok", jsapi.MainDomain, logResult+`
tt.authorize({scope: 'scope.werun', fail: function (r) { console.log(r.errMsg.slice(0, 42)); }});
tt.authorize({scope: 'scope.album', fail: function (r) {
  console.log(r.errMsg);
  tt.getSetting({success: log('setting')});
  tt.getUserInfo({fail: log('user')});
}});
`)
	wantOut(t, e, `authorize:fail invalid scope "scope.werun"
authorize:fail auth deny
setting {"authSetting":{"scope.WxFriendInteraction":true,"scope.album":false},"errMsg":"getSetting:ok"}`+"\n"+
		`user {"errMsg":"getUserInfo:fail auth deny"}`)
}

// Forward in WeChat's share menu: only once the game showed the menu, with
// the card its onShareAppMessage listener returns.
func TestForwardFromTheShareMenu(t *testing.T) {
	acc := newMemAccount()
	e := accountEnv(t, acc, "wechat", jsapi.MainDomain, `
wx.onShareAppMessage(function (r) { return {title: 'From the menu (' + r.from + ')', imageUrl: 'card.png'}; });
`)
	e.api.ForwardFromMenu()
	if len(acc.shares) != 0 || !strings.Contains(e.err.String(), "has not called wx.showShareMenu") {
		t.Fatalf("forwarded without the menu: %+v\n%s", acc.shares, e.err.String())
	}
	e.run(t, `wx.showShareMenu({withShareTicket: true});`)
	e.api.ForwardFromMenu()
	e.run(t, ``)
	want := jsapi.ShareRecord{API: "onShareAppMessage", Title: "From the menu (menu)", ImageURL: "card.png", Outcome: "ok"}
	if len(acc.shares) != 1 || acc.shares[0] != want {
		t.Fatalf("shares %+v, want [%+v]", acc.shares, want)
	}
}
