package jsapi

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dop251/goja"
)

// scopes are the authorization scopes each platform documents, with what
// the prompt tells the player.
var scopes = map[string]map[string]string{
	"wechat": {
		"scope.userInfo":            "use your nickname and avatar",
		"scope.userLocation":        "use your precise location",
		"scope.userFuzzyLocation":   "use your approximate location",
		"scope.werun":               "read your WeRun step count",
		"scope.record":              "use your microphone",
		"scope.writePhotosAlbum":    "save images to your album",
		"scope.WxFriendInteraction": "use your WeChat friends' information",
		"scope.gameClubData":        "read your game club data",
	},
	"tiktok": {
		"scope.userInfo":          "use your nickname and avatar",
		"scope.userLocation":      "use your location",
		"scope.userFuzzyLocation": "use your approximate location",
		"scope.record":            "use your microphone",
		"scope.album":             "save images and videos to your album",
		"scope.writePhotosAlbum":  "save images to your album",
		"scope.camera":            "use your camera",
		"scope.screenRecord":      "record the screen",
		"scope.calendar":          "add calendar events",
		"scope.gameClub":          "read your game club data",
	},
}

// friendInteraction lists WeChat's open-domain APIs that need
// scope.WxFriendInteraction.
var friendInteraction = setOf("getFriendCloudStorage", "getGroupCloudStorage", "getUserCloudStorageKeys",
	"getUserInfo", "shareMessageToFriend")

// privacyFlow is the state of the privacy authorization (the Open
// Interface seed): the game's onNeedPrivacyAuthorization listener (the
// last registered wins) and the APIs waiting for the player's answer.
type privacyFlow struct {
	listener goja.Callable
	waiting  []func(agreed bool)
}

// installAuth adds getSetting, openSetting, authorize, the privacy APIs
// and TikTok's authorizeOpenContext (all main domain).
func (a *API) installAuth() {
	a.asking = map[string][]func(string){}
	a.setPending("getSetting", func(_ *goja.Object, done func(*goja.Object, string)) {
		done(a.authSettingResult(a.host.Account()))
	})
	a.setPending("openSetting", func(_ *goja.Object, done func(*goja.Object, string)) {
		acc := a.host.Account()
		decided, err := acc.Decided()
		if err != nil {
			done(nil, storeFailure(err))
			return
		}
		a.openSettings(decided, func(changed map[string]bool) {
			for _, scope := range slices.Sorted(maps.Keys(changed)) {
				if err := acc.Decide(scope, changed[scope]); err != nil {
					done(nil, storeFailure(err))
					return
				}
			}
			done(a.authSettingResult(acc))
		})
	})
	a.setPending("authorize", func(o *goja.Object, done func(*goja.Object, string)) {
		scope := stringProp(o, "scope")
		if _, ok := scopes[a.platform][scope]; !ok {
			done(nil, fmt.Sprintf("invalid scope %q (documented: %s)", scope, strings.Join(slices.Sorted(maps.Keys(scopes[a.platform])), ", ")))
			return
		}
		if a.platform == "wechat" && scope == "scope.userInfo" {
			// WeChat documents that authorize never prompts for user info.
			if state, err := a.host.Account().Scope(scope); err != nil || state != "allow" {
				done(nil, "scope.userInfo cannot be requested with wx.authorize: the player grants it through wx.createUserInfoButton")
				return
			}
		}
		a.requireScope(scope, done, func() { done(nil, "") })
	})

	a.setPending("getPrivacySetting", func(_ *goja.Object, done func(*goja.Object, string)) {
		acc := a.host.Account()
		state, err := acc.Privacy()
		if err != nil {
			done(nil, storeFailure(err))
			return
		}
		done(a.object("needAuthorization", state != "agreed",
			"privacyContractName", fmt.Sprintf("《%s 隐私保护指引》", acc.AppID())), "")
	})
	a.setPending("requirePrivacyAuthorize", func(_ *goja.Object, done func(*goja.Object, string)) {
		a.requirePrivacy("requirePrivacyAuthorize", done, func() { done(nil, "") })
	})
	a.set("onNeedPrivacyAuthorization", func(call goja.FunctionCall) goja.Value {
		// An overlay registration: the last one wins.
		a.privacy.listener = listenerArg(a.vm, a.apiName("onNeedPrivacyAuthorization"), call.Argument(0))
		return goja.Undefined()
	})

	if a.platform == "tiktok" {
		a.setPending("authorizeOpenContext", func(o *goja.Object, done func(*goja.Object, string)) {
			statusOnly := prop(o, "get_status_only").ToBoolean()
			acc := a.host.Account()
			state, err := acc.Scope(OpenContextScope)
			if err != nil {
				done(nil, storeFailure(err))
				return
			}
			if statusOnly && state == "ask" {
				done(nil, "not authorized yet: get_status_only shows no prompt")
				return
			}
			a.requireScope(OpenContextScope, done, func() {
				// The code stands for this player's consent in this app;
				// only a server would exchange it, and ours is the mock.
				done(a.object("code", "mock-open-context-"+acc.AppID()), "")
			})
		})
	}
}

func storeFailure(err error) string { return "the store cannot be used: " + err.Error() }

// authSettingResult is getSetting's and openSetting's answer: the
// AuthSetting object of the scopes decided, in order.
func (a *API) authSettingResult(acc Account) (*goja.Object, string) {
	decided, err := acc.Decided()
	if err != nil {
		return nil, storeFailure(err)
	}
	o := a.vm.NewObject()
	for _, scope := range slices.Sorted(maps.Keys(decided)) {
		must(o.Set(scope, decided[scope]))
	}
	return a.object("authSetting", o), ""
}

// requireScope runs next once the player has allowed scope, asking them
// first when they have not decided; a refusal fails with "auth deny".
func (a *API) requireScope(scope string, done func(*goja.Object, string), next func()) {
	a.decideScope(scope, func(reason string) {
		if reason != "" {
			done(nil, reason)
			return
		}
		next()
	})
}

// decideScope calls then with "" when scope is allowed, or the failure
// reason. One prompt answers every call waiting on the same scope.
func (a *API) decideScope(scope string, then func(reason string)) {
	acc := a.host.Account()
	state, err := acc.Scope(scope)
	switch {
	case err != nil:
		then(storeFailure(err))
		return
	case state == "allow":
		then("")
		return
	case state == "deny":
		then("auth deny")
		return
	}
	if waiting, ok := a.asking[scope]; ok {
		a.asking[scope] = append(waiting, then)
		return
	}
	a.asking[scope] = []func(string){then}
	what := scopes[a.platform][scope]
	if scope == OpenContextScope {
		what = "see your friends list"
	}
	p := Prompt{Title: "Authorization", Message: fmt.Sprintf("%s would like to %s (%s).", acc.AppID(), what, scope),
		Allow: "Allow", Deny: "Deny", Headless: true}
	a.ask(p, func(allow bool) {
		reason := ""
		if err := acc.Decide(scope, allow); err != nil {
			reason = storeFailure(err)
		} else if !allow {
			reason = "auth deny"
		}
		waiting := a.asking[scope]
		delete(a.asking, scope)
		for _, w := range waiting {
			w(reason)
		}
	})
}

// requirePrivacy runs next once the player has agreed to the privacy
// guide. Until then the calling API is pending: the game's
// onNeedPrivacyAuthorization listener (or, without one, the platform's
// popup) decides, and a refusal fails it with the seed's message.
func (a *API) requirePrivacy(referrer string, done func(*goja.Object, string), next func()) {
	acc := a.host.Account()
	state, err := acc.Privacy()
	if err != nil {
		done(nil, storeFailure(err))
		return
	}
	if state == "agreed" {
		next()
		return
	}
	a.privacy.waiting = append(a.privacy.waiting, func(agreed bool) {
		if agreed {
			next()
		} else {
			done(nil, "privacy permission is not authorized")
		}
	})
	if len(a.privacy.waiting) > 1 {
		return // the flow under way answers this call too
	}
	settled := false
	finish := func(agree bool) {
		if settled {
			return
		}
		settled = true
		if agree {
			if err := acc.AgreePrivacy(); err != nil {
				a.loop.Warnf("privacy: the agreement could not be stored: %v", err)
			}
		}
		waiting := a.privacy.waiting
		a.privacy.waiting = nil
		for _, w := range waiting {
			w(agree)
		}
	}
	if l := a.privacy.listener; l != nil {
		resolve := Native(a.vm, "onNeedPrivacyAuthorization resolve", func(call goja.FunctionCall) goja.Value {
			ev := ""
			if o, ok := call.Argument(0).(*goja.Object); ok {
				ev, _ = prop(o, "event").Export().(string)
			}
			switch ev {
			case "exposureAuthorization": // the game's popup is showing; still pending
			case "agree", "disagree":
				if settled {
					a.loop.Warnf("onNeedPrivacyAuthorization: resolve({event: %q}) after the authorization was settled is ignored", ev)
				}
				finish(ev == "agree")
			default:
				panic(a.vm.NewTypeError("onNeedPrivacyAuthorization resolve: event must be 'exposureAuthorization', 'agree' or 'disagree', not %q", ev))
			}
			return goja.Undefined()
		})
		a.loop.CallNested(l, goja.Undefined(), a.vm.ToValue(resolve), a.object("referrer", referrer))
		return
	}
	p := Prompt{Title: "Privacy", Message: fmt.Sprintf("Before you continue, please read %s's privacy guide. %s needs your agreement.", acc.AppID(), referrer),
		Allow: "Agree", Deny: "Disagree", Headless: state == "ask"}
	a.ask(p, finish)
}
