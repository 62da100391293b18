package simulator

import "github.com/minisim/minisim/audio"

// Audio is the mixer the game's sounds play through, opened when the
// first sound loads: silent under --headless, and silent with one
// warning where there is no sound device. It outlives hot reloads (each
// domain's sounds stop when its API closes).
func (s *Simulator) Audio() *audio.Mixer {
	if s.mixer == nil {
		s.mixer = audio.Open(s.cfg.Headless, func(msg string) { s.warnf("%s", msg) })
		s.mixer.Hold(s.paused) // a sound loaded by a step (N) while paused
	}
	return s.mixer
}

// closeAudio stops the sound device at exit.
func (s *Simulator) closeAudio() {
	if s.mixer != nil {
		s.mixer.Close()
		s.mixer = nil
	}
}
