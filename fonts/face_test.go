package fonts

import (
	"math"
	"testing"
)

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

// "Hello" in Liberation Sans: hmtx advances H=1479, e=1139, l=455, l=455,
// o=1139 font units of 2048, no kern pairs: 4667/2048*14 = 31.9033 px at
// 14px, Arial's width too (Chromium with subpixel positioning reports this;
// with whole-pixel advances it would be 10+8+3+3+8 = 32).
func TestMeasureHello(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "14px sans-serif"))
	m := face.Measure("Hello")
	if want := 4667.0 / 2048 * 14; !near(m.Width, want, 1e-9) {
		t.Errorf("Hello width = %v; want %v", m.Width, want)
	}
	if !near(m.Width, 31.9, 0.5) {
		t.Errorf("Hello width %v is not within 0.5px of Chromium's 31.9", m.Width)
	}
	// Vertical metrics as Chromium computes them for Liberation Sans at 14px:
	// hhea 1854/434 rounded, OS/2 typo 1491/431 normalized to the em box.
	want := TextMetrics{
		Width:                 m.Width,
		FontBoundingBoxAscent: 13, FontBoundingBoxDescent: 3,
		EmHeightAscent: 695.0 / 64, EmHeightDescent: 14 - 695.0/64,
		HangingBaseline: 13 * 0.8, IdeographicBaseline: -3,
		// Ink: H's left side bearing is 1.148 px, so the box starts right
		// of the pen (negative left), and o dips below the baseline.
		ActualBoundingBoxLeft: m.ActualBoundingBoxLeft, ActualBoundingBoxRight: m.ActualBoundingBoxRight,
		ActualBoundingBoxAscent: m.ActualBoundingBoxAscent, ActualBoundingBoxDescent: m.ActualBoundingBoxDescent,
	}
	if m != want {
		t.Errorf("Measure(Hello) = %+v\nwant %+v", m, want)
	}
	if !(m.ActualBoundingBoxLeft < 0 && m.ActualBoundingBoxLeft > -2) ||
		!(m.ActualBoundingBoxRight > 30 && m.ActualBoundingBoxRight < m.Width) ||
		!(m.ActualBoundingBoxAscent > 9.5 && m.ActualBoundingBoxAscent < 11) ||
		!(m.ActualBoundingBoxDescent > 0 && m.ActualBoundingBoxDescent < 1) {
		t.Errorf("implausible ink box %+v", m)
	}
	if m := face.Measure("   "); m.Width <= 0 || m.ActualBoundingBoxLeft != 0 || m.ActualBoundingBoxAscent != 0 {
		t.Errorf("spaces: %+v", m)
	}
}

func TestBaselines(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "14px sans-serif"))
	emA := 695.0 / 64
	for baseline, want := range map[string]float64{
		"top": emA, "hanging": 10.4, "middle": (emA - (14 - emA)) / 2,
		"alphabetic": 0, "ideographic": -3, "bottom": -(14 - emA), "bogus": 0,
	} {
		if got := face.BaselineShift(baseline); !near(got, want, 1e-9) {
			t.Errorf("BaselineShift(%q) = %v; want %v", baseline, got, want)
		}
	}
	m := face.Measure("Hi")
	top := m.Aligned(m.Width/2, face.BaselineShift("top"))
	if !near(top.EmHeightAscent, 0, 1e-9) || !near(top.FontBoundingBoxAscent, 13-emA, 1e-9) ||
		!near(top.ActualBoundingBoxLeft, m.ActualBoundingBoxLeft+m.Width/2, 1e-9) {
		t.Errorf("Aligned(center, top) = %+v", top)
	}
	// Tiny fonts keep fractional metrics, as Chromium's canvas does.
	tiny := NewLibrary().Face(mustParse(t, "2px sans-serif"))
	if a, d := tiny.Metrics(); !near(a, 1854.0/1024, 1e-9) || !near(d, 434.0/1024, 1e-9) {
		t.Errorf("2px metrics = %v, %v", a, d)
	}
}

func TestLayout(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "20px sans-serif"))
	plain := face.Layout("AV", 0)
	if len(plain) != 2 || plain[0].X != 0 || plain[0].Y != 0 {
		t.Fatalf("Layout(AV) = %+v", plain)
	}
	// Liberation Sans kerns A-V (-152 units).
	if want := plain[0].Advance - 152.0/2048*20; !near(plain[1].X, want, 1e-9) {
		t.Errorf("V at %v; want kerned %v", plain[1].X, want)
	}
	spaced := face.Layout("AV", 3)
	if !near(spaced[1].X, plain[1].X+3, 1e-9) || !near(spaced[1].Advance, plain[1].Advance+3, 1e-9) {
		t.Errorf("letter spacing: %+v vs %+v", spaced, plain)
	}
	if w := face.MeasureGlyphs(spaced).Width; !near(w, face.Measure("AV").Width+6, 1e-9) {
		t.Errorf("spaced width %v", w)
	}
	// Whitespace becomes spaces; controls and zero-width marks vanish.
	gs := face.Layout("a\tb\x00\u200bc\ufeff", 0)
	var runes []rune
	for _, g := range gs {
		runes = append(runes, g.Rune)
	}
	if string(runes) != "a bc" {
		t.Errorf("prepared runes %q", string(runes))
	}
	// Invalid UTF-8 becomes U+FFFD, which Liberation Sans has.
	gs = face.Layout("\xff", 0)
	if len(gs) != 1 || gs[0].Rune != '\ufffd' || gs[0].Index == 0 {
		t.Errorf("invalid UTF-8: %+v", gs)
	}
	if face.Layout("", 0) != nil || face.Layout("x", math.NaN())[0].Advance <= 0 {
		t.Error("empty string or NaN spacing mishandled")
	}
}

func TestCJKFallback(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "16px Arial"))
	gs := face.Layout("A你好", 0)
	if len(gs) != 3 {
		t.Fatalf("Layout = %+v", gs)
	}
	if gs[0].Font != face.Primary() {
		t.Errorf("A should come from the primary font")
	}
	a := NewAtlas(256)
	for _, g := range gs[1:] {
		if g.Font.Name() != "WenQuanYi Micro Hei" || g.Index == 0 || !near(g.Advance, 16, 1e-9) {
			t.Errorf("%c: %+v", g.Rune, g)
		}
		ag, ok := uprightGlyph(a, face, g, 1, 0, false)
		if !ok || ag.Src.Dx() < 8 || ag.Src.Dy() < 8 {
			t.Errorf("%c: atlas glyph %+v %v", g.Rune, ag, ok)
		}
		if coverage(a, ag.Src) == 0 {
			t.Errorf("%c rasterized empty", g.Rune)
		}
	}
	// A rune no font has falls back to the primary font's .notdef box.
	gs = face.Layout("\U0010fffd", 0)
	if len(gs) != 1 || gs[0].Font != face.Primary() || gs[0].Index != 0 || gs[0].Advance <= 0 {
		t.Errorf("missing glyph: %+v", gs)
	}
}

func BenchmarkLayoutMeasure(b *testing.B) {
	face := NewLibrary().Face(FontSpec{SizePx: 16, Families: []string{"sans-serif"}})
	for b.Loop() {
		face.MeasureGlyphs(face.Layout("Score: 12345 分数", 0))
	}
}
