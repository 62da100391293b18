package jsapi

import (
	"math"
	"slices"
	"time"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/audio"
)

// audioTick is how often onTimeUpdate fires while a sound plays. Neither
// platform documents the period; 250 ms is how often browsers fire an
// audio element's timeupdate, which developers know.
const audioTick = 250 * time.Millisecond

// audioEvents are InnerAudioContext's onX/offX pairs.
var audioEvents = []string{"Canplay", "Play", "Pause", "Stop", "Ended", "TimeUpdate", "Error", "Waiting", "Seeking", "Seeked"}

// innerAudio is one InnerAudioContext. Its timing follows the domain's
// clock, not the sound device: the position is where playing started
// plus the clock's progress times the rate, and onEnded/onTimeUpdate are
// timers on that clock. So headless runs (virtual time, silent) see the
// same events at the same times as windowed ones; the mixer's voice is
// only told to play, pause and seek in step.
type innerAudio struct {
	a         *API
	obj       *goja.Object
	listeners map[string][]listener

	src            string
	startTime      float64
	autoplay, loop bool
	obeyMuteSwitch bool // no mute switch on a desktop: kept, no effect
	volume, rate   float64
	referrerPolicy string // WeChat: "origin" or "no-referrer"

	seq     int // bumped whenever the src changes, so a stale load is dropped
	loading bool
	loadErr *audioError // why the last load failed
	clip    *audio.Clip
	voice   *audio.Voice

	playing  bool
	wantPlay bool // play() came before the sound loaded
	fresh    bool // the next play starts at startTime: after a load, stop or end
	pos      float64
	since    time.Duration // the clock when pos was taken, while playing
	// cancelEnd and cancelTick stop the pending onEnded and onTimeUpdate.
	cancelEnd, cancelTick func()
	destroyed             bool
}

func newInnerAudio(a *API) *innerAudio {
	c := &innerAudio{a: a, listeners: map[string][]listener{}, obeyMuteSwitch: true, volume: 1, rate: 1,
		referrerPolicy: "origin", fresh: true}
	c.obj = a.vm.NewObject()
	c.defineProperties()
	c.method("play", func(goja.FunctionCall) { c.play() })
	c.method("pause", func(goja.FunctionCall) {
		if c.alive("pause") {
			c.pause()
		}
	})
	c.method("stop", func(goja.FunctionCall) {
		if c.alive("stop") {
			c.stop()
		}
	})
	c.method("seek", func(call goja.FunctionCall) { c.seek(call.Argument(0)) })
	c.method("destroy", func(goja.FunctionCall) { c.destroy() })
	for _, name := range audioEvents {
		defineListeners(a.vm, c.obj, "InnerAudioContext", c.listeners, "on"+name, "off"+name)
	}
	return c
}

func (c *innerAudio) method(name string, fn func(goja.FunctionCall)) {
	must(c.obj.Set(name, Native(c.a.vm, "InnerAudioContext."+name, func(call goja.FunctionCall) goja.Value {
		fn(call)
		return goja.Undefined()
	})))
}

// accessor defines a property; set nil makes it read-only.
func (c *innerAudio) accessor(name string, get func() any, set func(goja.Value)) {
	vm := c.a.vm
	getter := vm.ToValue(Native(vm, "InnerAudioContext."+name, func(goja.FunctionCall) goja.Value { return vm.ToValue(get()) }))
	var setter goja.Value
	if set != nil {
		setter = vm.ToValue(Native(vm, "InnerAudioContext."+name, func(call goja.FunctionCall) goja.Value {
			if c.alive(name) {
				set(call.Argument(0))
			}
			return goja.Undefined()
		}))
	}
	must(c.obj.DefineAccessorProperty(name, getter, setter, goja.FLAG_FALSE, goja.FLAG_TRUE))
}

func (c *innerAudio) defineProperties() {
	c.accessor("src", func() any { return c.src }, func(v goja.Value) {
		s, ok := v.Export().(string)
		if !ok {
			c.warnf("src must be a string (a path in the game folder, a temp file path or an http(s) URL), not %s; ignored", typeName(v))
			return
		}
		c.setSrc(s)
	})
	c.accessor("startTime", func() any { return c.startTime }, func(v goja.Value) {
		if f, ok := c.number("startTime", v, 0, math.Inf(1)); ok {
			c.startTime = f
		}
	})
	c.accessor("autoplay", func() any { return c.autoplay }, func(v goja.Value) { c.autoplay = v.ToBoolean() })
	c.accessor("loop", func() any { return c.loop }, func(v goja.Value) {
		c.rebase()
		c.loop = v.ToBoolean()
		if c.voice != nil {
			c.voice.SetLoop(c.loop)
		}
		c.scheduleEnd()
	})
	c.accessor("obeyMuteSwitch", func() any { return c.obeyMuteSwitch }, func(v goja.Value) { c.obeyMuteSwitch = v.ToBoolean() })
	c.accessor("volume", func() any { return c.volume }, func(v goja.Value) {
		if f, ok := c.number("volume", v, 0, 1); ok {
			c.volume = f
			if c.voice != nil {
				c.voice.SetVolume(f)
			}
		}
	})
	c.accessor("playbackRate", func() any { return c.rate }, func(v goja.Value) {
		if f, ok := c.number("playbackRate", v, 0.5, 2); ok {
			c.rebase()
			c.rate = f
			if c.voice != nil {
				c.voice.SetRate(f)
			}
			c.scheduleEnd()
		}
	})
	c.accessor("duration", func() any { return round6(c.duration()) }, nil)
	var setTime func(goja.Value)
	if c.a.platform == "wechat" { // writable from base library 2.26.2: the same as seek
		setTime = c.seek
	}
	c.accessor("currentTime", func() any { return round6(c.position()) }, setTime)
	c.accessor("paused", func() any { return !c.playing && !c.wantPlay }, nil)
	// The whole sound is in memory once loaded: buffered to the end.
	c.accessor("buffered", func() any { return round6(c.duration()) }, nil)
	if c.a.platform == "wechat" {
		c.accessor("referrerPolicy", func() any { return c.referrerPolicy }, func(v goja.Value) {
			if s, _ := v.Export().(string); s == "origin" || s == "no-referrer" {
				c.referrerPolicy = s
				return
			}
			c.warnf("referrerPolicy must be \"origin\" or \"no-referrer\", not %s; ignored", v.String())
		})
	}
}

// number reads a numeric property value, clamping it to [lo, hi] with a
// warning; ok is false (and the value ignored) for a non-number.
func (c *innerAudio) number(name string, v goja.Value, lo, hi float64) (float64, bool) {
	var f float64
	switch x := v.Export().(type) {
	case int64:
		f = float64(x)
	case float64:
		f = x
	default:
		c.warnf("%s must be a number, not %s; ignored", name, typeName(v))
		return 0, false
	}
	if math.IsNaN(f) {
		c.warnf("%s must be a number, not NaN; ignored", name)
		return 0, false
	}
	if f < lo || f > hi {
		c.warnf("%s %v is out of range [%v, %v]; using %v", name, f, lo, hi, math.Max(lo, math.Min(hi, f)))
	}
	return math.Max(lo, math.Min(hi, f)), true
}

func (c *innerAudio) warnf(format string, args ...any) {
	c.a.loop.Warnf("InnerAudioContext."+format, args...)
}

// alive reports whether the context can still be used, warning when a
// method or property is used after destroy.
func (c *innerAudio) alive(name string) bool {
	if c.destroyed {
		c.warnf("%s: this context was destroyed; create a new one with %s()", name, c.a.apiName("createInnerAudioContext"))
	}
	return !c.destroyed
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func (c *innerAudio) duration() float64 {
	if c.clip == nil {
		return 0 // only known once a valid src has loaded
	}
	return c.clip.Seconds()
}

// position is the playback position in seconds on the domain clock.
func (c *innerAudio) position() float64 {
	if !c.playing {
		return c.pos
	}
	p := c.pos + (c.a.loop.Now()-c.since).Seconds()*c.rate
	d := c.duration()
	if c.loop && d > 0 {
		return math.Mod(p, d)
	}
	return math.Min(p, d)
}

// rebase takes the position now, before the rate or loop changes.
func (c *innerAudio) rebase() {
	if c.playing {
		c.pos, c.since = c.position(), c.a.loop.Now()
	}
}

// emit calls the listeners of an event now, with this as the context.
func (c *innerAudio) emit(name string, args ...goja.Value) {
	emitTo(c.a.loop, c.obj, c.listeners, name, args...)
}

// post fires an event on a later turn: the platforms' events are
// asynchronous to the calls that cause them.
func (c *innerAudio) post(name string) {
	seq := c.seq
	c.a.later(func() {
		if !c.destroyed && seq == c.seq {
			c.emit(name)
		}
	})
}

func (c *innerAudio) setSrc(src string) {
	c.unload()
	c.src = src
	if src != "" {
		c.load()
	}
}

// unload drops the current sound: a new src pauses what played (as an
// HTML media element does) and forgets where it was.
func (c *innerAudio) unload() {
	c.seq++
	c.cancelTimers()
	if c.voice != nil {
		c.voice.Release()
	}
	c.voice, c.clip, c.loading, c.loadErr = nil, nil, false, nil
	c.playing, c.wantPlay, c.pos, c.fresh = false, false, 0, true
	c.a.audio.live = slices.DeleteFunc(c.a.audio.live, func(x *innerAudio) bool { return x == c })
}

func (c *innerAudio) load() {
	a := c.a
	seq := c.seq
	c.loading = true
	a.audio.live = append(a.audio.live, c)
	src, err := a.resolveAudioSrc(c.src)
	if err != nil { // reported like any failed load, after what this turn asks
		a.loop.Go(func() func() { return func() { c.loaded(seq, nil, err) } })
		return
	}
	if src.rel != "" && !slices.Contains(a.assets, src.rel) {
		a.assets = append(a.assets, src.rel) // an edited sound reloads the game
	}
	referer := ""
	if a.platform == "wechat" && c.referrerPolicy == "origin" && src.url != "" {
		referer = a.wechatReferer()
	}
	cache, fetch := a.audio.cache, a.net.fetcher(referer, audioFetchLimit)
	a.loop.Go(func() func() {
		clip, err := loadClip(cache, src, fetch)
		return func() { c.loaded(seq, clip, err) }
	})
}

// loaded ends a load: onCanplay, then the play asked for (autoplay, or
// play() while loading); or onError.
func (c *innerAudio) loaded(seq int, clip *audio.Clip, err error) {
	if seq != c.seq || c.destroyed {
		return // the src changed meanwhile
	}
	c.loading = false
	if err != nil {
		c.fail(err)
		return
	}
	c.clip = clip
	c.voice = c.a.mixer().NewVoice(clip)
	c.voice.SetVolume(c.volume)
	c.voice.SetLoop(c.loop)
	c.voice.SetRate(c.rate)
	if !c.fresh { // seek() came before the sound loaded
		c.pos = math.Min(c.pos, clip.Seconds())
	}
	c.emit("Canplay")
	if seq != c.seq || c.destroyed || c.playing {
		return // a listener changed the src, destroyed the context or played it
	}
	if c.autoplay || c.wantPlay {
		c.wantPlay = false
		c.play()
	}
}

func (c *innerAudio) fail(err error) {
	ae, ok := err.(*audioError)
	if !ok {
		ae = &audioError{audioSystemError, err.Error()}
	}
	c.loadErr, c.wantPlay = ae, false
	if len(c.listeners["Error"]) == 0 {
		c.warnf("src %q: %s (errCode %d; listen with onError)", c.src, ae.msg, ae.code)
	}
	c.emit("Error", c.a.vm.ToValue(c.a.object("errMsg", ae.msg, "errCode", ae.code)))
}

func (c *innerAudio) play() {
	switch {
	case !c.alive("play"), c.playing, c.wantPlay:
	case c.a.audio.heldBy(c.a) != "":
		c.warnf("play: the system holds the audio %s", c.a.audio.heldBy(c.a))
	case c.clip != nil:
		c.start()
	case c.loading:
		c.wantPlay = true
		c.post("Waiting") // it plays once the sound has loaded
	case c.loadErr != nil:
		seq, ae := c.seq, c.loadErr
		c.a.later(func() {
			if seq == c.seq && !c.destroyed {
				c.fail(ae)
			}
		})
	default:
		c.warnf("play: no src is set; set src first")
	}
}

func (c *innerAudio) start() {
	if c.fresh {
		c.pos, c.fresh = math.Min(c.startTime, c.duration()), false
	}
	c.playing, c.since = true, c.a.loop.Now()
	c.voice.Seek(c.pos)
	c.voice.Play()
	c.scheduleEnd()
	c.cancelTick = c.a.loop.After(audioTick, c.tick)
	c.post("Play")
}

func (c *innerAudio) pause() {
	switch {
	case c.playing:
		c.rebase()
		c.playing = false
		c.cancelTimers()
		c.voice.Pause()
		c.post("Pause")
	case c.wantPlay:
		c.wantPlay = false
		c.post("Pause")
	}
}

// stop rewinds: the next play starts from the beginning (startTime).
func (c *innerAudio) stop() {
	if c.playing {
		c.cancelTimers()
		c.voice.Stop()
	}
	c.playing, c.wantPlay, c.pos, c.fresh = false, false, 0, true
	c.post("Stop")
}

func (c *innerAudio) seek(v goja.Value) {
	if !c.alive("seek") {
		return
	}
	p, ok := c.number("seek position", v, 0, math.Inf(1))
	if !ok {
		return
	}
	if c.clip != nil {
		p = math.Min(p, c.duration())
	}
	c.post("Seeking")
	c.pos, c.fresh = p, false
	if c.voice != nil {
		c.voice.Seek(p)
	}
	if c.playing {
		c.since = c.a.loop.Now()
		c.scheduleEnd()
	}
	c.post("Seeked")
}

// scheduleEnd sets the timer of onEnded for where the sound now is.
func (c *innerAudio) scheduleEnd() {
	if c.cancelEnd != nil {
		c.cancelEnd()
		c.cancelEnd = nil
	}
	if !c.playing || c.loop {
		return
	}
	left := (c.duration() - c.position()) / c.rate
	c.cancelEnd = c.a.loop.After(time.Duration(math.Ceil(left*float64(time.Second))), c.end)
}

func (c *innerAudio) end() {
	c.cancelEnd = nil
	if !c.playing {
		return
	}
	c.cancelTimers()
	c.playing, c.pos, c.fresh = false, c.duration(), true
	c.voice.Pause()
	c.emit("Ended")
}

func (c *innerAudio) tick() {
	c.cancelTick = nil
	if !c.playing {
		return
	}
	c.cancelTick = c.a.loop.After(audioTick, c.tick)
	c.emit("TimeUpdate")
}

func (c *innerAudio) cancelTimers() {
	for _, cancel := range []*func(){&c.cancelEnd, &c.cancelTick} {
		if *cancel != nil {
			(*cancel)()
			*cancel = nil
		}
	}
}

func (c *innerAudio) destroy() {
	if c.destroyed {
		return
	}
	c.unload()
	c.destroyed = true
	clear(c.listeners) // the on/off methods keep this map
}

// release stops the context for good without events (the domain closes).
func (c *innerAudio) release() {
	c.unload()
	c.destroyed = true
}
