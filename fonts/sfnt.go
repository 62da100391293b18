package fonts

import "encoding/binary"

// golang/freetype keeps the hhea and OS/2 values private, so the vertical
// metrics are read from the raw tables here.

// sfntTable returns the table called tag from the first font in data (a
// plain sfnt or a TrueType Collection), or nil if it is missing or lies
// outside data.
func sfntTable(data []byte, tag string) []byte {
	be := binary.BigEndian
	off := 0
	if len(data) >= 16 && string(data[:4]) == "ttcf" {
		off = int(be.Uint32(data[12:]))
	}
	if off < 0 || off > len(data)-12 {
		return nil
	}
	n := int(be.Uint16(data[off+4:]))
	dir := data[off+12:]
	for i := 0; i < n && 16*i+16 <= len(dir); i++ {
		e := dir[16*i : 16*i+16]
		if string(e[:4]) != tag {
			continue
		}
		start, length := uint64(be.Uint32(e[8:])), uint64(be.Uint32(e[12:]))
		if start+length > uint64(len(data)) {
			return nil
		}
		return data[start : start+length]
	}
	return nil
}

// vmetrics are a font's vertical metrics in font units, as positive numbers.
type vmetrics struct {
	ascent, descent         float64 // what FreeType reports: hhea, else OS/2
	typoAscent, typoDescent float64 // OS/2 sTypo*, 0 when absent
}

// readVMetrics follows FreeType: hhea ascender/descender, unless both are
// zero, then OS/2 typo values, then OS/2 win values.
func readVMetrics(data []byte) vmetrics {
	be := binary.BigEndian
	var m vmetrics
	if os2 := sfntTable(data, "OS/2"); len(os2) >= 78 {
		m.typoAscent = float64(int16(be.Uint16(os2[68:])))
		m.typoDescent = -float64(int16(be.Uint16(os2[70:])))
		if m.typoAscent != 0 || m.typoDescent != 0 {
			m.ascent, m.descent = m.typoAscent, m.typoDescent
		} else {
			m.ascent = float64(be.Uint16(os2[74:]))
			m.descent = float64(be.Uint16(os2[76:]))
		}
	}
	if hhea := sfntTable(data, "hhea"); len(hhea) >= 8 {
		a, d := int16(be.Uint16(hhea[4:])), int16(be.Uint16(hhea[6:]))
		if a != 0 || d != 0 {
			m.ascent, m.descent = float64(a), -float64(d)
		}
	}
	return m
}
