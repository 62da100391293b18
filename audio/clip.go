// Package audio decodes the sound files mini games play (WAV, MP3,
// OGG/Vorbis) into PCM and mixes many voices of them into one stereo
// stream, which goes to the sound device or, headless or without a
// device, nowhere. It knows nothing of JS: package jsapi drives it.
package audio

import "fmt"

// SampleRate is the rate of every decoded clip and of the mixer's output;
// Channels its channel count (interleaved left, right).
const (
	SampleRate = 44100
	Channels   = 2
)

// Clip is decoded sound: float32 stereo frames at SampleRate, read-only
// once made, so many voices (and goroutines) can share it.
type Clip struct {
	samples []float32 // interleaved L, R
}

// NewClip makes a clip of interleaved stereo samples at SampleRate.
func NewClip(stereo []float32) *Clip {
	return &Clip{samples: stereo[:len(stereo)/Channels*Channels]}
}

// Frames is the clip's length in frames.
func (c *Clip) Frames() int { return len(c.samples) / Channels }

// Seconds is the clip's length in seconds.
func (c *Clip) Seconds() float64 { return float64(c.Frames()) / SampleRate }

// Samples are the clip's interleaved stereo samples; callers must not
// change them.
func (c *Clip) Samples() []float32 { return c.samples }

// Bytes is roughly the memory the clip holds.
func (c *Clip) Bytes() int { return len(c.samples) * 4 }

// FormatError says why data could not be decoded: a format minisim does
// not decode, or a broken file of one it does.
type FormatError struct {
	Format string // "WAV", "MP3", "OGG", "AAC", ... or "" when unknown
	Msg    string
}

func (e *FormatError) Error() string {
	if e.Format == "" {
		return "audio: " + e.Msg
	}
	return fmt.Sprintf("audio: %s: %s", e.Format, e.Msg)
}

func formatErr(format, msg string, args ...any) error {
	return &FormatError{Format: format, Msg: fmt.Sprintf(msg, args...)}
}
