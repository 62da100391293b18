package fonts

import (
	"strings"
	"testing"
)

func mustParse(t testing.TB, s string) FontSpec {
	t.Helper()
	spec, ok := ParseFont(s)
	if !ok {
		t.Fatalf("ParseFont(%q) failed", s)
	}
	return spec
}

func TestBuiltinsParse(t *testing.T) {
	l := NewLibrary()
	for id := builtinID(0); id < numBuiltins; id++ {
		if l.font(id) == nil {
			t.Errorf("embedded font %s does not parse", builtins[id].name)
		}
	}
	for g := range genericFamilies {
		if _, ok := aliases[g]; !ok {
			t.Errorf("generic family %q has no alias", g)
		}
	}
}

func TestLibraryMatching(t *testing.T) {
	l := NewLibrary()
	tests := []struct{ font, want string }{
		{"14px sans-serif", "Liberation Sans"},
		{"14px Arial", "Liberation Sans"},
		{"14px HELVETICA", "Liberation Sans"},
		{"14px serif", "Liberation Serif"},
		{"14px 'Times New Roman'", "Liberation Serif"},
		{"14px monospace", "DejaVu Sans Mono"}, // Chromium's "Monospace" on Linux
		{"bold 14px monospace", "DejaVu Sans Mono Bold"},
		{"14px 'Courier New'", "Liberation Mono"}, // no Bold Liberation Mono embedded
		{"bold 14px sans-serif", "Liberation Sans Bold"},
		{"600 14px Arial", "Liberation Sans Bold"},
		{"500 14px Arial", "Liberation Sans"},
		{"bold 14px serif", "Liberation Serif Bold"},
		{"italic 14px serif", "Liberation Serif"}, // nothing synthesized
		{"14px 'PingFang SC'", "Liberation Sans"},
		{"14px 'Microsoft YaHei', serif", "Liberation Serif"}, // first family found wins
		{"14px Nope, Courier New, serif", "Liberation Mono"},
		{"14px system-ui", "Liberation Sans"},
	}
	for _, tt := range tests {
		face := l.Face(mustParse(t, tt.font))
		if got := face.Primary().Name(); got != tt.want {
			t.Errorf("Face(%q) primary = %q; want %q", tt.font, got, tt.want)
		}
		last := face.fonts[len(face.fonts)-1]
		if last.Name() != "WenQuanYi Micro Hei" {
			t.Errorf("Face(%q) chain does not end with the CJK fallback: %s", tt.font, last.Name())
		}
	}
	a, b := l.Face(mustParse(t, "14px Arial")), l.Face(mustParse(t, "14px Arial"))
	if a != b {
		t.Error("faces are not cached")
	}
	if c := l.Face(mustParse(t, "15px Arial")); c == a {
		t.Error("faces of different sizes share a cache entry")
	}
}

func TestLibraryLoad(t *testing.T) {
	l := NewLibrary()
	if err := l.Load("My Game Font", serifBoldTTF); err != nil {
		t.Fatal(err)
	}
	face := l.Face(mustParse(t, "14px 'my game font', sans-serif"))
	if got := face.Primary().Name(); got != "My Game Font" {
		t.Errorf("loaded family not matched: %s", got)
	}
	// A loaded font may shadow a system name, not a generic one.
	if err := l.Load("Arial", monoRegularTTF); err != nil {
		t.Fatal(err)
	}
	if got := l.Face(mustParse(t, "14px Arial")).Primary().Name(); got != "Arial" {
		t.Errorf("Arial after Load = %s", got)
	}
	if err := l.Load("serif", monoRegularTTF); err == nil {
		t.Error("Load replaced a generic family")
	}
	if err := l.Load("  ", monoRegularTTF); err == nil {
		t.Error("Load accepted an empty family")
	}
	for _, bad := range [][]byte{nil, []byte("not a font"), sansRegularTTF[:100], sansRegularTTF[:len(sansRegularTTF)/2]} {
		if err := l.Load("Bad", bad); err == nil {
			t.Errorf("Load accepted %d bytes of garbage", len(bad))
		}
	}
	if err := l.Load("Collection", cjkTTC); err != nil {
		t.Errorf("Load of a TrueType collection: %v", err)
	}
}

func TestFaceSizeClamp(t *testing.T) {
	l := NewLibrary()
	for _, size := range []float64{-5, 0} {
		face := l.Face(FontSpec{SizePx: size, Families: []string{"serif"}})
		if face.Size() != 0 || face.Layout("abc", 0) != nil || face.Measure("abc") != (TextMetrics{}) {
			t.Errorf("size %v: face should draw and measure nothing", size)
		}
	}
	if got := l.Face(FontSpec{SizePx: 1e12}).Size(); got != maxFontPx {
		t.Errorf("huge size clamped to %v", got)
	}
	if !strings.Contains(l.Face(FontSpec{SizePx: 1e12}).Primary().Name(), "Sans") {
		t.Error("a spec without families should use sans-serif")
	}
}
