package fonts

// metricsCache remembers what Layout asks a font's tables for every glyph
// of every string: the rune's glyph (a cmap search), its advance, and the
// pair's kerning (a binary search of the kern table). Game text repeats
// the same few dozen characters frame after frame, so small direct-mapped
// tables answer almost every lookup; a collision just asks the font again.
type metricsCache struct {
	runes    [1 << 10]runeEntry
	advances [1 << 10]advanceEntry
	kerns    [1 << 12]kernEntry
}

// Each entry stores its key plus one, so that the zero entry is empty.
type runeEntry struct {
	key   uint32
	glyph GlyphIndex
}

type advanceEntry struct {
	key     uint32
	advance float64
}

type kernEntry struct {
	key  uint64
	kern float64
}

func (f *Font) cache() *metricsCache {
	if f.metrics == nil {
		f.metrics = new(metricsCache)
	}
	return f.metrics
}

// index maps a rune to a glyph; 0 (.notdef) means the font lacks it.
func (f *Font) index(r rune) GlyphIndex {
	c := f.cache()
	e := &c.runes[uint32(r)%uint32(len(c.runes))]
	if e.key != uint32(r)+1 {
		*e = runeEntry{uint32(r) + 1, f.lookupIndex(r)}
	}
	return e.glyph
}

// advance is the glyph's advance width in font units.
func (f *Font) advance(i GlyphIndex) float64 {
	c := f.cache()
	e := &c.advances[int(i)%len(c.advances)]
	if e.key != uint32(i)+1 {
		*e = advanceEntry{uint32(i) + 1, f.lookupAdvance(i)}
	}
	return e.advance
}

// kern is the kern-table adjustment between two glyphs in font units.
func (f *Font) kern(a, b GlyphIndex) float64 {
	pair := uint32(a)<<16 | uint32(b)
	// Mix the halves so that a glyph's pairs spread over the table.
	e := &f.cache().kerns[(pair*0x9E3779B1)>>20]
	if e.key != uint64(pair)+1 {
		*e = kernEntry{uint64(pair) + 1, f.lookupKern(a, b)}
	}
	return e.kern
}
