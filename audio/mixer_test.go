package audio

import (
	"encoding/binary"
	"math"
	"testing"
)

// constClip is a clip of frames frames, every sample v.
func constClip(frames int, v float32) *Clip {
	s := make([]float32, frames*Channels)
	for i := range s {
		s[i] = v
	}
	return NewClip(s)
}

// rampClip's frame i is i/rampScale on both sides (under 1, so the mix
// does not clip it), so positions can be read back with frameAt.
func rampClip(frames int) *Clip {
	s := make([]float32, frames*Channels)
	for i := 0; i < frames; i++ {
		s[2*i], s[2*i+1] = float32(i)/rampScale, float32(i)/rampScale
	}
	return NewClip(s)
}

const rampScale = 1e6

// frameAt reads back the ramp position the left sample of frame i holds.
func frameAt(mixed []float32, i int) float64 { return float64(mixed[2*i]) * rampScale }

func nearFrame(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func mix(m *Mixer, frames int) []float32 {
	out := make([]float32, frames*Channels)
	m.Mix(out)
	return out
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 1e-5 }

func TestTwoVoicesSum(t *testing.T) {
	m := NewMixer()
	a, b := m.NewVoice(constClip(100, 0.25)), m.NewVoice(constClip(100, 0.5))
	if got := mix(m, 4); !near(got[0], 0) {
		t.Fatalf("paused voices sound: %v", got[0])
	}
	a.Play()
	b.Play()
	for i, s := range mix(m, 10) {
		if !near(s, 0.75) {
			t.Fatalf("sample %d = %v, want 0.75", i, s)
		}
	}
}

func TestVolumeScalesAndTheSumClips(t *testing.T) {
	m := NewMixer()
	v := m.NewVoice(constClip(100, 0.8))
	v.SetVolume(0.5)
	v.Play()
	if got := mix(m, 2); !near(got[0], 0.4) || !near(got[1], 0.4) {
		t.Fatalf("volume 0.5 of 0.8 gave %v", got[:2])
	}
	v.SetVolume(7) // clamped to 1
	w := m.NewVoice(constClip(100, 0.8))
	w.Play()
	if got := mix(m, 2); !near(got[0], 1) {
		t.Fatalf("0.8 + 0.8 gave %v, want clipped to 1", got[0])
	}
	v.SetVolume(math.NaN())
	if got := mix(m, 2); !near(got[0], 1) {
		t.Fatalf("NaN volume gave %v", got[0])
	}
}

func TestLoopWrapsAndOneShotStops(t *testing.T) {
	m := NewMixer()
	once := m.NewVoice(rampClip(10))
	once.Play()
	got := mix(m, 25)
	if !nearFrame(frameAt(got, 9), 9) || got[2*10] != 0 || got[2*24] != 0 {
		t.Fatalf("one-shot: frame 9 %v, 10 %v, 24 %v", frameAt(got, 9), frameAt(got, 10), frameAt(got, 24))
	}
	if once.Playing() || once.Position() != 10.0/SampleRate {
		t.Fatalf("after its end: playing %v at %v", once.Playing(), once.Position())
	}
	once.Release()

	loop := m.NewVoice(rampClip(10))
	loop.SetLoop(true)
	loop.Play()
	got = mix(m, 25)
	for i := 0; i < 25; i++ {
		if !nearFrame(frameAt(got, i), float64(i%10)) {
			t.Fatalf("looping: frame %d = %v, want %d", i, frameAt(got, i), i%10)
		}
	}
	if !loop.Playing() {
		t.Fatal("a looping voice stopped")
	}
}

func TestRateChangesTheLength(t *testing.T) {
	for _, c := range []struct {
		rate   float64
		frames int // output frames until the 100-frame clip ends
	}{{1, 100}, {2, 50}, {0.5, 200}, {4, 50} /* clamped to 2 */} {
		m := NewMixer()
		v := m.NewVoice(constClip(100, 0.5))
		v.SetRate(c.rate)
		v.Play()
		got := mix(m, 300)
		n := 0
		for n < 300 && got[2*n] != 0 {
			n++
		}
		if n != c.frames {
			t.Errorf("rate %v: played %d frames, want %d", c.rate, n, c.frames)
		}
	}
}

func TestHalfRateInterpolates(t *testing.T) {
	m := NewMixer()
	v := m.NewVoice(rampClip(10))
	v.SetRate(0.5)
	v.Play()
	got := mix(m, 4)
	for i, want := range []float64{0, 0.5, 1, 1.5} {
		if !nearFrame(frameAt(got, i), want) {
			t.Fatalf("frame %d = %v, want %v", i, frameAt(got, i), want)
		}
	}
}

func TestPauseSeekStopAndRelease(t *testing.T) {
	m := NewMixer()
	v := m.NewVoice(rampClip(SampleRate))
	v.Play()
	mix(m, 100)
	v.Pause()
	if got := mix(m, 10); !near(got[0], 0) || !near(float32(v.Position()*SampleRate), 100) {
		t.Fatalf("paused: sample %v at %v", got[0], v.Position()*SampleRate)
	}
	v.Seek(0.5)
	v.Play()
	if got := mix(m, 1); !nearFrame(frameAt(got, 0), SampleRate/2) {
		t.Fatalf("after Seek(0.5): %v", frameAt(got, 0))
	}
	v.Seek(99) // clamped to the end
	if v.Position() != 1 {
		t.Fatalf("Seek past the end: %v", v.Position())
	}
	v.Stop()
	if v.Playing() || v.Position() != 0 {
		t.Fatalf("stopped: playing %v at %v", v.Playing(), v.Position())
	}
	v.Play()
	v.Release()
	if m.Voices() != 0 || v.Playing() {
		t.Fatalf("released: %d voices, playing %v", m.Voices(), v.Playing())
	}
	if got := mix(m, 1); got[0] != 0 {
		t.Fatalf("a released voice sounds: %v", got[0])
	}
}

func TestPlayAfterTheEndStartsOver(t *testing.T) {
	m := NewMixer()
	v := m.NewVoice(rampClip(4))
	v.Play()
	mix(m, 10)
	v.Play()
	if got := mix(m, 2); got[0] != 0 || !nearFrame(frameAt(got, 1), 1) || !v.Playing() {
		t.Fatalf("replay: %v, %v, playing %v", frameAt(got, 0), frameAt(got, 1), v.Playing())
	}
}

func TestReadGivesFloat32LittleEndianFrames(t *testing.T) {
	m := NewMixer()
	m.NewVoice(constClip(10, 0.25)).Play()
	p := make([]byte, 8*3+5) // three frames and a partial one
	n, err := m.Read(p)
	if err != nil || n != 24 {
		t.Fatalf("Read = %d, %v; want 24 bytes", n, err)
	}
	for i := 0; i < 6; i++ {
		if got := math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:])); got != 0.25 {
			t.Fatalf("sample %d = %v", i, got)
		}
	}
}

func BenchmarkMix32Voices(b *testing.B) {
	m := NewMixer()
	for i := 0; i < 32; i++ {
		v := m.NewVoice(constClip(SampleRate, 0.01))
		v.SetLoop(true)
		v.SetRate(0.5 + float64(i)/31*1.5)
		v.Play()
	}
	out := make([]float32, 1024*Channels)
	b.SetBytes(int64(len(out) * 4))
	for b.Loop() {
		m.Mix(out)
	}
}

func TestHoldSilencesWithoutAdvancing(t *testing.T) {
	m := NewMixer()
	v := m.NewVoice(rampClip(100))
	v.Play()
	mix(m, 10)
	m.Hold(true)
	if got := mix(m, 10); !near(got[0], 0) || !near(got[19], 0) {
		t.Fatalf("a held mixer sounds: %v", got[:4])
	}
	m.Hold(false)
	if got := frameAt(mix(m, 1), 0); !nearFrame(got, 10) {
		t.Errorf("after the hold the voice is at frame %v, want 10", got)
	}
}
