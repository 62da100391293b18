package jsapi

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/audio"
)

// audioState is a domain's sound: its InnerAudioContexts, the decoded
// clips they share, and the host's mixer, taken on first use.
type audioState struct {
	mixer *audio.Mixer
	cache *audio.Cache
	// live are the contexts holding a voice, in creation order (the order
	// interruptions pause them in).
	live []*innerAudio
	// The system holds the audio during an interruption
	// (wx.onAudioInterruptionBegin) and while the game is in the background.
	interrupted, hidden bool
}

// heldBy says why the system holds the audio, "" when it does not: every
// sound was paused then, and play fails until the hold ends.
func (s *audioState) heldBy(a *API) string {
	switch {
	case s.interrupted:
		return "while an interruption lasts (I ends it): play again after " + a.apiName("onAudioInterruptionEnd")
	case s.hidden:
		return "while the game is in the background: play again after " + a.apiName("onShow")
	}
	return ""
}

// audioCacheLimit bounds the decoded clips kept for reuse (a minute of
// stereo is ~21 MB of samples).
const audioCacheLimit = 256 << 20

func (a *API) installAudio() {
	a.audio = &audioState{cache: audio.NewCache(audioCacheLimit)}
	a.set("createInnerAudioContext", func(call goja.FunctionCall) goja.Value {
		// WeChat's {useWebAudioImplement} only picks the engine behind the
		// same API: nothing to choose here.
		return newInnerAudio(a).obj
	})
	if a.platform != "wechat" {
		return // TikTok documents neither of the two below
	}
	// Its options have no effect on a desktop (no other app's music to mix
	// with, no mute switch, no earpiece): it checks them as WeChat does.
	a.setAsync("setInnerAudioOption", func(v goja.Value) (*goja.Object, string) {
		opts, _ := v.(*goja.Object)
		for _, k := range []string{"mixWithOther", "obeyMuteSwitch", "speakerOn"} {
			x := prop(opts, k)
			if _, isBool := x.Export().(bool); !goja.IsUndefined(x) && !isBool {
				return nil, fmt.Sprintf("parameter.%s should be Boolean instead of %s", k, typeName(x))
			}
		}
		return nil, ""
	})
	a.setAsync("getAvailableAudioSources", func(goja.Value) (*goja.Object, string) {
		return a.object("audioSources", a.vm.NewArray(audioSources(a.host.SystemInfo().Platform)...)), ""
	})
}

// audioSources are the microphone inputs getAvailableAudioSources lists
// on each OS (WeChat documents which are iOS-only and Android-only). The
// simulated phone has no headset plugged in, so iOS has no headsetMic.
func audioSources(platform string) []any {
	switch platform {
	case "ios":
		return []any{"auto", "buildInMic"}
	case "android":
		return []any{"auto", "mic", "camcorder", "voice_communication", "voice_recognition"}
	}
	return []any{"auto"}
}

// mixer is the host's mixer, taken when the first sound loads.
func (a *API) mixer() *audio.Mixer {
	if a.audio.mixer == nil {
		if a.audio.mixer = a.host.Audio(); a.audio.mixer == nil {
			a.audio.mixer = audio.NewMixer() // a host without sound: silent
		}
	}
	return a.audio.mixer
}

// interruptAudio is the system taking the audio (begin) or giving it
// back: WeChat pauses every sound of the game at the beginning, and play
// only succeeds again after the end.
func (a *API) interruptAudio(begin bool) {
	a.audio.interrupted = begin
	if begin {
		a.pauseAllAudio()
	}
}

// hideAudio is the game going to the background (hidden) or coming back:
// as documented for WeChat's mini games, every sound pauses, play fails
// while hidden, and nothing resumes by itself on return.
func (a *API) hideAudio(hidden bool) {
	a.audio.hidden = hidden
	if hidden {
		a.pauseAllAudio()
	}
}

func (a *API) pauseAllAudio() {
	for _, c := range append([]*innerAudio(nil), a.audio.live...) {
		c.pause()
	}
}

// closeAudio stops every sound of the domain (it is being torn down).
func (a *API) closeAudio() {
	for _, c := range append([]*innerAudio(nil), a.audio.live...) {
		c.release()
	}
	a.audio.live = nil
}
