package jsapi_test

import (
	"strings"
	"testing"
)

func TestSoftKeyboardOnBothPlatforms(t *testing.T) {
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			e := newEnv(t, platform, `
var api = typeof wx !== 'undefined' ? wx : tt;
['Input', 'Confirm', 'Complete'].forEach(function (n) {
  api['onKeyboard' + n](function (r) { console.log(n, r.value); });
});
api.hideKeyboard({fail: function (r) { console.log(r.errMsg); }});
api.showKeyboard({confirmType: 'later', fail: function (r) { console.log(r.errMsg); }});
api.showKeyboard({defaultValue: 'abc', confirmHold: true});
api.updateKeyboard({value: 'hello'});
`)
			e.api.TypeText("!\n") // a single-line keyboard drops the newline
			e.api.Backspace()
			e.api.ConfirmKeyboard() // confirmHold keeps it up
			if !e.api.Keyboard().Shown {
				t.Error("confirmHold: the keyboard should stay up")
			}
			e.api.DismissKeyboard()
			e.api.TypeText("ignored") // no keyboard, no input
			want := "hideKeyboard:fail keyboard is not shown\n" +
				"showKeyboard:fail invalid confirmType later: must be done, next, search, go or send\n" +
				"Input hello!\nInput hello\nConfirm hello\nComplete hello\n"
			if e.out.String() != want {
				t.Errorf("got:\n%s\nwant:\n%s\nstderr: %s", e.out.String(), want, e.err.String())
			}
		})
	}
}

func TestKeyEventsAndTheirListeners(t *testing.T) {
	e := newEnv(t, "wechat", `
function down(r) { console.log('down', r.key, r.code, r.timeStamp); }
wx.onKeyDown(down);
wx.onKeyUp(function (r) { console.log('up', r.key); });
globalThis.stop = function () { wx.offKeyDown(down); };
`)
	if !e.api.ListensToKeys() {
		t.Fatal("ListensToKeys should be true")
	}
	e.api.DispatchKey(true, "a", "KeyA", 1500000)
	e.api.DispatchKey(false, "a", "KeyA", 1600000)
	e.d.VM().RunString("stop()")
	e.api.DispatchKey(true, "b", "KeyB", 1700000)
	if got := e.out.String(); got != "down a KeyA 1.5\nup a\n" {
		t.Errorf("got %q", got)
	}
	if strings.Contains(e.err.String(), "Error") {
		t.Error(e.err.String())
	}
}
