package simulator

import (
	"testing"
	"time"
)

func TestPacerKeepsAbsoluteDeadlines(t *testing.T) {
	var p pacer
	t0 := time.Unix(100, 0)
	period := time.Second / 60
	if got := p.due(t0, period); !got.Equal(t0) {
		t.Fatalf("first frame due %v", got)
	}
	// Late wake-ups do not push later frames back...
	if got := p.due(t0.Add(3*time.Millisecond), period); !got.Equal(t0.Add(period)) {
		t.Errorf("second frame due %v, want one period after the first", got.Sub(t0))
	}
	// ...but after a stall of several frames the schedule restarts from now
	// instead of running the missed frames back to back.
	late := t0.Add(500 * time.Millisecond)
	if got := p.due(late, period); !got.Equal(late) {
		t.Errorf("after a stall due %v, want now", got.Sub(t0))
	}
	if got := p.due(late, period); !got.Equal(late.Add(period)) {
		t.Errorf("next after a stall due %v", got.Sub(late))
	}
}

func TestPacerDetectsVsync(t *testing.T) {
	period := time.Second / 60
	var blocking, instant pacer
	for i := 0; i < 20; i++ {
		blocking.swapped(12 * time.Millisecond)
		instant.swapped(200 * time.Microsecond)
	}
	if !blocking.vsyncPaces(period, 60) {
		t.Error("swaps blocking 12 ms at 60 Hz should pace the loop")
	}
	if instant.vsyncPaces(period, 60) {
		t.Error("swaps that return at once (Xvfb) must not be trusted to pace")
	}
	if blocking.vsyncPaces(time.Second/30, 60) {
		t.Error("a 30 fps game on a 60 Hz display needs the sleep too")
	}
}

func TestVirtualClockAdvancesByWholeFrames(t *testing.T) {
	c := newFrameClock(true)
	for i := 0; i < 3; i++ {
		c.advance(time.Second / 60)
	}
	if c.Now() != 3*(time.Second/60) || !c.Wall().Equal(virtualEpoch.Add(c.Now())) {
		t.Errorf("Now %v Wall %v", c.Now(), c.Wall())
	}
}
