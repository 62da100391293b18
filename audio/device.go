package audio

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"
)

// Open makes a mixer. silent (headless runs) opens no device. Otherwise
// the sound device opens in the background, since it can take seconds to
// answer and the game must not wait: until it does the mixer is silent,
// and the voices playing then are heard from where they stand once it
// answers. Where there is no device (CI, a server) the run stays silent
// and warn gets one line, from the opening goroutine. The events the game
// sees keep their timing either way, since they follow the game's clock,
// not the device. Open never blocks or panics.
func Open(silent bool, warn func(string)) *Mixer {
	m := NewMixer()
	if !silent {
		m.opened = make(chan struct{})
		go m.attach(warn)
	}
	return m
}

// attach opens the device and plays the mixer through it.
func (m *Mixer) attach(warn func(string)) {
	defer close(m.opened)
	out, err := openDevice(m)
	if err != nil {
		if warn != nil {
			warn(fmt.Sprintf("no sound device (%v): the run is silent; audio events keep their timing", err))
		}
		return
	}
	m.mu.Lock()
	closed := m.closed
	if !closed {
		m.out = out
	}
	m.mu.Unlock()
	if closed { // the mixer closed while the device opened
		out.Close()
	}
}

// openDevice starts playing r on the sound device (a variable so tests
// can stand in for a machine with or without one).
var openDevice = func(r io.Reader) (io.Closer, error) {
	ctx, err := otoContext()
	if err != nil {
		return nil, err
	}
	p := ctx.NewPlayer(r)
	p.SetBufferSize(2048 * Channels * 4) // ~46 ms: sound effects must not lag the picture
	p.Play()
	return player{p}, nil
}

// deviceWait bounds how long opening the device may take.
const deviceWait = 3 * time.Second

// The oto context is made once per process (oto supports no second one)
// and shared by every mixer that plays.
var device struct {
	once sync.Once
	ctx  *oto.Context
	err  error
}

func otoContext() (*oto.Context, error) {
	device.once.Do(func() {
		device.err = func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("opening the device failed: %v", r)
				}
			}()
			ctx, ready, err := oto.NewContext(&oto.NewContextOptions{
				SampleRate: SampleRate, ChannelCount: Channels, Format: oto.FormatFloat32LE,
			})
			if err != nil {
				return err
			}
			select {
			case <-ready:
			case <-time.After(deviceWait):
				return errors.New("the sound device did not answer within " + deviceWait.String())
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			device.ctx = ctx
			return nil
		}()
	})
	return device.ctx, device.err
}

// player stops an oto player on Close (oto's own Close does nothing).
type player struct{ p *oto.Player }

func (p player) Close() error {
	p.p.Pause()
	return nil
}
