package simulator

import (
	"image"

	"github.com/minisim/minisim/domains"
)

// The methods below let a tool or test drive a game frame by frame instead
// of through Run (the conformance suite renders scenes this way). Like
// Run, they must be called on the main OS thread.

// Open starts a game: window (hidden under --headless), GL, the main
// domain with game.js run. Nothing else happens until Step.
func Open(cfg Config) (*Simulator, error) { return open(cfg) }

// Step runs n frames, as Run would, unless the game exits first.
func (s *Simulator) Step(n int) {
	for i := 0; i < n && !s.exit; i++ {
		s.waitForFrame()
		s.runFrame()
	}
}

// ScreenCanvasPixels returns the on-screen canvas at its own size,
// premultiplied, top row first; false when the game has not created it.
func (s *Simulator) ScreenCanvasPixels() (*image.RGBA, bool) {
	c := s.api.ScreenCanvas()
	if c == nil {
		return nil, false
	}
	return c.ReadPixels(), true
}

// UncaughtErrors counts the main domain's uncaught errors so far.
func (s *Simulator) UncaughtErrors() int {
	n := s.retired
	s.eachLoop(func(d *domains.Domain) { n += d.UncaughtErrors() })
	return n
}

// Close frees the window, GL and the domains.
func (s *Simulator) Close() { s.close() }
