package csscolor

import (
	"fmt"
	"math"
	"strconv"
	"testing"
)

func TestParseValid(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// named colours
		{"red", "#ff0000"},
		{"  RED ", "#ff0000"},
		{"\t\n red\f\r", "#ff0000"},
		{"ReBeccaPurple", "#663399"},
		{"lightgoldenrodyellow", "#fafad2"},
		{"grey", "#808080"},
		{"transparent", "rgba(0, 0, 0, 0)"},
		{"TRANSPARENT", "rgba(0, 0, 0, 0)"},
		{"currentColor", "#000000"},

		// hex
		{"#f00", "#ff0000"},
		{"#F0a", "#ff00aa"},
		{"#f008", "rgba(255, 0, 0, 0.533)"},
		{"#F00A", "rgba(255, 0, 0, 0.667)"},
		{"#ABCDEF", "#abcdef"},
		{"#ff000080", "rgba(255, 0, 0, 0.5)"},
		{"#12345678", "rgba(18, 52, 86, 0.47)"},
		{"#000000ff", "#000000"},
		{"#00000000", "rgba(0, 0, 0, 0)"},
		{" #fff\n", "#ffffff"},

		// rgb legacy
		{"rgb(255,0,0)", "#ff0000"},
		{"rgba(0,0,0,.5)", "rgba(0, 0, 0, 0.5)"},
		{"rgb(100%, 0%, 0%)", "#ff0000"},
		{"rgb(50%, 50%, 50%)", "#808080"},
		{"rgb(10.6,0,0)", "#0b0000"},
		{"rgb(10.5,0,0)", "#0b0000"},
		{"rgb(10.4,0,0)", "#0a0000"},
		{"rgb(300, -20, 0)", "#ff0000"},
		{"rgb(150%, -5%, 0%)", "#ff0000"},
		{"rgba(255, 0, 0)", "#ff0000"},
		{"rgb(255,0,0,0.3)", "rgba(255, 0, 0, 0.3)"},
		{"rgba(255,0,0,30%)", "rgba(255, 0, 0, 0.3)"},
		{"rgba(0,0,0,-1)", "rgba(0, 0, 0, 0)"},
		{"rgba(0,0,0,2)", "#000000"},
		{"rgba(0,0,0,0.001)", "rgba(0, 0, 0, 0)"},
		{"rgba(0,0,0,0.999)", "#000000"},
		{"RGB(1E2, 0, 0)", "#640000"},
		{"rgb(1e+2, 2.5e1, +3)", "#641903"},
		{"rgb( 1 , 2 , 3 )", "#010203"},
		{"rgb(1,2,3", "#010203"}, // the CSS parser closes the function at EOF
		{"rgba(10,20,30,1e-1)", "rgba(10, 20, 30, 0.1)"},

		// rgb modern
		{"rgb(255 0 0 / 50%)", "rgba(255, 0, 0, 0.5)"},
		{"rgb(255 0 0/0.25)", "rgba(255, 0, 0, 0.25)"},
		{"rgba(255 0 0)", "#ff0000"},
		{"rgb(0 0 0 / 150%)", "#000000"},
		{"rgb(none 255 none)", "#00ff00"},
		{"rgb(0 0 0 / none)", "rgba(0, 0, 0, 0)"},
		{"rgb(50% 10 20)", "#800a14"},

		// hsl
		{"hsl(120deg 100% 50%)", "#00ff00"},
		{"hsl(120, 100%, 50%)", "#00ff00"},
		{"hsla(0.5turn, 50%, 50%, 0.25)", "rgba(64, 191, 191, 0.25)"},
		{"hsl(0, 0%, 50%)", "#808080"},
		{"hsl(30, 100%, 50%)", "#ff8000"},
		{"hsl(-120, 100%, 50%)", "#0000ff"},
		{"hsl(480, 100%, 50%)", "#00ff00"},
		{"hsl(3.14159rad 100% 50%)", "#00ffff"},
		{"hsl(200grad 100% 50%)", "#00ffff"},
		{"HSL(120DEG 100% 50%)", "#00ff00"},
		{"hsl(120 100 50)", "#00ff00"},
		{"hsl(none 0% 100%)", "#ffffff"},
		{"hsl(120 100% 50% / .5)", "rgba(0, 255, 0, 0.5)"},
		{"hsla(120 100% 50%)", "#00ff00"},
		{"hsl(0, 200%, 50%)", "#ff0000"},
		{"hsl(0, 100%, 150%)", "#ffffff"},
		{"hsl(210, 50%, 40%)", "#336699"},

		// hwb
		{"hwb(0 0% 0%)", "#ff0000"},
		{"hwb(120 50% 50%)", "#808080"},
		{"hwb(0 100% 100%)", "#808080"},
		{"hwb(240 20% 20% / 0.5)", "rgba(51, 51, 204, 0.5)"},
	}
	for _, tt := range tests {
		c, ok := Parse(tt.in)
		if !ok {
			t.Errorf("Parse(%q): ok=false, want %s", tt.in, tt.want)
			continue
		}
		if got := c.Serialize(); got != tt.want {
			t.Errorf("Parse(%q).Serialize() = %s, want %s (%+v)", tt.in, got, tt.want, c)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []string{
		"",
		"   ",
		"#",
		"#abcde",
		"#12345",
		"#1234567",
		"#123456789",
		"#ggg",
		"# fff",
		"redd",
		"re d",
		"red red",
		"inherit",
		"none",
		"\u00a0red", // no-break space is not CSS whitespace
		"rgb(255,0,0,)",
		"rgb(1 2, 3)",
		"rgb(1, 2 3)",
		"rgb(,1,2,3)",
		"rgb(1,,2,3)",
		"rgb(1,2)",
		"rgb(1 2)",
		"rgb()",
		"rgb(1,2,3,4,5)",
		"rgb(1 2 3 4)",
		"rgb(1, 2, 3 / 0.5)",
		"rgb(1 2 3 / 0.5 / 1)",
		"rgb(1 2 3 /)",
		"rgb(1 2 3 / 0.5, 1)",
		"rgb(100%, 0, 0)", // legacy syntax may not mix numbers and percentages
		"rgb(none, 0, 0)", // none only in the modern syntax
		"rgba(0,0,0,none)",
		"rgb(1px, 2, 3)",
		"rgb(1., 2, 3)",
		"rgb(1e, 2, 3)",
		"rgb(0x10, 0, 0)",
		"rgb(inf 0 0)",
		"rgb(NaN 0 0)",
		"rgb (1,2,3)",
		"rgb(1,2,3) x",
		"rgb(1,2,3))",
		"rgb((1,2,3)",
		"rgb(1,2,3)(",
		"rgb(1;2;3)",
		"rgb(1,2,3,0.5deg)",
		"rgbx(1,2,3)",
		"foo(1,2,3)",
		"hsl(120, 100, 50)", // legacy hsl requires percentages
		"hsl(120, 100%, 50)",
		"hsl(120foo 100% 50%)",
		"hsl(120% 100% 50%)",
		"hsl(120deg, 100%)",
		"hsl(120deg 100%px 50%)",
		"hsl(none, 100%, 50%)",
		"hwb(0, 0%, 0%)", // hwb() has no legacy syntax
		"lab(50% 0 0)",
		"calc(1)",
	}
	for _, in := range tests {
		if c, ok := Parse(in); ok {
			t.Errorf("Parse(%q) = %+v (%s), want ok=false", in, c, c.Serialize())
		}
	}
}

func TestParseChannels(t *testing.T) {
	c, ok := Parse("#ff000080")
	if !ok || c.R != 1 || c.G != 0 || c.B != 0 || c.A != 128.0/255 {
		t.Fatalf("#ff000080 = %+v, %v", c, ok)
	}
	c, ok = Parse("rgba(0, 0, 0, 0.3)")
	if !ok || c.A != 0.3 {
		t.Fatalf("alpha kept at parse precision: %+v", c)
	}
	c, _ = Parse("rgb(10.6, 20, 30)")
	if c.R != 11.0/255 || c.G != 20.0/255 || c.B != 30.0/255 || c.A != 1 {
		t.Fatalf("8-bit quantisation: %+v", c)
	}
	c, _ = Parse("hsla(0.5turn, 50%, 50%, 0.25)")
	if c != (RGBA{64.0 / 255, 191.0 / 255, 191.0 / 255, 0.25}) {
		t.Fatalf("hsl quantisation: %+v", c)
	}
	c, _ = Parse("currentcolor")
	if c != (RGBA{0, 0, 0, 1}) {
		t.Fatalf("currentcolor: %+v", c)
	}
}

func TestNamedColors(t *testing.T) {
	if len(namedColors) != 148 {
		t.Fatalf("%d named colours, want 148", len(namedColors))
	}
	for name, v := range namedColors {
		want := fmt.Sprintf("#%06x", v)
		c, ok := Parse(name)
		if !ok || c.Serialize() != want {
			t.Errorf("Parse(%q) = %+v %v, want %s", name, c, ok, want)
		}
		if len(name) > maxNameLen {
			t.Errorf("%q longer than maxNameLen", name)
		}
	}
}

func TestSerialize(t *testing.T) {
	tests := []struct {
		c    RGBA
		want string
	}{
		{RGBA{0, 0, 0, 1}, "#000000"},
		{RGBA{1, 1, 1, 1}, "#ffffff"},
		{RGBA{1, 0.5, 0, 1}, "#ff8000"},
		{RGBA{0, 0, 0, 0}, "rgba(0, 0, 0, 0)"},
		{RGBA{1, 0, 0, 0.5}, "rgba(255, 0, 0, 0.5)"},
		{RGBA{0.2, 0.4, 0.6, 0.1}, "rgba(51, 102, 153, 0.1)"},
		{RGBA{2, -1, math.NaN(), 1}, "#ff0000"},
		{RGBA{0, 0, 0, math.NaN()}, "rgba(0, 0, 0, 0)"},
		{RGBA{0, 0, 0, 5}, "#000000"},
		{RGBA{0, 0, 0, 1.0 / 255}, "rgba(0, 0, 0, 0.004)"},
	}
	for _, tt := range tests {
		if got := tt.c.Serialize(); got != tt.want {
			t.Errorf("%+v.Serialize() = %s, want %s", tt.c, got, tt.want)
		}
	}
	if s := (RGBA{1, 0, 0, 1}).String(); s != "#ff0000" {
		t.Errorf("String() = %s", s)
	}
}

// Every 8-bit alpha must survive Serialize -> Parse -> Serialize, and the
// serialized alpha must use at most 3 decimals.
func TestSerializeRoundTripAlpha(t *testing.T) {
	for a8 := 0; a8 <= 255; a8++ {
		c := RGBA{12.0 / 255, 34.0 / 255, 56.0 / 255, float64(a8) / 255}
		s := c.Serialize()
		back, ok := Parse(s)
		if !ok {
			t.Fatalf("a8=%d: Parse(%q) failed", a8, s)
		}
		if got := to8(back.A * 255); got != a8 {
			t.Errorf("a8=%d: %q parses back to alpha %d", a8, s, got)
		}
		if s2 := back.Serialize(); s2 != s {
			t.Errorf("a8=%d: %q -> %q", a8, s, s2)
		}
		if a8 == 255 && s != "#0c2238" {
			t.Errorf("opaque: %q", s)
		}
	}
}

func TestSerializeRoundTripChannels(t *testing.T) {
	inputs := []string{
		"#000", "#fff", "#123456", "#abcdef80", "rgb(1 2 3)", "rgba(200,100,50,.75)",
		"hsl(210 50% 40%)", "hsla(300, 76%, 72%, 0.3)", "hwb(90 10% 20% / 10%)",
		"transparent", "salmon", "rgb(50% 25% 75% / 33%)",
	}
	for _, in := range inputs {
		c, ok := Parse(in)
		if !ok {
			t.Fatalf("Parse(%q) failed", in)
		}
		s := c.Serialize()
		c2, ok := Parse(s)
		if !ok {
			t.Fatalf("Parse(Serialize(%q) = %q) failed", in, s)
		}
		if c2.R != c.R || c2.G != c.G || c2.B != c.B || to8(c2.A*255) != to8(c.A*255) {
			t.Errorf("%q: %+v -> %q -> %+v", in, c, s, c2)
		}
		if s2 := c2.Serialize(); s2 != s {
			t.Errorf("%q: %q -> %q", in, s, s2)
		}
	}
	// Exhaustive over one channel for both syntaxes.
	for v := 0; v < 256; v++ {
		c := RGBA{float64(v) / 255, float64(255-v) / 255, float64(v/2) / 255, 1}
		for _, s := range []string{c.Serialize(), RGBA{c.R, c.G, c.B, 0.5}.Serialize()} {
			back, ok := Parse(s)
			if !ok || back.R != c.R || back.G != c.G || back.B != c.B {
				t.Fatalf("%q -> %+v %v, want %+v", s, back, ok, c)
			}
		}
	}
}

func TestParseNoAlloc(t *testing.T) {
	for _, s := range []string{"#ff8800", "#FF880080", "#f80", " red ", "LightGoldenrodYellow", "rgba(255, 136, 0, 0.5)", "hsl(120deg 100% 50% / 50%)"} {
		allocs := testing.AllocsPerRun(100, func() {
			if _, ok := Parse(s); !ok {
				t.Fatalf("Parse(%q) failed", s)
			}
		})
		if allocs != 0 {
			t.Errorf("Parse(%q) allocates %.1f times", s, allocs)
		}
	}
}

var sinkColor RGBA

func BenchmarkParseHex(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c, ok := Parse("#ff8800")
		if !ok {
			b.Fatal("parse failed")
		}
		sinkColor = c
	}
}

func BenchmarkParseName(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkColor, _ = Parse("cornflowerblue")
	}
}

func BenchmarkParseRGBA(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkColor, _ = Parse("rgba(255, 136, 0, 0.5)")
	}
}

func BenchmarkSerialize(b *testing.B) {
	b.ReportAllocs()
	c := RGBA{1, 0.5, 0, 0.5}
	for i := 0; i < b.N; i++ {
		_ = c.Serialize()
	}
}

func TestFastNumberMatchesParseFloat(t *testing.T) {
	for _, s := range []string{"0", "1", "-1", "+7", "255", "0.5", ".5", "-.25", "10.6", "0.1", "0.3", "3.14159",
		"123456789012345", "0.00000000000001", "99999.9999999999", "1.79769313486231", "007.50"} {
		got, ok := fastNumber(s)
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || got != want {
			t.Errorf("fastNumber(%q) = %v %v, ParseFloat = %v %v", s, got, ok, want, err)
		}
	}
	for _, s := range []string{"1e3", "1234567890123456", "0.1234567890123456", "0.000000000000001"} {
		if _, ok := fastNumber(s); ok {
			t.Errorf("fastNumber(%q) should defer to ParseFloat", s)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"#ff000080", "rgba(0,0,0,.5)", "hsl(120deg 100% 50%)", "hwb(1 2 3 / 4%)", "rgb(1e2, -3, +.5", "red"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := Parse(s)
		if !ok {
			return
		}
		for _, v := range []float64{c.R, c.G, c.B, c.A} {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("Parse(%q) = %+v out of range", s, c)
			}
		}
		out := c.Serialize()
		back, ok := Parse(out)
		if !ok || back.Serialize() != out {
			t.Fatalf("Parse(%q) -> %q does not round trip", s, out)
		}
	})
}
