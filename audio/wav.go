package audio

import (
	"encoding/binary"
	"math"
)

// The WAVE format tags minisim decodes; WAVE_FORMAT_EXTENSIBLE carries
// one of the others in its sub-format GUID.
const (
	wavePCM        = 1
	waveFloat      = 3
	waveExtensible = 0xFFFE
)

// wavFormat is a "fmt " chunk.
type wavFormat struct {
	tag        int
	channels   int
	rate       int
	blockAlign int
	bits       int
}

// decodeWAV reads a RIFF WAVE file of 8-bit unsigned, 16/24/32-bit
// signed integer or 32/64-bit float PCM, mono or stereo.
func decodeWAV(data []byte) (*Clip, error) {
	le := binary.LittleEndian
	var fmtc *wavFormat
	var pcm []byte
	for at := 12; at+8 <= len(data); {
		id, size := string(data[at:at+4]), int(le.Uint32(data[at+4:at+8]))
		body := data[at+8:]
		if size > len(body) || size < 0 {
			size = len(body) // a truncated or streamed file: take what is there
		}
		body = body[:size]
		switch id {
		case "fmt ":
			f, err := parseWAVFormat(body)
			if err != nil {
				return nil, err
			}
			fmtc = f
		case "data":
			pcm = body
		}
		at += 8 + size + size&1 // chunks are padded to an even size
	}
	if fmtc == nil {
		return nil, formatErr("WAV", "no fmt chunk: the file is damaged")
	}
	if pcm == nil {
		return nil, formatErr("WAV", "no data chunk: the file is damaged")
	}
	read, err := sampleReader(fmtc)
	if err != nil {
		return nil, err
	}
	frames := len(pcm) / fmtc.blockAlign
	width := fmtc.bits / 8
	out := make([]float32, frames*fmtc.channels)
	for i := 0; i < frames; i++ {
		frame := pcm[i*fmtc.blockAlign:]
		for ch := 0; ch < fmtc.channels; ch++ {
			out[i*fmtc.channels+ch] = read(frame[ch*width:])
		}
	}
	return toClip(out, fmtc.channels, fmtc.rate), nil
}

func parseWAVFormat(b []byte) (*wavFormat, error) {
	le := binary.LittleEndian
	if len(b) < 16 {
		return nil, formatErr("WAV", "fmt chunk of %d bytes is too short: the file is damaged", len(b))
	}
	f := &wavFormat{
		tag: int(le.Uint16(b[0:])), channels: int(le.Uint16(b[2:])), rate: int(le.Uint32(b[4:])),
		blockAlign: int(le.Uint16(b[12:])), bits: int(le.Uint16(b[14:])),
	}
	if f.tag == waveExtensible {
		if len(b) < 26 {
			return nil, formatErr("WAV", "extensible fmt chunk of %d bytes is too short: the file is damaged", len(b))
		}
		f.tag = int(le.Uint16(b[24:])) // the sub-format GUID starts with the format tag
	}
	switch {
	case f.tag != wavePCM && f.tag != waveFloat:
		return nil, formatErr("WAV", "compressed WAV (format tag 0x%04x) is not supported; use PCM WAV, MP3 or OGG", f.tag)
	case f.channels != 1 && f.channels != 2:
		return nil, formatErr("WAV", "%d channels: minisim plays mono and stereo files", f.channels)
	case f.rate < 1000 || f.rate > 384000:
		return nil, formatErr("WAV", "sample rate %d Hz is out of range", f.rate)
	case f.bits%8 != 0 || f.bits == 0:
		return nil, formatErr("WAV", "%d bits per sample is not supported; use 8, 16, 24 or 32", f.bits)
	}
	if f.blockAlign < f.channels*f.bits/8 {
		f.blockAlign = f.channels * f.bits / 8 // some writers leave it wrong
	}
	return f, nil
}

// sampleReader reads one sample of the format as a float in [-1, 1].
func sampleReader(f *wavFormat) (func([]byte) float32, error) {
	le := binary.LittleEndian
	switch {
	case f.tag == wavePCM && f.bits == 8:
		return func(b []byte) float32 { return (float32(b[0]) - 128) / 128 }, nil
	case f.tag == wavePCM && f.bits == 16:
		return func(b []byte) float32 { return float32(int16(le.Uint16(b))) / (1 << 15) }, nil
	case f.tag == wavePCM && f.bits == 24:
		return func(b []byte) float32 {
			v := int32(uint32(b[0])<<8|uint32(b[1])<<16|uint32(b[2])<<24) >> 8
			return float32(v) / (1 << 23)
		}, nil
	case f.tag == wavePCM && f.bits == 32:
		return func(b []byte) float32 { return float32(float64(int32(le.Uint32(b))) / (1 << 31)) }, nil
	case f.tag == waveFloat && f.bits == 32:
		return func(b []byte) float32 { return finite(float64(math.Float32frombits(le.Uint32(b)))) }, nil
	case f.tag == waveFloat && f.bits == 64:
		return func(b []byte) float32 { return finite(math.Float64frombits(le.Uint64(b))) }, nil
	}
	return nil, formatErr("WAV", "%d-bit %s samples are not supported; use 8, 16, 24 or 32-bit PCM or 32-bit float",
		f.bits, map[bool]string{true: "float", false: "integer"}[f.tag == waveFloat])
}

// finite keeps a NaN or infinite float sample from poisoning the mix.
func finite(v float64) float32 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return float32(v)
}
