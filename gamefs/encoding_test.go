package gamefs

import (
	"bytes"
	"testing"
)

// The expected values are what Node's Buffer gives, which the platforms'
// encodings follow.
func TestDecodeAsNodeDoes(t *testing.T) {
	b := []byte("héllo")
	for enc, want := range map[string]string{
		"hex": "68c3a96c6c6f", "base64": "aMOpbGxv", "latin1": "hÃ©llo", "binary": "hÃ©llo",
		"ascii": "hC)llo", "ucs2": "써沩潬", "utf16le": "써沩潬", "utf8": "héllo", "utf-8": "héllo",
	} {
		got, err := Decode(b, enc)
		if err != nil || got != want {
			t.Errorf("%s: %q %v, want %q", enc, got, err, want)
		}
	}
	if got, _ := Decode([]byte{0xff, 0xfe, 0x41}, "utf8"); got != "\ufffd\ufffdA" {
		t.Errorf("invalid UTF-8 becomes %q", got)
	}
	if _, err := Decode(b, "utf7"); KindOf(err) != KindInvalid {
		t.Errorf("unknown encoding: %v", err)
	}
}

func TestEncodeAsNodeDoes(t *testing.T) {
	for _, c := range []struct {
		s, enc string
		want   []byte
	}{
		{"Aé€😀", "latin1", []byte{65, 233, 172, 61, 0}},
		{"Aé€😀", "binary", []byte{65, 233, 172, 61, 0}},
		{"Aé€😀", "ascii", []byte{65, 233, 172, 61, 0}},
		{"Aé€😀", "ucs2", []byte{65, 0, 233, 0, 172, 32, 61, 216, 0, 222}},
		{"Aé€😀", "utf-16le", []byte{65, 0, 233, 0, 172, 32, 61, 216, 0, 222}},
		{"0aFfzz12", "hex", []byte{10, 255}},
		{"aGk", "base64", []byte{104, 105}},
		{"aGk=\n", "base64", []byte{104, 105}},
		{"a-_b", "base64", []byte{107, 239, 219}},
		{"é", "utf8", []byte{0xc3, 0xa9}},
	} {
		got, err := Encode(c.s, c.enc)
		if err != nil || !bytes.Equal(got, c.want) {
			t.Errorf("Encode(%q, %s) = %v %v, want %v", c.s, c.enc, got, err, c.want)
		}
	}
	if _, err := Encode("not base64!", "base64"); err == nil || err.Error() != "base64 encode error" {
		t.Errorf("bad base64: %v", err)
	}
}

func TestEncodingsRoundTrip(t *testing.T) {
	for _, enc := range Encodings {
		text := map[string]string{"hex": "00ff10ab", "base64": "aGVsbG8gd29ybGQ=", "ascii": "plain ASCII ~",
			"latin1": "Latin-1 ÿé\x00", "binary": "Latin-1 ÿé\x00"}[enc]
		if text == "" {
			text = "Unicode é€😀 \x00 end"
		}
		b, err := Encode(text, enc)
		if err != nil {
			t.Fatalf("%s: %v", enc, err)
		}
		back, err := Decode(b, enc)
		if err != nil || back != text {
			t.Errorf("%s: %q came back as %q (%v)", enc, text, back, err)
		}
	}
	for _, bad := range []string{"utf7", "UTF8", "", "gbk"} {
		if ValidEncoding(bad) {
			t.Errorf("%q should not be a valid encoding", bad)
		}
	}
}
