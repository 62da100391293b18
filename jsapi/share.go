package jsapi

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// shareMenu is WeChat's share menu: whether the game showed it, and the
// onShareAppMessage listener that fills the card when the player taps
// Forward.
type shareMenu struct {
	shown   bool
	onShare goja.Callable
}

// minClientVersion is the TikTok client version each sharing API needs
// (the direct-message sharing seed); an older client lacks them.
var minClientVersion = map[string]string{"shareAppMessage": "40.3.0", "shareToUser": "40.3.0"}

// installShare adds the platform's sharing APIs: WeChat's shareAppMessage,
// share menu and (open domain) shareMessageToFriend; TikTok's
// shareAppMessage and shareToStory and (open domain) shareToUser.
func (a *API) installShare() {
	if a.platform == "tiktok" {
		a.installTikTokShare()
		return
	}
	// shareAppMessage opens the share sheet; WeChat reports nothing back.
	a.set("shareAppMessage", func(call goja.FunctionCall) goja.Value {
		o, _ := call.Argument(0).(*goja.Object)
		rec := a.shareRecord("shareAppMessage", o)
		a.share(rec, "Share to a chat", func(*goja.Object, string) {})
		return goja.Undefined()
	})
	a.set("onShareAppMessage", func(call goja.FunctionCall) goja.Value {
		a.shareMenu.onShare = listenerArg(a.vm, a.apiName("onShareAppMessage"), call.Argument(0))
		return goja.Undefined()
	})
	a.set("offShareAppMessage", func(goja.FunctionCall) goja.Value {
		a.shareMenu.onShare = nil
		return goja.Undefined()
	})
	// Its withShareTicket option is accepted; nothing in minisim depends on it.
	a.setPending("showShareMenu", func(_ *goja.Object, done func(*goja.Object, string)) {
		a.shareMenu.shown = true
		done(nil, "")
	})
	a.setPending("hideShareMenu", func(_ *goja.Object, done func(*goja.Object, string)) {
		a.shareMenu.shown = false
		done(nil, "")
	})
	a.setPending("shareMessageToFriend", func(o *goja.Object, done func(*goja.Object, string)) {
		rec := a.shareRecord("shareMessageToFriend", o)
		rec.To = stringProp(o, "openId")
		a.decideScope("scope.WxFriendInteraction", func(reason string) {
			a.sendToFriend(rec, "openId", reason, done)
		})
	})
}

// sendToFriend shares rec with the friend in rec.To (named by the option
// field), unless reason already says why not or the friend is unknown.
func (a *API) sendToFriend(rec ShareRecord, field, reason string, done func(*goja.Object, string)) {
	if reason == "" {
		reason = a.checkFriend(rec.To, field)
	}
	if reason != "" {
		done(nil, reason)
		return
	}
	a.share(rec, "Send to "+rec.To, done)
}

func (a *API) installTikTokShare() {
	if a.clientSupports("shareAppMessage") {
		a.setPending("shareAppMessage", func(o *goja.Object, done func(*goja.Object, string)) {
			rec := a.shareRecord("shareAppMessage", o)
			if reason := checkShareCard(rec); reason != "" {
				done(nil, reason)
				return
			}
			a.share(rec, "Send to friends", done)
		})
	}
	a.setPending("shareToStory", func(o *goja.Object, done func(*goja.Object, string)) {
		a.share(a.shareRecord("shareToStory", o), "Share to your story", done)
	})
	if a.clientSupports("shareToUser") {
		a.setPending("shareToUser", func(o *goja.Object, done func(*goja.Object, string)) {
			rec := a.shareRecord("shareToUser", o)
			rec.To = stringProp(o, "openid")
			a.sendToFriend(rec, "openid", checkShareCard(rec), done)
		})
	}
}

// checkShareCard checks a TikTok share card's fields.
func checkShareCard(rec ShareRecord) string {
	if rec.ImageURL == "" {
		return "imageUrl is required"
	}
	if rec.TemplateType != 0 && rec.TemplateType != 1 && rec.TemplateType != 2 {
		return fmt.Sprintf("templateType must be 1 or 2, not %d", rec.TemplateType)
	}
	return ""
}

// checkFriend is the failure reason when openid is not the player's friend.
func (a *API) checkFriend(openid, field string) string {
	if openid == "" {
		return field + " is required"
	}
	c, err := a.host.Cloud()
	if err != nil {
		return storeFailure(err)
	}
	for _, f := range c.Friends() {
		if f.OpenID == openid {
			return ""
		}
	}
	return fmt.Sprintf("%s %q is not a friend of the player", field, openid)
}

// shareRecord reads a share card's fields from the options.
func (a *API) shareRecord(api string, o *goja.Object) ShareRecord {
	rec := ShareRecord{API: api, Title: stringProp(o, "title"), Subtitle: stringProp(o, "subtitle"),
		ImageURL: stringProp(o, "imageUrl"), Query: stringProp(o, "query")}
	if v := prop(o, "templateType"); !goja.IsUndefined(v) {
		rec.TemplateType = int(v.ToInteger())
	}
	return rec
}

func stringProp(o *goja.Object, k string) string {
	s, _ := prop(o, k).Export().(string)
	return s
}

// share shows the share card, resolves it as the mock says, records it and
// finishes the API: ok, or "cancel".
func (a *API) share(rec ShareRecord, title string, done func(*goja.Object, string)) {
	acc := a.host.Account()
	rec.Outcome = acc.ShareOutcome()
	p := Prompt{Title: title, Card: &rec, Allow: "Send", Deny: "Cancel", Headless: rec.Outcome == "ok", Fixed: true}
	a.ask(p, func(sent bool) {
		rec.Outcome = map[bool]string{true: "ok", false: "cancel"}[sent]
		switch err := acc.RecordShare(rec); {
		case err != nil:
			done(nil, storeFailure(err))
		case !sent:
			done(nil, "cancel")
		default:
			done(nil, "")
		}
	})
}

// ForwardFromMenu is the player tapping Forward in WeChat's share menu:
// the game's onShareAppMessage listener fills the card.
func (a *API) ForwardFromMenu() {
	if a.platform != "wechat" || a.domain != MainDomain {
		return
	}
	if !a.shareMenu.shown {
		a.loop.Warnf("the share menu's Forward is disabled: the game has not called wx.showShareMenu")
		return
	}
	a.guarded(func() {
		var card *goja.Object
		if fn := a.shareMenu.onShare; fn != nil {
			v, err := fn(goja.Undefined(), a.object("from", "menu"))
			if err != nil {
				panic(err)
			}
			card, _ = v.(*goja.Object)
		}
		a.share(a.shareRecord("onShareAppMessage", card), "Forward to a chat", func(*goja.Object, string) {})
	})
}

// clientSupports reports whether the simulated TikTok client is recent
// enough for api.
func (a *API) clientSupports(api string) bool {
	need, ok := minClientVersion[api]
	return !ok || versionAtLeast(a.host.Account().ClientVersion(), need)
}

// versionAtLeast compares dot-separated version numbers.
func versionAtLeast(have, need string) bool {
	h, n := strings.Split(have, "."), strings.Split(need, ".")
	for i := 0; i < len(h) || i < len(n); i++ {
		var hv, nv int
		if i < len(h) {
			hv, _ = strconv.Atoi(h[i])
		}
		if i < len(n) {
			nv, _ = strconv.Atoi(n[i])
		}
		if hv != nv {
			return hv > nv
		}
	}
	return true
}
