package jsapi_test

import (
	"testing"
	"time"

	"github.com/minisim/minisim/jsapi"
)

func (h *fakeHost) ShowToast(t jsapi.Toast) { h.toasts = append(h.toasts, t) }
func (h *fakeHost) HideToast(loading bool) {
	h.toasts = append(h.toasts, jsapi.Toast{Title: "hidden", Loading: loading})
}

// Choose answers with the next scripted choice, or the first item.
func (h *fakeHost) Choose(title string, items []string, answer func(int)) {
	i := 0
	if len(h.choices) > 0 {
		i, h.choices = h.choices[0], h.choices[1:]
	}
	answer(i)
}

func TestToastsAndLoading(t *testing.T) {
	host := &fakeHost{}
	e := newDomainEnv(t, host, "wechat", jsapi.MainDomain, logResult+`
wx.showToast({title: 'Saved', success: log('toast')});
wx.showToast({title: 'Oops', icon: 'error', duration: 3000, mask: true});
wx.showToast({icon: 'none', fail: log('no title')});
wx.showLoading({title: 'Loading'});
wx.hideLoading();
wx.hideToast();
`)
	wantOut(t, e, `toast {"errMsg":"showToast:ok"}
no title {"errMsg":"showToast:fail parameter.title should be String instead of Undefined"}`)
	want := []jsapi.Toast{
		{Title: "Saved", Icon: "success", Duration: 1500 * time.Millisecond},
		{Title: "Oops", Icon: "error", Duration: 3 * time.Second, Mask: true},
		{Title: "Loading", Icon: "loading", Loading: true},
		{Title: "hidden", Loading: true},
		{Title: "hidden"},
	}
	if len(host.toasts) != len(want) {
		t.Fatalf("toasts %+v", host.toasts)
	}
	for i := range want {
		if host.toasts[i] != want[i] {
			t.Errorf("toast %d: %+v, want %+v", i, host.toasts[i], want[i])
		}
	}
}

func TestModalAndActionSheet(t *testing.T) {
	host := &fakeHost{answers: []bool{true, false}, choices: []int{2, -1}}
	e := newDomainEnv(t, host, "tiktok", jsapi.MainDomain, logResult+`
tt.showModal({title: 'Quit?', content: 'Progress is saved', success: log('modal')});
tt.showModal({title: 'Sure?', showCancel: false, confirmText: 'OK', success: log('second')});
tt.showModal({confirmText: 'Confirm it', fail: log('long')});
tt.showModal({editable: true, fail: log('editable')});
tt.showActionSheet({itemList: ['a', 'b', 'c'], success: log('sheet')});
tt.showActionSheet({itemList: ['a'], fail: log('cancelled')});
tt.showActionSheet({itemList: ['1', '2', '3', '4', '5', '6', '7'], fail: log('seven')});
`)
	wantOut(t, e, `long {"errMsg":"showModal:fail confirmText length should not larger than 4 Chinese characters"}
editable {"errMsg":"showModal:fail title and content should not both be empty"}
seven {"errMsg":"showActionSheet:fail parameter error: itemList should not be large than 6"}
modal {"confirm":true,"cancel":false,"errMsg":"showModal:ok"}
second {"confirm":false,"cancel":true,"errMsg":"showModal:ok"}
sheet {"tapIndex":2,"errMsg":"showActionSheet:ok"}
cancelled {"errMsg":"showActionSheet:fail cancel"}`)
	if p := host.prompts[0]; p.Title != "Quit?" || p.Message != "Progress is saved" || p.Allow != "确定" || p.Deny != "取消" {
		t.Errorf("modal prompt %+v", p)
	}
	if p := host.prompts[1]; p.Allow != "OK" || p.Deny != "" {
		t.Errorf("modal without cancel %+v", p)
	}
}

// WeChat's editable modal starts its field with content and answers with
// the field's text; the host edits it in place.
func TestEditableModal(t *testing.T) {
	host := &fakeHost{answers: []bool{true, false}}
	host.edit = func(in *jsapi.TextInput) { in.Text += " Lee" }
	e := newDomainEnv(t, host, "wechat", jsapi.MainDomain, logResult+`
wx.showModal({title: 'Name', content: 'Ann', editable: true, placeholderText: 'Your name', success: log('named')});
wx.showModal({title: 'Name', editable: true, success: log('cancelled')});
wx.showModal({title: 'Plain', content: 'Hi', success: log('plain')});
`)
	wantOut(t, e, `named {"confirm":true,"cancel":false,"content":"Ann Lee","errMsg":"showModal:ok"}
cancelled {"confirm":false,"cancel":true,"content":" Lee","errMsg":"showModal:ok"}
plain {"confirm":true,"cancel":false,"errMsg":"showModal:ok"}`)
	if in := host.prompts[0].Input; in == nil || in.Placeholder != "Your name" || host.prompts[0].Message != "" {
		t.Errorf("editable prompt %+v", host.prompts[0])
	}
}
