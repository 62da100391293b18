package audio

import (
	"bytes"
	"fmt"
)

// Decode turns a sound file into a clip, telling the format by its first
// bytes (game files are often misnamed). It is slow for long files: run
// it off the JS loop. A Go panic in a decoder (odd input) becomes an error.
func Decode(data []byte) (clip *Clip, err error) {
	defer func() {
		if r := recover(); r != nil {
			clip, err = nil, &FormatError{Msg: fmt.Sprintf("the decoder failed on this file (%v)", r)}
		}
	}()
	switch f := Sniff(data); f {
	case "WAV":
		return decodeWAV(data)
	case "MP3":
		return decodeMP3(data)
	case "OGG":
		return decodeOGG(data)
	case "AAC":
		return nil, formatErr("AAC", "AAC is not supported by minisim's decoders; use MP3, OGG or WAV")
	case "":
		return nil, formatErr("", "not a WAV, MP3 or OGG file (it starts % x); minisim decodes MP3, OGG/Vorbis and WAV", head(data, 8))
	default:
		return nil, formatErr(f, "%s is not supported by minisim's decoders; use MP3, OGG or WAV", f)
	}
}

// Sniff names the format of a sound file from its first bytes: "WAV",
// "MP3", "OGG" (Vorbis), "AAC" (ADTS or an MP4/M4A container), another
// name for formats recognized but not decoded, or "" when unknown.
func Sniff(data []byte) string {
	tagged := len(data) >= 3 && string(data[:3]) == "ID3"
	data = skipID3(data)
	switch {
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WAVE":
		return "WAV"
	case len(data) >= 4 && (string(data[:4]) == "RF64" || string(data[:4]) == "RIFX"):
		return "WAV (" + string(data[:4]) + ")"
	case len(data) >= 4 && string(data[:4]) == "OggS":
		switch {
		case bytes.Contains(head(data, 128), []byte("\x01vorbis")):
			return "OGG"
		case bytes.Contains(head(data, 128), []byte("OpusHead")):
			return "Ogg Opus"
		}
		return "Ogg (not Vorbis)"
	case len(data) >= 8 && string(data[4:8]) == "ftyp":
		return "AAC" // MP4/M4A: AAC in practice
	case len(data) >= 4 && string(data[:4]) == "ADIF":
		return "AAC"
	case len(data) >= 4 && string(data[:4]) == "fLaC":
		return "FLAC"
	case len(data) >= 2 && data[0] == 0xFF && data[1]&0xE0 == 0xE0:
		switch (data[1] >> 1) & 3 { // MPEG layer bits
		case 0:
			return "AAC" // ADTS shares MPEG audio's sync word, with layer 0
		case 1:
			return "MP3"
		default:
			return "MPEG layer I/II"
		}
	case tagged:
		return "MP3" // an ID3 tag, then padding before the first frame
	}
	return ""
}

// skipID3 skips an ID3v2 tag, which may precede MP3 (or ADTS) frames.
func skipID3(data []byte) []byte {
	if len(data) < 10 || string(data[:3]) != "ID3" {
		return data
	}
	size := int(data[6]&0x7F)<<21 | int(data[7]&0x7F)<<14 | int(data[8]&0x7F)<<7 | int(data[9]&0x7F)
	size += 10
	if data[5]&0x10 != 0 { // footer present
		size += 10
	}
	if size > len(data) {
		return nil
	}
	return data[size:]
}

func head(data []byte, n int) []byte {
	if len(data) < n {
		return data
	}
	return data[:n]
}
