package simulator

import "time"

// frameClock is the time every domain sees. Under --headless it is
// virtual: it stands still during a frame and jumps by exactly one frame
// period between frames, so runs repeat to the bit. Otherwise it is the
// monotonic time since the run began.
type frameClock struct {
	virtual bool
	start   time.Time     // real start, for the real clock
	now     time.Duration // virtual time
}

// virtualEpoch is Date.now() at the start of a headless run: fixed, so a
// game that prints dates prints the same ones every run.
var virtualEpoch = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func newFrameClock(virtual bool) *frameClock {
	return &frameClock{virtual: virtual, start: time.Now()}
}

// Now is the time since the run started.
func (c *frameClock) Now() time.Duration {
	if c.virtual {
		return c.now
	}
	return time.Since(c.start)
}

// Wall is Date.now's clock.
func (c *frameClock) Wall() time.Time {
	if c.virtual {
		return virtualEpoch.Add(c.now)
	}
	return time.Now()
}

// advance moves virtual time by one frame period.
func (c *frameClock) advance(period time.Duration) {
	if c.virtual {
		c.now += period
	}
}

// pacer decides when the next frame starts in real time: at absolute
// deadlines one period apart, so sleeping error does not accumulate, with
// catch-up capped at one frame after a stall (no burst of frames).
type pacer struct {
	next time.Time
}

// wait returns how long to wait before the next frame may start at
// period, given the current time, and moves the deadline on.
func (p *pacer) due(now time.Time, period time.Duration) time.Time {
	if p.next.IsZero() {
		p.next = now
	}
	if now.Sub(p.next) > period {
		p.next = now // fell more than a frame behind: don't replay the backlog
	}
	due := p.next
	p.next = p.next.Add(period)
	return due
}
