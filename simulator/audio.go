package simulator

import "github.com/minisim/minisim/audio"

// Audio is the mixer the game's sounds play through, made when the first
// sound loads: silent under --headless, and silent with one warning where
// there is no sound device. The device opens in the background, so its
// warning waits in audioWarning for the loop to print it. The mixer
// outlives hot reloads (each domain's sounds stop when its API closes).
func (s *Simulator) Audio() *audio.Mixer {
	if s.mixer == nil {
		warnings := make(chan string, 1) // Open warns once at most
		s.audioWarning = warnings
		s.mixer = audio.Open(s.cfg.Headless, func(msg string) { warnings <- msg })
		s.mixer.Hold(s.paused) // a sound loaded by a step (N) while paused
	}
	return s.mixer
}

// reportAudio prints the sound device's warning once it has come (on the
// loop: Stderr is not for other goroutines).
func (s *Simulator) reportAudio() {
	select {
	case msg := <-s.audioWarning:
		s.warnf("%s", msg)
	default:
	}
}

// closeAudio stops the sound device at exit.
func (s *Simulator) closeAudio() {
	if s.mixer != nil {
		s.mixer.Close()
		s.mixer = nil
	}
	s.reportAudio()
}
