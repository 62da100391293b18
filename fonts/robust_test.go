package fonts

import (
	"encoding/binary"
	"math"
	"math/rand"
	"strings"
	"testing"
)

// Corrupted copies of a real font must never panic: Load refuses them or
// the font draws and measures something (possibly nothing).
func TestCorruptFontsDoNotPanic(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	tables := []string{"glyf", "loca", "cmap", "hmtx", "hhea", "kern", "head", "maxp"}
	loaded := 0
	for i := 0; i < 150; i++ {
		data := append([]byte(nil), sansRegularTTF...)
		// Scribble over one table, or the table directory itself.
		tag := tables[i%len(tables)]
		start, end := tableRange(data, tag)
		if i%10 == 9 {
			start, end = 12, 12+16*int(binary.BigEndian.Uint16(data[4:]))
		}
		for n := 0; n < 1+rng.Intn(64); n++ {
			data[start+rng.Intn(end-start)] = byte(rng.Intn(256))
		}
		l := NewLibrary()
		if err := l.Load("Corrupt", data); err != nil {
			continue
		}
		loaded++
		face := l.Face(mustParse(t, "31px Corrupt"))
		gs := face.Layout("Hello, AVA wörld 你好 \ufffd", 1)
		face.Measure("The quick brown fox")
		a := NewAtlas(256)
		for _, g := range gs {
			uprightGlyph(a, face, g, 1.5, 0.3, false)
		}
	}
	if loaded == 0 {
		t.Error("every corrupted font was refused; the test exercises nothing")
	}
	// Random bytes that look like an sfnt header.
	for i := 0; i < 200; i++ {
		data := make([]byte, rng.Intn(4096))
		rng.Read(data)
		if len(data) >= 4 {
			copy(data, "\x00\x01\x00\x00")
		}
		NewLibrary().Load("Noise", data)
	}
}

// tableRange locates a table in a plain sfnt.
func tableRange(data []byte, tag string) (int, int) {
	t := sfntTable(data, tag)
	if len(t) == 0 {
		return 0, len(data)
	}
	start := cap(data) - cap(t) // t is a subslice of data
	return start, start + len(t)
}

func TestGarbageInput(t *testing.T) {
	l := NewLibrary()
	a := NewAtlas(128)
	strs := []string{"", "\x00\x01\x02", "\xff\xfe\xfd", strings.Repeat("\u200b", 10), "a\u0301", "\U0001F600", "\xed\xa0\x80"} // the last is a UTF-8-encoded surrogate
	sizes := []float64{math.NaN(), math.Inf(1), math.Inf(-1), -1, 0, 1e-300, 0.3, 1e300}
	for _, size := range sizes {
		face := l.Face(FontSpec{SizePx: size, Weight: 700, Families: []string{"", "serif", "\x00"}})
		for _, s := range strs {
			for _, ls := range []float64{0, math.NaN(), -1e300} {
				for _, g := range face.Layout(s, ls) {
					for _, scale := range sizes {
						uprightGlyph(a, face, g, scale, size, false)
					}
				}
			}
			face.Measure(s)
		}
	}
	// A huge string is cut, not allocated without bound.
	face := l.Face(mustParse(t, "10px serif"))
	if n := len(face.Layout(strings.Repeat("x", maxLayoutRunes+10), 0)); n != maxLayoutRunes {
		t.Errorf("Layout of a huge string returned %d glyphs", n)
	}
	var nilFace *Face
	if nilFace.Layout("x", 0) != nil || nilFace.MeasureGlyphs(nil) != (TextMetrics{}) {
		t.Error("nil face")
	}
}
