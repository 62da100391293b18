package audio

import (
	"bytes"
	"encoding/binary"
	"io"

	"github.com/hajimehoshi/go-mp3"
)

// decodeMP3 decodes MPEG layer III with go-mp3 (always 16-bit stereo
// out), then trims what the encoder added when the file says how much
// (LAME's gapless tag), as phones' players do, so durations match theirs.
func decodeMP3(data []byte) (*Clip, error) {
	dec, err := mp3.NewDecoder(bytes.NewReader(data))
	if err != nil {
		return nil, formatErr("MP3", "%v", err)
	}
	pcm, err := io.ReadAll(dec)
	if err != nil && len(pcm) == 0 {
		return nil, formatErr("MP3", "%v", err)
	}
	frames := len(pcm) / 4
	start, end := 0, frames
	if g, ok := readGapless(data); ok {
		start = g.tagFrameSamples + g.delay + mp3DecoderDelay
		end = g.tagFrameSamples + mp3DecoderDelay + g.frames*g.samplesPerFrame - g.padding
		start, end = min(start, frames), min(max(end, start), frames)
	}
	out := make([]float32, (end-start)*2)
	for i := range out {
		out[i] = float32(int16(binary.LittleEndian.Uint16(pcm[(start*2+i)*2:]))) / (1 << 15)
	}
	return toClip(out, 2, dec.SampleRate()), nil
}

// mp3DecoderDelay is the delay of the MPEG layer III synthesis filter,
// which the LAME tag's encoder delay does not include.
const mp3DecoderDelay = 529

// gapless is what a Xing/Info + LAME tag frame says about the stream.
type gapless struct {
	frames          int // audio frames after the tag frame
	samplesPerFrame int
	tagFrameSamples int // the tag frame decodes to this much silence
	delay, padding  int // samples the encoder added at each end
}

// readGapless reads the LAME tag in the first frame, if there is one.
func readGapless(data []byte) (gapless, bool) {
	data = skipID3(data)
	for len(data) >= 4 && !(data[0] == 0xFF && data[1]&0xE0 == 0xE0) { // padding before the first frame
		data = data[1:]
	}
	if len(data) < 4 {
		return gapless{}, false
	}
	mpeg1 := data[1]&0x18 == 0x18
	mono := data[3]>>6 == 3
	side := map[[2]bool]int{{true, false}: 32, {true, true}: 17, {false, false}: 17, {false, true}: 9}[[2]bool{mpeg1, mono}]
	g := gapless{samplesPerFrame: 1152}
	if !mpeg1 {
		g.samplesPerFrame = 576
	}
	at := 4 + side
	if data[1]&1 == 0 { // protected by a CRC
		at += 2
	}
	if len(data) < at+8 || (string(data[at:at+4]) != "Xing" && string(data[at:at+4]) != "Info") {
		return gapless{}, false
	}
	flags := binary.BigEndian.Uint32(data[at+4:])
	at += 8
	if flags&1 == 0 || len(data) < at+4 {
		return gapless{}, false // no frame count: nothing to trim by
	}
	g.frames = int(binary.BigEndian.Uint32(data[at:]))
	at += 4
	for _, f := range []struct {
		bit  uint32
		size int
	}{{2, 4}, {4, 100}, {8, 4}} { // byte count, TOC, quality
		if flags&f.bit != 0 {
			at += f.size
		}
	}
	// The LAME extension: encoder version (9), revision (1), lowpass (1),
	// replay gain (8), flags (1), bitrate (1), then 12 bits of delay and 12
	// of padding.
	if len(data) < at+24 || !map[string]bool{"LAME": true, "Lavf": true, "Lavc": true}[string(data[at:at+4])] {
		return gapless{}, false
	}
	dp := data[at+21:]
	g.delay = int(dp[0])<<4 | int(dp[1])>>4
	g.padding = int(dp[1]&0x0F)<<8 | int(dp[2])
	g.tagFrameSamples = g.samplesPerFrame
	return g, true
}
