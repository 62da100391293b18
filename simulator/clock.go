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
//
// Where vsync works and the display refreshes at the frame rate, the swap
// itself paces the loop and the pacer only watches: sleeping as well would
// beat against the vertical blank and drop frames. Vsync is judged from
// how long swaps block, since drivers may ignore the swap interval (Xvfb,
// hidden or covered windows) and never say so.
type pacer struct {
	next time.Time
	// swapAvg is a running average of how long SwapBuffers blocked.
	swapAvg time.Duration
	swaps   int
}

// due returns when the next frame may start at the given period, and
// moves the deadline on.
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

// swapped records how long one SwapBuffers blocked.
func (p *pacer) swapped(d time.Duration) {
	p.swaps++
	n := min(p.swaps, 30)
	p.swapAvg += (d - p.swapAvg) / time.Duration(n)
}

// vsyncPaces reports whether swaps block long enough to pace frames of
// this period: over the last frames they waited at least a quarter of it
// on average, and the display's refresh matches the period.
func (p *pacer) vsyncPaces(period time.Duration, refreshHz int) bool {
	if p.swaps < 10 || refreshHz <= 0 {
		return false
	}
	refresh := time.Second / time.Duration(refreshHz)
	diff := refresh - period
	if diff < 0 {
		diff = -diff
	}
	return p.swapAvg > period/4 && diff < period/20
}
