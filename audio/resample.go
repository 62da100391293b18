package audio

// toClip converts interleaved samples of 1 or 2 channels at rate into a
// clip: mono is copied to both sides, other rates are resampled to
// SampleRate by linear interpolation (plenty for a simulator's speakers).
// Samples already in the mixer's format are kept, not copied: callers
// hand over a slice of their own.
func toClip(samples []float32, channels, rate int) *Clip {
	if rate == SampleRate && channels == Channels {
		return NewClip(samples)
	}
	frames := len(samples) / channels
	if rate == SampleRate {
		out := make([]float32, frames*Channels)
		for i := 0; i < frames; i++ {
			l := samples[i*channels]
			r := l
			if channels == 2 {
				r = samples[i*channels+1]
			}
			out[2*i], out[2*i+1] = l, r
		}
		return NewClip(out)
	}
	n := int((int64(frames)*SampleRate + int64(rate)/2) / int64(rate))
	out := make([]float32, n*Channels)
	step := float64(rate) / SampleRate
	at := func(frame, ch int) float32 {
		if frame >= frames {
			frame = frames - 1
		}
		if channels == 1 {
			ch = 0
		}
		return samples[frame*channels+ch]
	}
	for i := 0; i < n; i++ {
		pos := float64(i) * step
		j := int(pos)
		frac := float32(pos - float64(j))
		for ch := 0; ch < Channels; ch++ {
			a, b := at(j, ch), at(j+1, ch)
			out[2*i+ch] = a + (b-a)*frac
		}
	}
	return NewClip(out)
}
