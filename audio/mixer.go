package audio

import (
	"encoding/binary"
	"io"
	"math"
	"sync"
)

// Mixer sums the voices that play into one stream of float32 stereo
// frames at SampleRate (Read gives them as little-endian bytes, the form
// oto takes). It is safe for concurrent use: the sound device reads it
// from its own goroutine while the JS loop starts and stops voices.
type Mixer struct {
	mu     sync.Mutex
	voices []*Voice
	buf    []float32 // Read's scratch
	out    io.Closer // the device player; nil when silent
	held   bool      // Hold: no voice advances
	closed bool
	// opened is closed once the device has opened or failed to (nil when
	// the mixer opens none).
	opened chan struct{}
}

// NewMixer makes a mixer that nothing reads: silent, opening no device.
func NewMixer() *Mixer { return &Mixer{} }

// Silent reports whether the mixer's output goes nowhere.
func (m *Mixer) Silent() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.out == nil
}

// Close stops the output, also a device still opening; the voices stay,
// silent.
func (m *Mixer) Close() error {
	m.mu.Lock()
	out := m.out
	m.out, m.closed = nil, true
	m.mu.Unlock()
	if out != nil {
		return out.Close()
	}
	return nil
}

// Voices counts the voices not yet released.
func (m *Mixer) Voices() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.voices)
}

// NewVoice adds a paused voice of the clip at its start, volume 1, rate 1.
func (m *Mixer) NewVoice(c *Clip) *Voice {
	v := &Voice{m: m, clip: c, volume: 1, rate: 1}
	m.mu.Lock()
	m.voices = append(m.voices, v)
	m.mu.Unlock()
	return v
}

// Read fills p with mixed float32 stereo frames; it never ends, giving
// silence when nothing plays.
func (m *Mixer) Read(p []byte) (int, error) {
	n := len(p) / 8 * 8 // whole frames
	m.mu.Lock()
	if cap(m.buf) < n/4 {
		m.buf = make([]float32, n/4)
	}
	buf := m.buf[:n/4]
	m.mixLocked(buf)
	m.mu.Unlock()
	for i, s := range buf {
		binary.LittleEndian.PutUint32(p[i*4:], math.Float32bits(s))
	}
	return n, nil
}

// Mix overwrites dst (interleaved stereo) with the next frames of every
// playing voice, summed and clipped to [-1, 1].
func (m *Mixer) Mix(dst []float32) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mixLocked(dst[:len(dst)/Channels*Channels])
}

// Hold stops (true) or restarts (false) time for every voice: the output
// is silence and nothing advances, as when the simulator pauses the game.
func (m *Mixer) Hold(on bool) {
	m.mu.Lock()
	m.held = on
	m.mu.Unlock()
}

func (m *Mixer) mixLocked(dst []float32) {
	clear(dst)
	if m.held {
		return
	}
	for _, v := range m.voices {
		if v.playing {
			v.mixInto(dst)
		}
	}
	for i, s := range dst {
		if s > 1 {
			dst[i] = 1
		} else if s < -1 {
			dst[i] = -1
		}
	}
}

// Voice is one clip playing (or ready to) in a mixer. Its methods are
// safe for concurrent use with the mixer's reads.
type Voice struct {
	m       *Mixer
	clip    *Clip
	pos     float64 // in frames of the clip
	playing bool
	loop    bool
	volume  float32
	rate    float64
}

// mixInto adds the voice's next len(dst)/2 frames to dst, stepping rate
// frames of the clip per output frame with linear interpolation.
func (v *Voice) mixInto(dst []float32) {
	s := v.clip.samples
	frames := len(s) / Channels
	if frames == 0 {
		v.playing = false
		return
	}
	vol, pos, rate := v.volume, v.pos, v.rate
	for i := 0; i < len(dst); i += Channels {
		if pos >= float64(frames) {
			if !v.loop {
				v.playing = false
				pos = float64(frames)
				break
			}
			pos = math.Mod(pos, float64(frames))
		}
		j := int(pos)
		frac := float32(pos - float64(j))
		k := j + 1
		if k >= frames {
			k = j
			if v.loop {
				k = 0
			}
		}
		l0, r0, l1, r1 := s[2*j], s[2*j+1], s[2*k], s[2*k+1]
		dst[i] += (l0 + (l1-l0)*frac) * vol
		dst[i+1] += (r0 + (r1-r0)*frac) * vol
		pos += rate
	}
	v.pos = pos
}

// Play starts or resumes the voice where it is (from the start again if
// it had played to its end).
func (v *Voice) Play() {
	v.m.mu.Lock()
	defer v.m.mu.Unlock()
	if v.pos >= float64(v.clip.Frames()) {
		v.pos = 0
	}
	v.playing = true
}

// Pause holds the voice where it is.
func (v *Voice) Pause() { v.set(func() { v.playing = false }) }

// Stop pauses the voice and rewinds it.
func (v *Voice) Stop() { v.set(func() { v.playing, v.pos = false, 0 }) }

// Seek moves the voice to a time in seconds, clamped to the clip.
func (v *Voice) Seek(seconds float64) {
	v.set(func() {
		v.pos = math.Max(0, math.Min(seconds*SampleRate, float64(v.clip.Frames())))
		if math.IsNaN(v.pos) {
			v.pos = 0
		}
	})
}

// SetVolume sets the gain, clamped to [0, 1].
func (v *Voice) SetVolume(vol float64) {
	v.set(func() { v.volume = float32(clamp(vol, 0, 1, 1)) })
}

// SetLoop makes the voice wrap to its start at its end.
func (v *Voice) SetLoop(loop bool) { v.set(func() { v.loop = loop }) }

// SetRate sets the playback rate, clamped to [0.5, 2] (the platforms'
// range); it changes speed and pitch together.
func (v *Voice) SetRate(rate float64) {
	v.set(func() { v.rate = clamp(rate, 0.5, 2, 1) })
}

// Position is where the voice is, in seconds.
func (v *Voice) Position() float64 {
	v.m.mu.Lock()
	defer v.m.mu.Unlock()
	return v.pos / SampleRate
}

// Playing reports whether the voice is playing (it stops by itself at
// its end unless it loops).
func (v *Voice) Playing() bool {
	v.m.mu.Lock()
	defer v.m.mu.Unlock()
	return v.playing
}

// Release stops the voice and removes it from the mixer for good.
func (v *Voice) Release() {
	v.set(func() {
		v.playing = false
		vs := v.m.voices
		for i, w := range vs {
			if w == v {
				copy(vs[i:], vs[i+1:])
				vs[len(vs)-1] = nil // let the clip go
				v.m.voices = vs[:len(vs)-1]
				break
			}
		}
	})
}

func (v *Voice) set(f func()) {
	v.m.mu.Lock()
	defer v.m.mu.Unlock()
	f()
}

// clamp limits x to [lo, hi]; NaN becomes def.
func clamp(x, lo, hi, def float64) float64 {
	if math.IsNaN(x) {
		return def
	}
	return math.Max(lo, math.Min(hi, x))
}
