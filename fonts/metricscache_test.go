package fonts

import "testing"

// Keys that share a slot must not answer for each other: the cache gives
// what the font's own tables say, whatever was asked before.
func TestMetricsCacheAnswersLikeTheFont(t *testing.T) {
	face := NewLibrary().Face(mustParse(t, "16px sans-serif"))
	f := face.Primary()
	runes := []rune("AVAWTo.,'x\u4e00\u4e01")
	for _, r := range runes {
		runes = append(runes, r+1<<10, r+2<<10) // the same slots
	}
	for pass := 0; pass < 2; pass++ { // cold, then warm
		for _, r := range runes {
			if got, want := f.index(r), f.lookupIndex(r); got != want {
				t.Fatalf("index(%q) = %d; the font says %d", r, got, want)
			}
		}
		for _, a := range runes {
			ga := f.lookupIndex(a)
			if got, want := f.advance(ga), f.lookupAdvance(ga); got != want {
				t.Fatalf("advance(%d) = %v; the font says %v", ga, got, want)
			}
			for _, b := range runes {
				gb := f.lookupIndex(b)
				if got, want := f.kern(ga, gb), f.lookupKern(ga, gb); got != want {
					t.Fatalf("kern(%q, %q) = %v; the font says %v", a, b, got, want)
				}
			}
		}
	}
	if f.lookupKern(f.lookupIndex('A'), f.lookupIndex('V')) == 0 {
		t.Error("no kerning for AV: the test checks nothing")
	}
}
