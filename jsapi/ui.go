package jsapi

import (
	"fmt"
	"time"

	"github.com/dop251/goja"
)

// Toast is a toast or loading indicator the host draws over the game.
type Toast struct {
	Title string
	// Icon is "success", "error", "loading" or "none"; Image, when set, is
	// a game file shown instead.
	Icon, Image string
	// Duration is how long a toast stays; a loading indicator stays until
	// hidden.
	Duration time.Duration
	Loading  bool
	// Mask keeps touches from reaching the game while it shows.
	Mask bool
}

// The platform's limits on the interaction APIs.
const (
	maxActionSheetItems = 6
	defaultToastTime    = 1500 * time.Millisecond
)

// installUI adds showToast/hideToast, showLoading/hideLoading, showModal
// and showActionSheet (main domain): the host draws them over the game.
func (a *API) installUI() {
	a.setPending("showToast", func(o *goja.Object, done func(*goja.Object, string)) {
		title, err := stringParam(o, "title")
		if err != nil {
			done(nil, err.Error())
			return
		}
		t := Toast{Title: title, Icon: "success", Duration: defaultToastTime, Image: stringProp(o, "image"),
			Mask: prop(o, "mask").ToBoolean()}
		switch icon := stringProp(o, "icon"); icon {
		case "success", "error", "loading", "none":
			t.Icon = icon
		case "":
		default:
			t.Icon = "none" // an unknown icon shows the title alone
		}
		if v := prop(o, "duration"); !goja.IsUndefined(v) {
			t.Duration = time.Duration(v.ToFloat() * float64(time.Millisecond))
		}
		a.host.ShowToast(t)
		done(nil, "")
	})
	a.setPending("showLoading", func(o *goja.Object, done func(*goja.Object, string)) {
		title, err := stringParam(o, "title")
		if err != nil {
			done(nil, err.Error())
			return
		}
		a.host.ShowToast(Toast{Title: title, Icon: "loading", Loading: true, Mask: prop(o, "mask").ToBoolean()})
		done(nil, "")
	})
	for _, name := range []string{"hideToast", "hideLoading"} {
		loading := name == "hideLoading"
		a.setPending(name, func(_ *goja.Object, done func(*goja.Object, string)) {
			a.host.HideToast(loading)
			done(nil, "")
		})
	}
	a.setPending("showModal", func(o *goja.Object, done func(*goja.Object, string)) {
		p := Prompt{Title: stringProp(o, "title"), Message: stringProp(o, "content"),
			Allow: textOr(o, "confirmText", "确定"), Deny: textOr(o, "cancelText", "取消"), Headless: true}
		if v := prop(o, "showCancel"); !goja.IsUndefined(v) && !v.ToBoolean() {
			p.Deny = ""
		}
		for _, b := range []struct{ field, text string }{{"confirmText", p.Allow}, {"cancelText", p.Deny}} {
			if len([]rune(b.text)) > 4 {
				done(nil, fmt.Sprintf("%s length should not larger than 4 Chinese characters", b.field))
				return
			}
		}
		if a.platform == "tiktok" && p.Title == "" && p.Message == "" {
			done(nil, "title and content should not both be empty")
			return
		}
		// WeChat's editable modal (2.17.1) puts content in the text field;
		// TikTok's mini games have no editable modal.
		if a.platform == "wechat" && prop(o, "editable").ToBoolean() {
			p.Input = &TextInput{Text: p.Message, Placeholder: stringProp(o, "placeholderText")}
			p.Message = ""
		}
		a.ask(p, func(confirm bool) {
			res := a.object("confirm", confirm, "cancel", !confirm)
			if p.Input != nil {
				must(res.Set("content", p.Input.Text))
			}
			done(res, "")
		})
	})
	a.setPending("showActionSheet", func(o *goja.Object, done func(*goja.Object, string)) {
		list, err := arrayParam(o, "itemList")
		if err != nil {
			done(nil, err.Error())
			return
		}
		var items []string
		for i := 0; i < int(prop(list, "length").ToInteger()); i++ {
			items = append(items, prop(list, fmt.Sprint(i)).String())
		}
		switch {
		case len(items) == 0:
			done(nil, "parameter error: itemList should not be empty")
			return
		case len(items) > maxActionSheetItems:
			done(nil, fmt.Sprintf("parameter error: itemList should not be large than %d", maxActionSheetItems))
			return
		}
		a.choose(stringProp(o, "alertText"), items, func(index int) {
			if index < 0 {
				done(nil, "cancel")
				return
			}
			done(a.object("tapIndex", index), "")
		})
	})
}

// stringParam reads the string parameter o[name], failing as the
// platform's parameter check does.
func stringParam(o *goja.Object, name string) (string, error) {
	v := prop(o, name)
	if s, ok := v.Export().(string); ok {
		return s, nil
	}
	return "", fmt.Errorf("parameter.%s should be String instead of %s", name, typeName(v))
}

// textOr is a string option, or its default when absent or empty.
func textOr(o *goja.Object, k, def string) string {
	if s := stringProp(o, k); s != "" {
		return s
	}
	return def
}
