package audio

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
)

// withDevice stands in for the sound device during a test.
func withDevice(t *testing.T, open func(io.Reader) (io.Closer, error)) {
	saved := openDevice
	openDevice = open
	t.Cleanup(func() { openDevice = saved })
}

type closer struct{ closed int }

func (c *closer) Close() error { c.closed++; return nil }

func TestSilentOpensNoDevice(t *testing.T) {
	withDevice(t, func(io.Reader) (io.Closer, error) {
		t.Fatal("a silent mixer opened the device")
		return nil, nil
	})
	var warned []string
	m := Open(true, func(s string) { warned = append(warned, s) })
	if !m.Silent() || len(warned) != 0 {
		t.Fatalf("silent %v, warnings %q", m.Silent(), warned)
	}
}

func TestNoDeviceFallsBackToSilenceWithOneWarning(t *testing.T) {
	withDevice(t, func(io.Reader) (io.Closer, error) {
		return nil, errors.New(`oto: ALSA error at snd_pcm_open: "default": No such file or directory`)
	})
	var warned []string
	m := Open(false, func(s string) { warned = append(warned, s) })
	<-m.opened
	if !m.Silent() {
		t.Fatal("no device, yet not silent")
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "the run is silent") ||
		!strings.Contains(warned[0], "keep their timing") || !strings.Contains(warned[0], "snd_pcm_open") {
		t.Fatalf("warnings: %q", warned)
	}
	v := m.NewVoice(constClip(10, 0.5)) // voices still work, unheard
	v.Play()
	if got := mix(m, 1); got[0] != 0.5 {
		t.Fatalf("mixing without a device: %v", got[0])
	}
	<-Open(false, nil).opened // a nil warn is fine
}

func TestADeviceReadsTheMixerUntilClosed(t *testing.T) {
	c := &closer{}
	var reader io.Reader
	withDevice(t, func(r io.Reader) (io.Closer, error) { reader = r; return c, nil })
	m := Open(false, func(s string) { t.Errorf("unexpected warning %q", s) })
	<-m.opened
	if m.Silent() || reader != io.Reader(m) {
		t.Fatalf("silent %v; the device reads %T", m.Silent(), reader)
	}
	if err := m.Close(); err != nil || c.closed != 1 || !m.Silent() {
		t.Fatalf("Close: %v, closed %d times, silent %v", err, c.closed, m.Silent())
	}
	m.Close()
	if c.closed != 1 {
		t.Fatal("closed twice")
	}
}

// A device slow to answer holds up neither Open nor the voices: they
// play silently meanwhile and are heard from where they stand once it
// answers.
func TestOpenDoesNotWaitForTheDevice(t *testing.T) {
	answer := make(chan struct{})
	var reader io.Reader
	withDevice(t, func(r io.Reader) (io.Closer, error) {
		<-answer
		reader = r
		return &closer{}, nil
	})
	m := Open(false, func(s string) { t.Errorf("unexpected warning %q", s) })
	if !m.Silent() {
		t.Fatal("not silent before the device answered")
	}
	v := m.NewVoice(constClip(10, 0.5))
	v.Play()
	close(answer)
	<-m.opened
	if m.Silent() || reader != io.Reader(m) {
		t.Fatalf("after the device answered: silent %v; the device reads %T", m.Silent(), reader)
	}
	frame := make([]byte, 8)
	reader.Read(frame)
	if got := math.Float32frombits(binary.LittleEndian.Uint32(frame)); got != 0.5 || v.Position() != 1.0/SampleRate {
		t.Fatalf("the voice played before the device answered: heard %v, now at %v s", got, v.Position())
	}
	m.Close()
}

func TestAMixerClosedWhileTheDeviceOpensClosesIt(t *testing.T) {
	answer, c := make(chan struct{}), &closer{}
	withDevice(t, func(io.Reader) (io.Closer, error) { <-answer; return c, nil })
	m := Open(false, nil)
	m.Close()
	close(answer)
	<-m.opened
	if c.closed != 1 || !m.Silent() {
		t.Fatalf("closed %d times, silent %v", c.closed, m.Silent())
	}
}
