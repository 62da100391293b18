package audio

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The fixtures are 440 Hz sines at half scale, made once with sox, lame
// and oggenc (tests do not need the tools).
var fixtures = []struct {
	file    string
	format  string
	seconds float64
	mono    bool
}{
	{"pcm8_mono_22050.wav", "WAV", 0.1, true},
	{"pcm16_stereo_44100.wav", "WAV", 0.1, false},
	{"pcm24_stereo_48000.wav", "WAV", 0.1, false},
	{"pcm32_mono_16000.wav", "WAV", 0.1, true},
	{"float32_stereo_44100.wav", "WAV", 0.1, false},
	{"tone_mono_44100.mp3", "MP3", 0.5, true},
	{"tone_stereo_44100.ogg", "OGG", 0.1, false},
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDecodeFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.file, func(t *testing.T) {
			data := readFixture(t, f.file)
			if got := Sniff(data); got != f.format {
				t.Errorf("Sniff = %q, want %q", got, f.format)
			}
			clip, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			want := f.seconds * SampleRate
			if d := math.Abs(float64(clip.Frames()) - want); d > 1 {
				t.Errorf("%d frames, want %.0f (within one frame)", clip.Frames(), want)
			}
			var peak float64
			s := clip.Samples()
			for i := 0; i < len(s); i += 2 {
				peak = math.Max(peak, math.Abs(float64(s[i])))
				if f.mono && s[i] != s[i+1] {
					t.Fatalf("mono source: frame %d differs between channels (%v, %v)", i/2, s[i], s[i+1])
				}
			}
			// The lossy codecs may overshoot a little.
			if peak < 0.45 || peak > 0.56 {
				t.Errorf("peak %.3f, want about 0.5", peak)
			}
		})
	}
}

func TestMP3GaplessTrimStartsOnTheSignal(t *testing.T) {
	clip, err := Decode(readFixture(t, "tone_mono_44100.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	// The sine starts at phase 0: after trimming the encoder's delay the
	// first samples are near zero and the signal is there within a period.
	s := clip.Samples()
	if math.Abs(float64(s[0])) > 0.1 {
		t.Errorf("first sample %.3f: the encoder delay was not trimmed right", s[0])
	}
	var peak float64
	for i := 0; i < 2*100; i += 2 { // one 440 Hz period is ~100 frames
		peak = math.Max(peak, math.Abs(float64(s[i])))
	}
	if peak < 0.3 {
		t.Errorf("peak %.3f in the first period: leading silence left in", peak)
	}
}

// id3Tag is an ID3v2.3 tag with a title and some padding, as taggers
// write it before the first frame.
func id3Tag(title string) []byte {
	frame := append([]byte("TIT2\x00\x00\x00\x00\x00\x00\x00"), title...)
	frame[7] = byte(len(title) + 1) // the size counts the encoding byte
	body := append(frame, make([]byte, 100)...)
	n := len(body) // a syncsafe size: 7 bits a byte
	return append([]byte{'I', 'D', '3', 3, 0, 0, byte(n >> 21 & 0x7F), byte(n >> 14 & 0x7F), byte(n >> 7 & 0x7F), byte(n & 0x7F)}, body...)
}

func TestAnMP3WithAnID3TagDecodesAsWithout(t *testing.T) {
	plain := readFixture(t, "tone_mono_44100.mp3")
	tagged := append(id3Tag("Tone"), plain...)
	if got := Sniff(tagged); got != "MP3" {
		t.Fatalf("Sniff = %q", got)
	}
	want, err := Decode(plain)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(tagged)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Samples(), want.Samples()) {
		t.Errorf("tagged: %d frames, untagged %d, or other samples", got.Frames(), want.Frames())
	}
}

func TestUnsupportedFormatsSayWhatToUse(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"ADTS AAC", []byte{0xFF, 0xF1, 0x50, 0x80, 0x01, 0x7F, 0xFC, 0, 0, 0}, "AAC is not supported by minisim's decoders; use MP3, OGG or WAV"},
		{"M4A", append([]byte{0, 0, 0, 0x20}, []byte("ftypM4A \x00\x00\x00\x00M4A mp42isom")...), "AAC is not supported by minisim's decoders; use MP3, OGG or WAV"},
		{"FLAC", []byte("fLaC\x00\x00\x00\x22"), "FLAC is not supported"},
		{"Opus", append([]byte("OggS\x00\x02"), append(make([]byte, 22), []byte("OpusHead")...)...), "Ogg Opus is not supported"},
		{"text", []byte("<html>404</html>"), "not a WAV, MP3 or OGG file"},
		{"empty", nil, "not a WAV, MP3 or OGG file"},
		{"ADPCM WAV", wavHeader(0x11, 1, 4), "compressed WAV (format tag 0x0011)"},
		{"5.1 WAV", wavHeader(1, 6, 16), "6 channels"},
		{"12-bit WAV", wavHeader(1, 1, 12), "12 bits per sample"},
		{"no data", wavHeader(1, 1, 16)[:36], "no data chunk"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clip, err := Decode(c.data)
			var fe *FormatError
			if !errors.As(err, &fe) || clip != nil {
				t.Fatalf("got %v, %v; want a FormatError", clip, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

// wavHeader is a RIFF WAVE header with an empty data chunk.
func wavHeader(tag, channels, bits int) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00")
	le16 := func(v int) []byte { return []byte{byte(v), byte(v >> 8)} }
	le32 := func(v int) []byte { return []byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)} }
	b = append(b, le16(tag)...)
	b = append(b, le16(channels)...)
	b = append(b, le32(44100)...)
	b = append(b, le32(44100*channels*bits/8)...)
	b = append(b, le16(channels*bits/8)...)
	b = append(b, le16(bits)...)
	return append(b, []byte("data\x00\x00\x00\x00")...)
}

func TestTruncatedFilesFailOrDecodeButNeverPanic(t *testing.T) {
	for _, f := range fixtures {
		data := readFixture(t, f.file)
		for _, n := range []int{0, 3, 11, 12, 20, 44, 45, 100, 417, len(data) / 2, len(data) - 1} {
			if n > len(data) {
				continue
			}
			clip, err := Decode(data[:n])
			if (clip == nil) == (err == nil) {
				t.Errorf("%s[:%d]: clip %v, err %v: want exactly one", f.file, n, clip != nil, err)
			}
		}
	}
}

func TestResampleKeepsDurationAndShape(t *testing.T) {
	// A 1 s ramp at 8 kHz becomes 1 s at 44.1 kHz, still a ramp.
	in := make([]float32, 8000)
	for i := range in {
		in[i] = float32(i) / 8000
	}
	c := toClip(in, 1, 8000)
	if c.Frames() != SampleRate {
		t.Fatalf("%d frames, want %d", c.Frames(), SampleRate)
	}
	s := c.Samples()
	for i := 2; i < len(s); i += 2 {
		if s[i] < s[i-2] {
			t.Fatalf("frame %d: %v after %v: the ramp is not monotonic", i/2, s[i], s[i-2])
		}
	}
	if got := s[2*22050]; math.Abs(float64(got)-0.5) > 0.001 {
		t.Errorf("middle sample %v, want 0.5", got)
	}
}
