package fonts

import (
	"math"
	"reflect"
	"testing"
)

func TestParseFontValid(t *testing.T) {
	tests := []struct {
		in   string
		want FontSpec
	}{
		{"14px sans-serif", FontSpec{"normal", "normal", 400, 14, []string{"sans-serif"}}},
		{"bold 12px Arial", FontSpec{"normal", "normal", 700, 12, []string{"Arial"}}},
		{"italic small-caps 700 16px/2 'Helvetica Neue', serif",
			FontSpec{"italic", "small-caps", 700, 16, []string{"Helvetica Neue", "serif"}}},
		{"12pt serif", FontSpec{"normal", "normal", 400, 16, []string{"serif"}}},
		{"2em monospace", FontSpec{"normal", "normal", 400, 20, []string{"monospace"}}},
		{"150% serif", FontSpec{"normal", "normal", 400, 15, []string{"serif"}}},
		{"10px sans-serif", DefaultFont()},
		{"  BOLD  ITALIC 14PX  SANS-SERIF ", FontSpec{"italic", "normal", 700, 14, []string{"sans-serif"}}},
		{"normal normal normal normal 9px x", FontSpec{"normal", "normal", 400, 9, []string{"x"}}},
		{"condensed oblique 10deg 550 1e1px \"Font\\\"Q\"", FontSpec{"oblique", "normal", 550, 10, []string{`Font"Q`}}},
		{"bolder 1in Microsoft YaHei", FontSpec{"normal", "normal", 700, 96, []string{"Microsoft YaHei"}}},
		{"lighter .5em a,b ,c", FontSpec{"normal", "normal", 100, 5, []string{"a", "b", "c"}}},
		{"0 serif", FontSpec{"normal", "normal", 400, 0, []string{"serif"}}},
		{"medium serif", FontSpec{"normal", "normal", 400, 16, []string{"serif"}}},
		{"larger serif", FontSpec{"normal", "normal", 400, 12, []string{"serif"}}},
		{"16px/normal 微软雅黑", FontSpec{"normal", "normal", 400, 16, []string{"微软雅黑"}}},
		{"16px/1.5em PingFang SC, sans-serif", FontSpec{"normal", "normal", 400, 16, []string{"PingFang SC", "sans-serif"}}},
		{"12px \\31 23", FontSpec{"normal", "normal", 400, 12, []string{"123"}}},
		{"12px 'unterminated", FontSpec{"normal", "normal", 400, 12, []string{"unterminated"}}},
		{"12px bold", FontSpec{"normal", "normal", 400, 12, []string{"bold"}}}, // a family named bold
		{"1000 12px x", FontSpec{"normal", "normal", 1000, 12, []string{"x"}}},
	}
	for _, tt := range tests {
		got, ok := ParseFont(tt.in)
		if !ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseFont(%q) = %+v, %v; want %+v, true", tt.in, got, ok, tt.want)
		}
	}
}

func TestParseFontInvalid(t *testing.T) {
	for _, in := range []string{
		"", "   ", "14 sans-serif", "px", "bold", "14px", "14px,", "14px a,", "14px ,a",
		"-1px serif", "12px 3d", "bold bold 12px x", "italic oblique 12px x",
		"normal normal normal normal normal 12px x", "0 12px x", "1001 12px x",
		"12px inherit", "inherit", "12px/ x", "12px/-1 x", "12px/foo x", "12vw serif",
		"12px serif;", "12px 'bad\nstring'", "12px x / y", "12px sans-serif 12px",
		"caption", "1e999px serif", "12qq serif", "\x00", "12px \"a\" b",
	} {
		if got, ok := ParseFont(in); ok {
			t.Errorf("ParseFont(%q) = %+v, true; want false", in, got)
		}
	}
}

func TestFontSpecString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"14px sans-serif", "14px sans-serif"},
		{"bold 14px sans-serif", "bold 14px sans-serif"},
		{"700 14px sans-serif", "bold 14px sans-serif"},
		{"normal 400 14px serif", "14px serif"},
		{"italic small-caps 700 16px/2 'Helvetica Neue', serif", `italic bold small-caps 16px "Helvetica Neue", serif`},
		{"small-caps 300 italic 1pt x", "italic 300 small-caps 1.33333px x"},
		{"10pt Arial", "13.3333px Arial"},
		{"oblique 12px SERIF", "12px serif"}, // Chromium only prints italic
		{"12px 'a\"b', '3D'", `12px "a\"b", "3D"`},
		{"12px 微软雅黑", "12px 微软雅黑"},
	}
	for _, tt := range tests {
		spec, ok := ParseFont(tt.in)
		if !ok {
			t.Fatalf("ParseFont(%q) failed", tt.in)
		}
		if got := spec.String(); got != tt.want {
			t.Errorf("ParseFont(%q).String() = %q; want %q", tt.in, got, tt.want)
		}
		// The serialization must parse back to the same font (minus what
		// Chromium drops).
		back, ok := ParseFont(spec.String())
		if !ok || back.String() != spec.String() {
			t.Errorf("%q does not round-trip: %+v %v", spec.String(), back, ok)
		}
	}
	if got := DefaultFont().String(); got != "10px sans-serif" {
		t.Errorf("DefaultFont().String() = %q", got)
	}
	if got := (FontSpec{SizePx: math.NaN()}).String(); got != "0px sans-serif" {
		t.Errorf("zero spec String() = %q", got)
	}
}

func FuzzParseFont(f *testing.F) {
	for _, s := range []string{"14px sans-serif", "italic small-caps 700 16px/2 'Helvetica Neue', serif", "\\", "'", "1e", "-\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spec, ok := ParseFont(s)
		if !ok {
			return
		}
		if spec.SizePx < 0 || math.IsNaN(spec.SizePx) || math.IsInf(spec.SizePx, 0) || len(spec.Families) == 0 {
			t.Fatalf("ParseFont(%q) = %+v", s, spec)
		}
		if _, ok := ParseFont(spec.String()); !ok {
			t.Fatalf("String() of ParseFont(%q) = %q does not parse", s, spec.String())
		}
	})
}
