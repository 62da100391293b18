package jsapi

import (
	"encoding/json"
	"fmt"

	"github.com/dop251/goja"
)

// Account is the mock platform's answers about the player and the host
// (mock.md): login, session, authorization and privacy decisions, sharing.
// Decisions are remembered by the simulator's store.
type Account interface {
	AppID() string
	// Login is wx.login's code, or why it fails.
	Login() (code string, err error)
	// SessionValid is what checkSession reports.
	SessionValid() bool
	// Scope is the player's decision for an authorization scope: "allow",
	// "deny", or "ask" while undecided. OpenContextScope is TikTok's
	// authorizeOpenContext.
	Scope(scope string) (string, error)
	// Decide remembers a decision; it is on disk when Decide returns.
	Decide(scope string, allow bool) error
	// Decided is every scope decided so far: what getSetting shows.
	Decided() (map[string]bool, error)
	// Privacy is "agreed", "ask" or "deny"; AgreePrivacy remembers the
	// player agreeing.
	Privacy() (string, error)
	AgreePrivacy() error
	// ClientVersion is the TikTok client version ("40.3.0").
	ClientVersion() string
	// ShareOutcome is how share dialogs end: "ok" or "cancel".
	ShareOutcome() string
	// RecordShare keeps a share in the store.
	RecordShare(ShareRecord) error
	// WeRun is the open data behind getWeRunData (a JSON object), nil when
	// the mock file gives none.
	WeRun() json.RawMessage
}

// OpenContextScope names TikTok's open context authorization (the friend
// list) among the scopes an Account decides.
const OpenContextScope = "openContext"

// ShareRecord is one share the game made, as the store keeps it.
type ShareRecord struct {
	API          string `json:"api"`
	Title        string `json:"title,omitempty"`
	Subtitle     string `json:"subtitle,omitempty"`
	ImageURL     string `json:"imageUrl,omitempty"`
	Query        string `json:"query,omitempty"`
	To           string `json:"to,omitempty"` // the friend's openid
	TemplateType int    `json:"templateType,omitempty"`
	Outcome      string `json:"outcome"`
}

// Prompt is a question the host puts to the player over the game: an
// authorization, the platform's privacy popup, a share card.
type Prompt struct {
	Title   string
	Message string
	// Allow and Deny label the buttons.
	Allow, Deny string
	// Headless is the answer under --headless, where nobody can click; the
	// simulator logs the question and the answer to stderr.
	Headless bool
	// Fixed prompts only show the answer (a share resolves as the mock
	// says): the window closes them by itself, answering Headless.
	Fixed bool
	// Card is the share card shown, for share prompts.
	Card *ShareRecord
	// Input, when set, gives the prompt a text field (an editable modal):
	// the host edits Input.Text in place before it answers.
	Input *TextInput
}

// TextInput is a prompt's text field.
type TextInput struct {
	Text, Placeholder string
}

// installAccount adds login, checkSession, getAccountInfoSync and
// getUserInfo.
func (a *API) installAccount() {
	a.setPending("login", func(_ *goja.Object, done func(*goja.Object, string)) {
		code, err := a.host.Account().Login()
		if err != nil {
			done(nil, err.Error())
			return
		}
		res := a.object("code", code)
		if a.platform == "tiktok" {
			must(res.Set("isLogin", true))
		}
		done(res, "")
	})
	if a.platform == "wechat" {
		// The Open Interface seed marks these as mini program only on its
		// host; WeChat's mini games have both.
		a.setPending("checkSession", func(_ *goja.Object, done func(*goja.Object, string)) {
			if !a.host.Account().SessionValid() {
				done(nil, "session time out, need relogin")
				return
			}
			done(nil, "")
		})
		a.set("getAccountInfoSync", func(goja.FunctionCall) goja.Value {
			acc := a.host.Account()
			// "version" is only known for a released build; this is develop.
			return a.object("miniProgram", a.object("appId", acc.AppID(), "envVersion", "develop", "version", ""))
		})
	}
	if a.domain == OpenDomain {
		a.cloudAPI("getUserInfo", a.openUserInfo)
		return
	}
	a.setPending("getUserInfo", func(o *goja.Object, done func(*goja.Object, string)) {
		lang := userInfoLang(o)
		a.requirePrivacy("getUserInfo", done, func() {
			a.requireScope("scope.userInfo", done, func() {
				c, err := a.host.Cloud()
				if err != nil {
					done(nil, "the store cannot be opened: "+err.Error())
					return
				}
				info := a.userInfo(c.Me(), lang)
				raw, _ := json.Marshal(info.Export())
				done(a.object("userInfo", info, "rawData", string(raw)), "")
			})
		})
	})
}

// setPending defines an API whose answer may come later (after a prompt),
// promisified when no callback is given.
func (a *API) setPending(name string, run func(opts *goja.Object, done func(*goja.Object, string))) {
	a.set(name, func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		return a.callback(name, opts, func(done func(*goja.Object, string)) { run(opts, done) })
	})
}

// openUserInfo is the open data domain's getUserInfo: the players named
// by openIdList ('selfOpenId' is the current user) whom the player may see,
// without any authorization prompt (the data stays in the open domain).
func (a *API) openUserInfo(o *goja.Object) (*goja.Object, error) {
	ids, err := stringList(o, "openIdList")
	if err != nil {
		return nil, err
	}
	c, err := a.host.Cloud()
	if err != nil {
		return nil, fmt.Errorf("the store cannot be opened: %v", err)
	}
	lang := userInfoLang(o)
	var out []any
	for _, id := range ids {
		if id == "selfOpenId" {
			id = c.Me().OpenID
		}
		// Users outside the player's relationship chain are left out, as
		// the platform leaves out openids it does not answer for.
		if p, ok := c.User(id); ok {
			info := a.userInfo(p, lang)
			must(info.Set("openId", p.OpenID))
			out = append(out, info)
		}
	}
	return a.object("data", a.vm.NewArray(out...)), nil
}

// userInfoLang is the lang option: en (the default), zh_CN or zh_TW.
func userInfoLang(o *goja.Object) string {
	if v, ok := prop(o, "lang").Export().(string); ok && (v == "zh_CN" || v == "zh_TW" || v == "en") {
		return v
	}
	return "en"
}

// userInfo is the UserInfo object. The platform no longer returns places
// (""); gender is the mock file's; language follows lang.
func (a *API) userInfo(p Player, lang string) *goja.Object {
	return a.object("nickName", p.NickName, "avatarUrl", a.avatarURL(p), "gender", p.Gender,
		"country", "", "province", "", "city", "", "language", lang)
}
