package jsapi_test

import (
	"testing"

	"github.com/minisim/minisim/jsapi"
)

func (h *fakeHost) Vibrate(long bool)        { h.vibrations = append(h.vibrations, long) }
func (h *fakeHost) SetClipboard(text string) { h.clipboard = text }
func (h *fakeHost) Clipboard() string        { return h.clipboard }

func TestBase64Helpers(t *testing.T) {
	e := newEnv(t, "wechat", `
var b64 = wx.arrayBufferToBase64(new Uint8Array([104, 105, 255]).buffer);
var back = new Uint8Array(wx.base64ToArrayBuffer(b64));
console.log(b64, back.length, back[2], new Uint8Array(wx.base64ToArrayBuffer('aGk')).length);
try { wx.arrayBufferToBase64('text'); } catch (e) { console.log(e.message); }
try { wx.base64ToArrayBuffer('***'); } catch (e) { console.log(e.message.slice(0, 40)); }
`)
	wantOut(t, e, `aGn/ 3 255 2
wx.arrayBufferToBase64: the argument must be an ArrayBuffer
wx.base64ToArrayBuffer: not base64: ille`)
}

func TestUpdateManagerMenuButtonAndEvents(t *testing.T) {
	e := newEnv(t, "wechat", `
var m = wx.getUpdateManager();
m.onUpdateReady(function () { console.log('never'); });
m.onCheckForUpdate(function (r) { console.log('check', r.hasUpdate); });
console.log(JSON.stringify(wx.getMenuButtonBoundingClientRect()));
wx.onMemoryWarning(function (r) { console.log('memory', r.level); });
wx.onAudioInterruptionBegin(function () { console.log('interrupted'); });
`)
	e.api.DispatchMemoryWarning()
	e.api.DispatchAudioInterruption(true)
	e.api.DispatchAudioInterruption(false) // nobody listens
	wantOut(t, e, `{"width":87,"height":32,"top":24,"right":368,"bottom":56,"left":281}
check false
memory 10
interrupted`)
}

func TestVibrateAndClipboard(t *testing.T) {
	acc := newMemAccount()
	acc.privacy = "ask"
	host := &fakeHost{cloud: newMemCloud(), account: acc, answers: []bool{false}}
	e := newDomainEnv(t, host, "wechat", jsapi.MainDomain, logResult+`
wx.vibrateShort({success: log('short')});
wx.vibrateLong();
wx.getClipboardData({fail: function (r) {
  console.log(r.errMsg);
  wx.setClipboardData({data: 'copied', success: function () {
    wx.getClipboardData({success: log('paste')});
  }});
}});
wx.setClipboardData({fail: log('no data')});
`)
	wantOut(t, e, `short {"errMsg":"vibrateShort:ok"}
no data {"errMsg":"setClipboardData:fail parameter.data should be String instead of Undefined"}
getClipboardData:fail privacy permission is not authorized
paste {"data":"copied","errMsg":"getClipboardData:ok"}`)
	if len(host.vibrations) != 2 || host.vibrations[0] || !host.vibrations[1] {
		t.Errorf("vibrations %v", host.vibrations)
	}
}
