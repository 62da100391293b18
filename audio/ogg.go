package audio

import (
	"bytes"

	"github.com/jfreymuth/oggvorbis"
)

// decodeOGG decodes Ogg Vorbis with oggvorbis.
func decodeOGG(data []byte) (*Clip, error) {
	samples, f, err := oggvorbis.ReadAll(bytes.NewReader(data))
	if f == nil || err != nil && len(samples) == 0 {
		return nil, formatErr("OGG", "%v", err)
	}
	if f.Channels != 1 && f.Channels != 2 {
		return nil, formatErr("OGG", "%d channels: minisim plays mono and stereo files", f.Channels)
	}
	if f.SampleRate < 1000 || f.SampleRate > 384000 {
		return nil, formatErr("OGG", "sample rate %d Hz is out of range", f.SampleRate)
	}
	return toClip(samples, f.Channels, f.SampleRate), nil
}
