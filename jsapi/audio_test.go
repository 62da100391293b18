package jsapi_test

import (
	"encoding/binary"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minisim/minisim/audio"
	"github.com/minisim/minisim/internal/testfs"
	"github.com/minisim/minisim/jsapi"
)

// fakeMixers are the fake hosts' mixers: silent, one per host, so tests
// can count the voices.
var fakeMixers sync.Map

func (h *fakeHost) Audio() *audio.Mixer {
	m, _ := fakeMixers.LoadOrStore(h, audio.Open(true, nil))
	return m.(*audio.Mixer)
}

// wavFile is a 16-bit mono 44.1 kHz WAV of a quiet sine.
func wavFile(seconds float64) []byte {
	n := int(seconds * audio.SampleRate)
	b := make([]byte, 44+2*n)
	copy(b, "RIFF")
	binary.LittleEndian.PutUint32(b[4:], uint32(36+2*n))
	copy(b[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(b[16:], 16)
	binary.LittleEndian.PutUint16(b[20:], 1) // PCM
	binary.LittleEndian.PutUint16(b[22:], 1) // mono
	binary.LittleEndian.PutUint32(b[24:], audio.SampleRate)
	binary.LittleEndian.PutUint32(b[28:], audio.SampleRate*2)
	binary.LittleEndian.PutUint16(b[32:], 2)
	binary.LittleEndian.PutUint16(b[34:], 16)
	copy(b[36:], "data")
	binary.LittleEndian.PutUint32(b[40:], uint32(2*n))
	for i := 0; i < n; i++ {
		v := int16(3000 * math.Sin(2*math.Pi*440*float64(i)/audio.SampleRate))
		binary.LittleEndian.PutUint16(b[44+2*i:], uint16(v))
	}
	return b
}

// audioEnv starts an empty game, puts files in its folder, then runs
// script as a turn and lets the loads finish.
func audioEnv(t *testing.T, platform string, files map[string][]byte, script string) *env {
	t.Helper()
	e := newEnv(t, platform, "")
	testfs.Write(t, e.d.Root(), files)
	e.run(t, script)
	return e
}

// audioSettle waits for loads and runs the turns they and the events post.
func audioSettle(e *env) {
	for i := 0; i < 4; i++ {
		e.d.WaitAsync()
		e.d.RunPosted()
	}
}

// audioAdvance moves the virtual clock on by d, running each timer at
// its exact time.
func audioAdvance(e *env, d time.Duration) {
	c := e.d.Clock().(*clock)
	end := c.now + d
	for {
		due, ok := e.d.NextTimer()
		if !ok || due > end {
			break
		}
		c.now = due
		e.d.RunTimers(due)
		audioSettle(e)
	}
	c.now = end
	audioSettle(e)
}

// logEvents is JS that logs every event of ctx with the clock and
// currentTime; TimeUpdate only counts, into ticks.
const logEvents = `
var ticks = 0;
function t() { return Math.round(PLATFORM.getPerformance().now()) + 'ms'; }
['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'Error', 'Waiting', 'Seeking', 'Seeked'].forEach(function (n) {
  ctx['on' + n](function (res) {
    console.log(n, t(), ctx.currentTime, ctx.paused, res && res.errCode ? res.errCode + ' ' + res.errMsg : '');
  });
});
ctx.onTimeUpdate(function () { ticks++; });
`

func platformObj(platform string) string {
	return map[string]string{"wechat": "wx", "tiktok": "tt"}[platform]
}

func audioScript(platform, body string) string {
	p := platformObj(platform)
	return "var ctx = " + p + ".createInnerAudioContext();\n" +
		strings.ReplaceAll(logEvents, "PLATFORM", p) + body
}

func wantLog(t *testing.T, e *env, want string) {
	t.Helper()
	if got := e.out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s\nstderr: %s", got, want, e.err.String())
	}
	e.out.Reset()
}

func TestInnerAudioLoadsPlaysTicksAndEndsOnTheClock(t *testing.T) {
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			e := audioEnv(t, platform, map[string][]byte{"audio/one.wav": wavFile(1)}, audioScript(platform, `
console.log('before load', ctx.duration, ctx.currentTime, ctx.paused, ctx.buffered);
ctx.src = 'audio/one.wav';
ctx.play();
console.log('playing asked', ctx.paused);
`))
			wantLog(t, e, `before load 0 0 true 0
playing asked false
Waiting 0ms 0 false 
Canplay 0ms 0 false 
Play 0ms 0 false 
`)
			e.run(t, `console.log(ctx.duration, ctx.buffered, ctx.src, ctx.volume, ctx.loop, ctx.autoplay, ctx.startTime)`)
			wantLog(t, e, "1 1 audio/one.wav 1 false false 0\n")
			audioAdvance(e, 600*time.Millisecond)
			e.run(t, `console.log('at 600ms', ctx.currentTime, ticks)`)
			wantLog(t, e, "at 600ms 0.6 2\n")
			audioAdvance(e, 2*time.Second)
			e.run(t, `console.log('later', ctx.currentTime, ctx.paused, ticks)`)
			wantLog(t, e, "Ended 1000ms 1 true \nlater 1 true 3\n")
		})
	}
}

func TestAutoplayAndPlaybackRate(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1)}, audioScript("wechat", `
ctx.autoplay = true;
ctx.playbackRate = 2;
ctx.src = '/one.wav';
`))
	wantLog(t, e, "Canplay 0ms 0 true \nPlay 0ms 0 false \n")
	audioAdvance(e, 250*time.Millisecond)
	e.run(t, `console.log(ctx.currentTime); ctx.playbackRate = 0.5;`)
	audioAdvance(e, time.Second) // 0.5 s more of sound: at 1 s
	wantLog(t, e, "0.5\nEnded 1250ms 1 true \n")
	e.run(t, `ctx.playbackRate = 5; ctx.volume = 'loud'; console.log(ctx.playbackRate, ctx.volume)`)
	wantLog(t, e, "2 1\n")
	for _, w := range []string{"playbackRate 5 is out of range [0.5, 2]; using 2", "volume must be a number, not String; ignored"} {
		if !strings.Contains(e.err.String(), w) {
			t.Errorf("no warning %q in %s", w, e.err.String())
		}
	}
}

func TestLoopNeverEnds(t *testing.T) {
	e := audioEnv(t, "tiktok", map[string][]byte{"one.wav": wavFile(1)}, audioScript("tiktok", `
ctx.loop = true;
ctx.src = 'one.wav';
ctx.onCanplay(function () { ctx.play(); });
`))
	e.out.Reset()
	audioAdvance(e, 3500*time.Millisecond)
	e.run(t, `console.log(ctx.currentTime, ctx.paused, ticks)`)
	wantLog(t, e, "0.5 false 14\n")
	e.run(t, `ctx.loop = false;`) // now it ends at the end of this lap
	audioAdvance(e, time.Second)
	wantLog(t, e, "Ended 4000ms 1 true \n")
}

func TestPauseSeekStopAndStartTime(t *testing.T) {
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			e := audioEnv(t, platform, map[string][]byte{"one.wav": wavFile(1)}, audioScript(platform, `
ctx.src = 'one.wav';
ctx.onCanplay(function () { ctx.play(); });
`))
			e.out.Reset()
			audioAdvance(e, 400*time.Millisecond)
			e.run(t, `ctx.pause(); console.log('paused at', ctx.currentTime);`)
			audioAdvance(e, time.Second)
			e.run(t, `console.log('still', ctx.currentTime); ctx.seek(0.8); console.log('sought', ctx.currentTime); ctx.play();`)
			audioAdvance(e, 500*time.Millisecond)
			wantLog(t, e, `paused at 0.4
Pause 400ms 0.4 true 
still 0.4
sought 0.8
Seeking 1400ms 0.8 false 
Seeked 1400ms 0.8 false 
Play 1400ms 0.8 false 
Ended 1600ms 1 true 
`)
			e.run(t, `ctx.startTime = 0.5; ctx.play();`)
			audioAdvance(e, 100*time.Millisecond)
			e.run(t, `ctx.stop(); console.log('stopped', ctx.currentTime, ctx.paused); ctx.seek(-3); console.log(ctx.currentTime); ctx.seek(9); console.log(ctx.currentTime)`)
			wantLog(t, e, `Play 1900ms 0.5 false 
stopped 0 true
0
1
Stop 2000ms 1 true 
Seeking 2000ms 1 true 
Seeked 2000ms 1 true 
Seeking 2000ms 1 true 
Seeked 2000ms 1 true 
`)
		})
	}
}

func TestWeChatCurrentTimeIsWritableTikTokNot(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1)}, `
var ctx = wx.createInnerAudioContext(); ctx.src = 'one.wav';`)
	e.run(t, `ctx.currentTime = 0.25; console.log(ctx.currentTime, ctx.referrerPolicy);`)
	wantLog(t, e, "0.25 origin\n")
	e = audioEnv(t, "tiktok", map[string][]byte{"one.wav": wavFile(1)}, `
var ctx = tt.createInnerAudioContext(); ctx.src = 'one.wav';`)
	e.run(t, `ctx.currentTime = 0.25; console.log(ctx.currentTime, 'referrerPolicy' in ctx);
(function () { 'use strict'; try { ctx.duration = 5; } catch (err) { console.log(err.name); } })();`)
	wantLog(t, e, "0 false\nTypeError\n")
}

func TestBadSourcesReportTheirErrCode(t *testing.T) {
	adts := []byte{0xFF, 0xF1, 0x50, 0x80, 0x01, 0x7F, 0xFC, 0, 0, 0}
	for _, c := range []struct {
		src, want string
	}{
		{"missing.mp3", "Error 0ms 0 true 10003 file not exist: missing.mp3\n"},
		{"../outside.wav", "Error 0ms 0 true 10003 file not exist: ../outside.wav (the path leaves the game folder)\n"},
		{"sound.m4a", "Error 0ms 0 true 10004 sound.m4a: AAC: AAC is not supported by minisim's decoders; use MP3, OGG or WAV\n"},
		{"notes.txt", "Error 0ms 0 true 10004 notes.txt: not a WAV, MP3 or OGG file (it starts 68 65 6c 6c 6f); minisim decodes MP3, OGG/Vorbis and WAV\n"},
		{"cloud://env/a.mp3", "Error 0ms 0 true 10003 cloud://env/a.mp3: cloud file IDs are not supported by minisim; put the sound in the game folder or use an http(s) URL\n"},
		{"wxfile://tmp_77.mp3", "Error 0ms 0 true 10003 file not exist: wxfile://tmp_77.mp3 (no temp file of this run has that path)\n"},
	} {
		t.Run(c.src, func(t *testing.T) {
			e := audioEnv(t, "wechat", map[string][]byte{"sound.m4a": adts, "notes.txt": []byte("hello")},
				audioScript("wechat", `ctx.src = '`+c.src+`'; ctx.play();`))
			wantLog(t, e, "Waiting 0ms 0 false \n"+c.want)
			e.run(t, `ctx.play();`) // playing again reports the error again
			if got := e.out.String(); got != c.want {
				t.Errorf("second play: %q", got)
			}
		})
	}
}

func TestAnErrorWithoutListenersIsPrinted(t *testing.T) {
	e := audioEnv(t, "tiktok", nil, `var ctx = tt.createInnerAudioContext(); ctx.src = 'nope.ogg';`)
	if !strings.Contains(e.err.String(), `InnerAudioContext.src "nope.ogg": file not exist: nope.ogg (errCode 10003; listen with onError)`) {
		t.Errorf("stderr: %s", e.err.String())
	}
}

func TestHTTPSources(t *testing.T) {
	var mu sync.Mutex
	referers := []string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		referers = append(referers, r.Header.Get("Referer"))
		mu.Unlock()
		if r.URL.Path == "/one.wav" {
			w.Write(wavFile(1))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	deadURL := "http://" + closed.Addr().String() + "/x.mp3"
	closed.Close()

	e := audioEnv(t, "wechat", nil, audioScript("wechat", `ctx.src = '`+srv.URL+`/one.wav'; ctx.play();`))
	wantLog(t, e, "Waiting 0ms 0 false \nCanplay 0ms 0 false \nPlay 0ms 0 false \n")
	e.run(t, `var b = wx.createInnerAudioContext(); b.referrerPolicy = 'no-referrer'; b.src = '`+srv.URL+`/one.wav?again';
b.onCanplay(function () { console.log('b', b.duration); });`)
	wantLog(t, e, "b 1\n")
	e.run(t, `ctx.src = '`+srv.URL+`/missing.mp3';`)
	wantLog(t, e, "Error 0ms 0 true 10002 download failed: "+srv.URL+"/missing.mp3 answered 404 Not Found\n")
	e.run(t, `ctx.src = '`+deadURL+`';`)
	if got := e.out.String(); !strings.HasPrefix(got, "Error 0ms 0 true 10002 download failed: ") {
		t.Errorf("unreachable server: %q", got)
	}
	tt := audioEnv(t, "tiktok", nil, audioScript("tiktok", `ctx.src = '`+srv.URL+`/one.wav?tt';`))
	wantLog(t, tt, "Canplay 0ms 0 true \n")
	e.out.Reset()
	e.host.net.kind = "none" // offline, nothing is fetched
	e.run(t, `ctx.src = '`+srv.URL+`/one.wav?offline';`)
	wantLog(t, e, "Error 0ms 0 true 10002 download failed: net::ERR_INTERNET_DISCONNECTED\n")

	mu.Lock()
	defer mu.Unlock()
	appID := (&fakeHost{}).Account().AppID()
	wx := "https://servicewechat.com/" + appID + "/devtools/page-frame.html"
	want := []string{wx, "", wx, "" /* TikTok sends none */}
	if strings.Join(referers, " | ") != strings.Join(want, " | ") {
		t.Errorf("referers %q, want %q", referers, want)
	}
}

func TestOffRemovesListeners(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1)}, `
var ctx = wx.createInnerAudioContext();
function a() { console.log('a', this === ctx); }
function b() { console.log('b'); }
ctx.onPlay(a); ctx.onPlay(b); ctx.offPlay(a);
ctx.onPause(a); ctx.onPause(b); ctx.offPause();
try { ctx.onEnded('x'); } catch (err) { console.log(err.name, err.message); }
ctx.src = 'one.wav'; ctx.play();
`)
	e.run(t, `ctx.pause(); ctx.offPlay(b); ctx.play();`)
	wantLog(t, e, "TypeError InnerAudioContext.onEnded: the listener must be a function\nb\n")
}

func TestSrcChangeDropsTheOldSound(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1), "two.wav": wavFile(2)}, audioScript("wechat", `
ctx.src = 'one.wav'; ctx.play(); ctx.src = 'two.wav';
`))
	// The first load is dropped unheard; the new src is paused until played.
	wantLog(t, e, "Canplay 0ms 0 true \n")
	e.run(t, `console.log(ctx.duration, ctx.paused);`)
	wantLog(t, e, "2 true\n")
	if n := e.host.Audio().Voices(); n != 1 {
		t.Errorf("%d voices, want the new src's only", n)
	}
}

func TestDestroyReleasesTheVoice(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1)}, audioScript("wechat", `
ctx.src = 'one.wav'; ctx.play();`))
	e.out.Reset()
	mixer := e.host.Audio()
	if mixer.Voices() != 1 {
		t.Fatalf("%d voices", mixer.Voices())
	}
	e.run(t, `ctx.destroy(); ctx.destroy(); ctx.play(); ctx.src = 'one.wav'; console.log(ctx.paused, ctx.duration);`)
	audioAdvance(e, 2*time.Second)
	wantLog(t, e, "true 0\n")
	if mixer.Voices() != 0 {
		t.Errorf("%d voices after destroy", mixer.Voices())
	}
	for _, w := range []string{"InnerAudioContext.play: this context was destroyed; create a new one with wx.createInnerAudioContext()",
		"InnerAudioContext.src: this context was destroyed"} {
		if !strings.Contains(e.err.String(), w) {
			t.Errorf("no warning %q in %s", w, e.err.String())
		}
	}
}

func TestCloseStopsEverySound(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1)}, `
for (var i = 0; i < 3; i++) { var c = wx.createInnerAudioContext(); c.src = 'one.wav'; c.loop = true; c.play(); }`)
	mixer := e.host.Audio()
	if mixer.Voices() != 3 {
		t.Fatalf("%d voices", mixer.Voices())
	}
	e.api.Close()
	if mixer.Voices() != 0 {
		t.Errorf("%d voices after Close", mixer.Voices())
	}
}

func TestSoundsShareOneDecodedClip(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1)}, `
var hits = [];
for (var i = 0; i < 5; i++) { var c = wx.createInnerAudioContext(); c.src = 'one.wav'; c.onCanplay(function () { hits.push(1); }); }`)
	e.run(t, `console.log(hits.length)`)
	wantLog(t, e, "5\n")
	if got := e.api.LoadedAssets(); strings.Join(got, ",") != "one.wav" {
		t.Errorf("assets %q: the sound is not watched once", got)
	}
}

// An edited sound file is decoded again, not served from the clip cache
// (its size and modification time are in the key): saving a sound while
// the game runs is heard.
func TestAnEditedSoundIsDecodedAgain(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1)}, `
var a = wx.createInnerAudioContext(); a.src = 'one.wav'; a.onCanplay(function () { console.log('a', a.duration); });`)
	wantLog(t, e, "a 1\n")
	if err := os.WriteFile(filepath.Join(e.d.Root(), "one.wav"), wavFile(2), 0o644); err != nil {
		t.Fatal(err)
	}
	e.run(t, `var b = wx.createInnerAudioContext(); b.src = 'one.wav'; b.onCanplay(function () { console.log('b', b.duration); });`)
	wantLog(t, e, "b 2\n")
}

func TestAudioInterruptionPauses(t *testing.T) {
	e := audioEnv(t, "wechat", map[string][]byte{"one.wav": wavFile(1)}, audioScript("wechat", `
ctx.loop = true; ctx.src = 'one.wav'; ctx.play();
wx.onAudioInterruptionBegin(function () { console.log('begin', ctx.paused); });
wx.onAudioInterruptionEnd(function () { console.log('end'); ctx.play(); });
`))
	e.out.Reset()
	audioAdvance(e, 300*time.Millisecond)
	e.api.DispatchAudioInterruption(true)
	audioSettle(e)
	e.run(t, `ctx.play(); console.log('still paused', ctx.paused);`)
	audioAdvance(e, time.Second)
	e.api.DispatchAudioInterruption(false)
	audioSettle(e)
	wantLog(t, e, `begin true
Pause 300ms 0.3 true 
still paused true
end
Play 1300ms 0.3 false 
`)
	if !strings.Contains(e.err.String(), "InnerAudioContext.play: the system holds the audio") {
		t.Errorf("no warning for play during the interruption: %s", e.err.String())
	}
}

// Going to the background pauses every sound; play fails until the game
// is shown again, and nothing resumes by itself (WeChat's audio guide).
func TestHiddenGamePausesItsSounds(t *testing.T) {
	e := audioEnv(t, "tiktok", map[string][]byte{"one.wav": wavFile(1)}, audioScript("tiktok", `
ctx.loop = true; ctx.src = 'one.wav'; ctx.play();
tt.onHide(function () { console.log('hide', ctx.paused); });
tt.onShow(function () { console.log('show', ctx.paused); ctx.play(); });
`))
	e.out.Reset()
	audioAdvance(e, 300*time.Millisecond)
	e.api.DispatchHide()
	audioSettle(e)
	e.run(t, `ctx.play(); console.log('still paused', ctx.paused);`)
	audioAdvance(e, time.Second)
	e.api.DispatchShow()
	audioSettle(e)
	wantLog(t, e, `hide true
Pause 300ms 0.3 true 
still paused true
show true
Play 1300ms 0.3 false 
`)
	if !strings.Contains(e.err.String(), "play: the system holds the audio while the game is in the background: play again after tt.onShow") {
		t.Errorf("no warning for play in the background: %s", e.err.String())
	}
}

func TestSetInnerAudioOptionAndAudioSources(t *testing.T) {
	e := newEnv(t, "wechat", `
wx.setInnerAudioOption({ mixWithOther: false, obeyMuteSwitch: false, success: function (r) { console.log(r.errMsg); } });
wx.setInnerAudioOption({ speakerOn: 'yes', fail: function (r) { console.log(r.errMsg); } });
wx.setInnerAudioOption().then(function (r) { console.log('promise', r.errMsg); });
wx.getAvailableAudioSources({ success: function (r) { console.log(r.audioSources.join(','), r.errMsg); } });
`)
	audioSettle(e)
	wantLog(t, e, `setInnerAudioOption:ok
setInnerAudioOption:fail parameter.speakerOn should be Boolean instead of String
promise setInnerAudioOption:ok
auto,buildInMic getAvailableAudioSources:ok
`)
	tt := newEnv(t, "tiktok", `console.log(typeof tt.createInnerAudioContext, typeof tt.setInnerAudioOption, typeof tt.getAvailableAudioSources)`)
	wantLog(t, tt, "function undefined undefined\n")
}

func TestAudioIsMainDomainOnly(t *testing.T) {
	e := newDomainEnv(t, &fakeHost{}, "wechat", jsapi.OpenDomain, `console.log(typeof wx.createInnerAudioContext)`)
	wantLog(t, e, "undefined\n")
}

func TestSoundsPlayFromTheUserDataFolder(t *testing.T) {
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			e := newEnv(t, platform, "")
			dir := t.TempDir()
			userDirs.Store(e.host, dir)
			os.MkdirAll(filepath.Join(dir, "usr"), 0o755)
			if err := os.WriteFile(filepath.Join(dir, "usr", "s.wav"), wavFile(0.5), 0o644); err != nil {
				t.Fatal(err)
			}
			e.run(t, audioScript(platform, `
ctx.src = `+platformObj(platform)+`.env.USER_DATA_PATH + '/s.wav';
var missing = `+platformObj(platform)+`.createInnerAudioContext();
missing.onError(function (r) { console.log('missing', r.errCode); });
missing.src = `+platformObj(platform)+`.env.USER_DATA_PATH + '/none.wav';
`))
			audioSettle(e)
			e.run(t, `console.log('duration', ctx.duration)`)
			wantLog(t, e, "Canplay 0ms 0 true \nmissing 10003\nduration 0.5\n")
		})
	}
}
