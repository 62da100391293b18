package fonts

import (
	"math"
	"sort"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
)

// A vertical-only autohinter in the manner of FreeType's "light" autofit
// mode, which is what Chromium uses on Linux to hint text vertically (it
// ignores the fonts' TrueType instructions). The steps, in the order
// FreeType's latin module takes them:
//
//  1. Per font, blue zones are measured from sample letters: for each zone
//     (cap top, cap bottom, ascender, x-height, baseline, descender) the
//     median of the flat extremes of its letters gives the reference height
//     and that of the round ones the overshoot.
//  2. Per size, the vertical scale is nudged so that the x-height overshoot
//     lands on a whole pixel (rounded up from 0.375 px), unless that moves
//     the tallest letters by 2 px or more. Zones less than 3/4 px tall are
//     then snapped: the reference to the nearest pixel, the overshoot 0, 1/2
//     or 1 px beyond it.
//  3. Per glyph, runs of near-horizontal outline ("segments") are found,
//     paired into stems (a bottom-of-ink segment with the nearest top-of-ink
//     segment above it that overlaps it) and merged into edges at the same
//     height. Edges near a zone snap to it; the other stems are placed
//     around a rounded centre keeping their unhinted height (light mode
//     never rounds stem heights); lone edges are interpolated.
//  4. Points on edges take their edge's position; other on-curve points are
//     interpolated linearly between the edges around them, and the
//     remaining (off-curve) points between their touched neighbours along
//     the contour, as TrueType's IUP does.
//
// Only y changes: in light mode x is scaled, never fitted.

// Blue zone sample letters, as FreeType's latin blue strings.
var latinBlues = []struct {
	chars        string
	top, xHeight bool
}{
	{"THEZOCQS", true, false},  // capital top
	{"HEZLOCUS", false, false}, // capital bottom
	{"fijkdbh", true, false},   // ascender
	{"xzroesc", true, true},    // x-height
	{"xzroesc", false, false},  // baseline of small letters
	{"pqgjy", false, false},    // descender
}

// hanRanges are the characters FreeType hints with its CJK module (CJK
// symbols and punctuation, kana, bopomofo, ideographs, fullwidth forms):
// see autohint_cjk.go.
var hanRanges = [][2]rune{
	{0x2e80, 0x2fdf}, {0x3000, 0x30ff}, {0x3100, 0x312f}, {0x3190, 0x31ff},
	{0x3300, 0x4dbf}, {0x4e00, 0x9fff}, {0xf900, 0xfaff}, {0xfe30, 0xfe4f},
	{0xff00, 0xffef},
}

// blueZone is one zone in font units: ref is where flat letters end, shoot
// where round ones overshoot it.
type blueZone struct {
	ref, shoot   float64
	top, xHeight bool
}

// autohintMetrics are a font's zones for one script.
type autohintMetrics struct {
	blues     []blueZone
	maxHeight float64 // the tallest extent of the sample letters, font units
}

// ahScripts holds the lazily computed zones of a font.
type ahScripts struct {
	latin *autohintMetrics
	han   map[GlyphIndex]bool // glyphs of the CJK module's scripts
	cjk   *cjkMetrics         // measured on the first such glyph
}

// autohintFor returns the zones that hint glyph i (nil when the font has
// none for its script) and whether it is an ideograph or kana, which the
// CJK rules hint instead.
func (f *Font) autohintFor(i GlyphIndex) (m *autohintMetrics, cjk bool) {
	if f.ah == nil {
		f.ah = &ahScripts{latin: f.measureBlues(latinBlues), han: f.hanGlyphs()}
	}
	if f.ah.han[i] {
		return nil, true
	}
	return f.ah.latin, false
}

// hanGlyphs returns the font's glyphs of the CJK module's scripts. The scan
// reads the cmap directly: its ~30,000 runes would only flush the rune
// cache of the text being laid out.
func (f *Font) hanGlyphs() map[GlyphIndex]bool {
	han := make(map[GlyphIndex]bool)
	for _, rg := range hanRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if g := f.lookupIndex(r); g != 0 {
				han[g] = true
			}
		}
	}
	return han
}

// measureBlues measures the zones from their sample letters. A zone none of
// whose letters the font has is left out; nil when there is no zone.
func (f *Font) measureBlues(sets []struct {
	chars        string
	top, xHeight bool
}) *autohintMetrics {
	m := &autohintMetrics{maxHeight: f.upem}
	var g truetype.GlyphBuf
	for _, set := range sets {
		var flat, round []float64
		for _, r := range set.chars {
			idx := f.index(r)
			if idx == 0 || g.Load(f.tt, f.unitScale, truetype.Index(idx), font.HintingNone) != nil || len(g.Points) == 0 {
				continue
			}
			best := extremePoint(g.Points, g.Ends, set.top)
			if best < 0 {
				continue
			}
			m.maxHeight = math.Max(m.maxHeight, drawnHeight(g.Points, g.Ends))
			y := float64(g.Points[best].Y)
			isRound := f.blueRound(&g, best)
			if isRound {
				round = append(round, y)
			} else {
				flat = append(flat, y)
			}
		}
		if len(flat)+len(round) == 0 {
			continue
		}
		z := blueZone{top: set.top, xHeight: set.xHeight}
		z.ref, z.shoot = zoneMedians(flat, round)
		// An overshoot on the wrong side of the reference means none.
		if set.top && z.shoot < z.ref || !set.top && z.shoot > z.ref {
			z.ref = (z.ref + z.shoot) / 2
			z.shoot = z.ref
		}
		m.blues = append(m.blues, z)
	}
	if len(m.blues) == 0 {
		return nil
	}
	return m
}

// extremePoint returns the index of the outline's highest point (lowest
// unless top), -1 when it has none. One-point contours are skipped, as in
// FreeType: they are never drawn.
func extremePoint(pts []truetype.Point, ends []int, top bool) int {
	best := -1
	eachContour(ends, len(pts), func(start, end int) {
		if end-start < 2 {
			return
		}
		for j := start; j < end; j++ {
			if best < 0 || top && pts[j].Y > pts[best].Y || !top && pts[j].Y < pts[best].Y {
				best = j
			}
		}
	})
	return best
}

// drawnHeight is the largest distance from the baseline of the outline's
// points, one-point contours skipped as in extremePoint.
func drawnHeight(pts []truetype.Point, ends []int) float64 {
	h := 0.0
	eachContour(ends, len(pts), func(start, end int) {
		if end-start < 2 {
			return
		}
		for _, p := range pts[start:end] {
			h = math.Max(h, math.Abs(float64(p.Y)))
		}
	})
	return h
}

// zoneMedians returns the medians of a zone's reference and overshoot
// heights; when only one kind was measured its median stands for both.
func zoneMedians(ref, shoot []float64) (float64, float64) {
	switch {
	case len(shoot) == 0:
		r := median(ref)
		return r, r
	case len(ref) == 0:
		s := median(shoot)
		return s, s
	}
	return median(ref), median(shoot)
}

// median is the middle value (the upper one of an even count).
func median(v []float64) float64 {
	w := append([]float64(nil), v...)
	sort.Float64s(w)
	return w[len(w)/2]
}

// blueRound tells whether the outline is round at extreme point best: the
// run of points around it at about its height (within 5 units, or at a
// slope under about 3 degrees) starts or ends off-curve, and its on-curve
// points span at most 1/14 em.
func (f *Font) blueRound(g *truetype.GlyphBuf, best int) bool {
	start, end := contourOf(g.Ends, best)
	p0 := g.Points[best]
	near := func(j int) bool {
		d := math.Abs(float64(g.Points[j].Y - p0.Y))
		return d <= 5 || math.Abs(float64(g.Points[j].X-p0.X)) > 20*d
	}
	on := func(j int) bool { return g.Points[j].Flags&1 != 0 }
	first, last := best, best
	minOn, maxOn := math.Inf(1), math.Inf(-1)
	addOn := func(j int) {
		if on(j) {
			x := float64(g.Points[j].X)
			minOn, maxOn = math.Min(minOn, x), math.Max(maxOn, x)
		}
	}
	addOn(best)
	for j := prevIn(start, end, best); j != best && near(j); j = prevIn(start, end, j) {
		first = j
		addOn(j)
	}
	for j := nextIn(start, end, best); j != best && near(j); j = nextIn(start, end, j) {
		last = j
		addOn(j)
	}
	if maxOn-minOn > f.upem/14 {
		return false
	}
	return !on(first) || !on(last)
}

// contourOf returns the [start, end) point range of the contour holding j.
func contourOf(ends []int, j int) (int, int) {
	start := 0
	for k, e := range ends {
		if j < e || k == len(ends)-1 { // past the end (no caller asks): the last contour
			return start, e
		}
		start = e
	}
	return 0, 0
}

func prevIn(start, end, j int) int {
	if j == start {
		return end - 1
	}
	return j - 1
}

func nextIn(start, end, j int) int {
	if j+1 == end {
		return start
	}
	return j + 1
}

// fitBlue is a zone at one size, in px (y up).
type fitBlue struct {
	blueZone
	refPx, shootPx   float64 // scaled
	refFit, shootFit float64 // snapped
	active           bool
}

// ahScale returns the vertical scale (px per font unit) the light
// autohinter uses at ppem: the nominal one, adjusted so the x-height
// overshoot lands on a whole pixel (FreeType rounds it up from 0.375 px),
// unless that would move the tallest letters by 2 px or more.
func (m *autohintMetrics) ahScale(ppem, upem float64) float64 {
	scale := ppem / upem
	for _, b := range m.blues {
		if !b.xHeight {
			continue
		}
		scaled := math.Round(b.shoot * scale * 64) // 26.6
		fitted := math.Floor((scaled+40)/64) * 64
		if scaled != fitted && scaled > 0 {
			ns := scale * fitted / scaled
			if math.Abs(m.maxHeight*(ns-scale)) < 2 {
				scale = ns
			}
		}
		break
	}
	return scale
}

// fitBlues scales and snaps the zones.
func (m *autohintMetrics) fitBlues(scale float64) []fitBlue {
	out := make([]fitBlue, len(m.blues))
	for i, b := range m.blues {
		fb := fitBlue{blueZone: b, refPx: b.ref * scale, shootPx: b.shoot * scale}
		fb.refFit, fb.shootFit = fb.refPx, fb.shootPx
		// Only zones under 3/4 px tall are active.
		if d := (b.ref - b.shoot) * scale; math.Abs(d) <= 0.75 {
			ad := math.Abs(d)
			switch {
			case ad < 0.5:
				ad = 0
			case ad < 0.75:
				ad = 0.5
			default:
				ad = 1
			}
			if d < 0 {
				ad = -ad
			}
			fb.refFit = math.Round(fb.refPx)
			fb.shootFit = fb.refFit - ad
			fb.active = true
		}
		out[i] = fb
	}
	return out
}

// Outline analysis.

type ahSegment struct {
	first, last int     // point indices, along the contour
	pos         float64 // y, font units
	minX, maxX  float64
	up          bool // ink below the segment (its top side)
	round       bool
	link, serif *ahSegment
	score       float64
	len         float64 // overlap with link (CJK rules)
	edge        *ahEdge
}

type ahEdge struct {
	fpos        float64 // font units
	opos, pos   float64 // px: scaled, fitted
	up, round   bool
	segs        []*ahSegment
	link, serif *ahEdge
	blue        *float64 // the fitted zone position it snaps to
	done        bool
}

// autohintVertically replaces the y of every point in f.buf (unhinted,
// font units) with its position after light autohinting at ppem px per
// em, converted back to font units; ideographs and kana have their x
// hinted too when xppem, the horizontal px per em, is the same (a
// stretched glyph keeps its exact x). It reports false, changing nothing,
// when the font has no zones for the glyph's script.
func (f *Font) autohintVertically(i GlyphIndex, ppem, xppem float64) bool {
	m, cjk := f.autohintFor(i)
	pts, ends := f.buf.Points, f.buf.Ends
	if len(pts) == 0 || ppem <= 0 {
		return false
	}
	if cjk {
		if f.ah.cjk == nil {
			f.ah.cjk = f.measureCJK()
		}
		f.cjkHint(f.ah.cjk, ppem, math.Abs(xppem-ppem) < 1.0/64)
		return true
	}
	if m == nil {
		return false
	}
	scale := m.ahScale(ppem, f.upem)
	blues := m.fitBlues(scale)
	ys := ahHint(pts, ends, f.upem, scale, blues)
	f.setHintedY(ppem, func(j int) float64 { return ys[j] })
	return true
}

// ahHint returns each point's hinted y in px.
func ahHint(pts []truetype.Point, ends []int, upem, scale float64, blues []fitBlue) []float64 {
	segs := ahSegments(pts, ends, upem)
	ahLinkSegments(segs, upem)
	edges := ahEdges(segs, scale)
	ahSnapBlues(edges, blues, upem, scale)
	ahFitEdges(edges)
	return ahFitPoints(pts, ends, edges, scale, false)
}

// eachContour calls fn with the [start, end) point range of every contour
// (stopping at a malformed end).
func eachContour(ends []int, n int, fn func(start, end int)) {
	start := 0
	for _, e := range ends {
		if e > n || e <= start {
			return
		}
		fn(start, e)
		start = e
	}
}

// ahFlipped reports the outline's orientation: TrueType puts ink right of
// the direction of travel (clockwise outer contours); true for the other
// convention.
func ahFlipped(pts []truetype.Point, ends []int) bool {
	area := 0.0
	eachContour(ends, len(pts), func(start, e int) {
		for j := start; j < e; j++ {
			k := nextIn(start, e, j)
			area += float64(pts[j].X)*float64(pts[k].Y) - float64(pts[k].X)*float64(pts[j].Y)
		}
	})
	return area > 0
}

// ahDirections is the direction of travel from each point to the next:
// +1 right, -1 left for near-horizontal steps (|dx| > 14 |dy|), 0
// otherwise.
func ahDirections(pts []truetype.Point, ends []int) []int {
	dir := make([]int, len(pts))
	eachContour(ends, len(pts), func(start, e int) {
		for j := start; j < e; j++ {
			k := nextIn(start, e, j)
			dx, dy := float64(pts[k].X-pts[j].X), float64(pts[k].Y-pts[j].Y)
			if math.Abs(dx) > 14*math.Abs(dy) && dx != 0 {
				if dx > 0 {
					dir[j] = 1
				} else {
					dir[j] = -1
				}
			}
		}
	})
	return dir
}

// ahSegments finds the segments: maximal runs of steps in one horizontal
// direction.
func ahSegments(pts []truetype.Point, ends []int, upem float64) []*ahSegment {
	flip, dir := ahFlipped(pts, ends), ahDirections(pts, ends)
	flatThreshold := upem / 14
	var segs []*ahSegment
	eachContour(ends, len(pts), func(start, e int) {
		// Begin at a point whose incoming step is not the same run.
		begin := -1
		for j := start; j < e; j++ {
			if dir[prevIn(start, e, j)] != dir[j] {
				begin = j
				break
			}
		}
		if begin < 0 { // the whole contour runs one way: degenerate
			return
		}
		l := e - start
		at := func(t int) int { return start + (begin-start+t)%l }
		for t := 0; t < l; t++ {
			j := at(t)
			d := dir[j]
			if d == 0 || (t > 0 && dir[at(t-1)] == d) {
				continue
			}
			// The run of steps t, t+1, ... in direction d covers their
			// points and the one the last step ends on.
			m := t
			for m+1 < l && dir[at(m+1)] == d {
				m++
			}
			s := &ahSegment{first: j, last: at(m + 1), minX: math.Inf(1), maxX: math.Inf(-1), score: math.Inf(1)}
			minY, maxY := math.Inf(1), math.Inf(-1)
			minOn, maxOn := math.Inf(1), math.Inf(-1)
			var minXPt, maxXPt int
			for u := t; u <= m+1; u++ {
				k := at(u)
				y, x := float64(pts[k].Y), float64(pts[k].X)
				minY, maxY = math.Min(minY, y), math.Max(maxY, y)
				if x < s.minX {
					s.minX, minXPt = x, k
				}
				if x > s.maxX {
					s.maxX, maxXPt = x, k
				}
				if pts[k].Flags&1 != 0 {
					minOn, maxOn = math.Min(minOn, x), math.Max(maxOn, x)
				}
			}
			s.pos = (minY + maxY) / 2
			s.up = (d > 0) != flip
			if (pts[minXPt].Flags&1 == 0 || pts[maxXPt].Flags&1 == 0) && !(maxOn-minOn >= flatThreshold) {
				s.round = true
			}
			segs = append(segs, s)
		}
	})
	return segs
}

// ahLinkSegments links segments into stems: a bottom-of-ink segment with
// a top-of-ink one above it that overlaps it, scoring distance plus a
// penalty for short overlaps; only mutual best pairs are stems, the others
// serifs.
func ahLinkSegments(segs []*ahSegment, upem float64) {
	lenThreshold := 8 * upem / 2048
	lenScore := 6000 * upem / 2048
	for _, s1 := range segs {
		if s1.up {
			continue
		}
		for _, s2 := range segs {
			if !s2.up || s2.pos <= s1.pos {
				continue
			}
			overlap := math.Min(s1.maxX, s2.maxX) - math.Max(s1.minX, s2.minX)
			if overlap < lenThreshold {
				continue
			}
			score := s2.pos - s1.pos + lenScore/overlap
			if score < s1.score {
				s1.score, s1.link = score, s2
			}
			if score < s2.score {
				s2.score, s2.link = score, s1
			}
		}
	}
	for _, s := range segs {
		if s.link != nil && s.link.link != s {
			s.serif = s.link.link
			s.link = nil
		}
	}
}

// ahEdges groups segments of one direction within 1/4 px of each other
// into edges, sorted by position, with their links, serifs and roundness.
func ahEdges(segs []*ahSegment, scale float64) []*ahEdge {
	sort.SliceStable(segs, func(a, b int) bool { return segs[a].pos < segs[b].pos })
	threshold := 0.25 / scale
	var edges []*ahEdge
	for _, s := range segs {
		var found *ahEdge
		for _, e := range edges {
			if e.up == s.up && math.Abs(s.pos-e.fpos) < threshold {
				found = e
				break
			}
		}
		if found == nil {
			found = &ahEdge{fpos: s.pos, up: s.up}
			edges = append(edges, found)
		}
		found.segs = append(found.segs, s)
		s.edge = found
	}
	sort.SliceStable(edges, func(a, b int) bool { return edges[a].fpos < edges[b].fpos })
	for _, e := range edges {
		rounds := 0
		for _, s := range e.segs {
			if s.round {
				rounds++
			}
			if e.link == nil && s.link != nil {
				e.link = s.link.edge
			}
			if e.serif == nil && s.serif != nil {
				e.serif = s.serif.edge
			}
		}
		e.round = 2*rounds > len(e.segs)
		e.opos = e.fpos * scale
		e.pos = e.opos
		if e.link == e {
			e.link = nil
		}
	}
	return edges
}

// ahSnapBlues gives each edge the closest zone within 1/40 em (at most
// 1/2 px); round edges beyond the reference may take the overshoot
// instead.
func ahSnapBlues(edges []*ahEdge, blues []fitBlue, upem, scale float64) {
	best0 := math.Min(upem/40*scale, 0.5)
	for _, e := range edges {
		best := best0
		for bi := range blues {
			b := &blues[bi]
			if !b.active || b.top != e.up {
				continue
			}
			if d := math.Abs(e.opos - b.refPx); d < best {
				best, e.blue = d, &b.refFit
			}
			if e.round && e.opos != b.refPx && (e.opos > b.refPx) == b.top {
				if d := math.Abs(e.opos - b.shootPx); d < best {
					best, e.blue = d, &b.shootFit
				}
			}
		}
	}
}

// ahFitPoints moves the points after the fitted edges: points on an edge
// take its position (or, with shift, move as far as it), other on-curve
// points are linear between the edges around them, and the rest follow by IUP along each contour.
func ahFitPoints(pts []truetype.Point, ends []int, edges []*ahEdge, scale float64, shift bool) []float64 {
	n := len(pts)
	y := make([]float64, n)
	touched := make([]bool, n)
	for j := range pts {
		y[j] = float64(pts[j].Y) * scale
	}
	for _, e := range edges {
		for _, s := range e.segs {
			st, en := contourOf(ends, s.first)
			for k := s.first; ; k = nextIn(st, en, k) {
				y[k], touched[k] = e.pos, true
				if shift {
					y[k] = float64(pts[k].Y)*scale + e.pos - e.opos
				}
				if k == s.last {
					break
				}
			}
		}
	}
	if len(edges) > 0 {
		first, last := edges[0], edges[len(edges)-1]
		for j := range pts {
			if touched[j] || pts[j].Flags&1 == 0 {
				continue
			}
			u := float64(pts[j].Y) * scale
			switch {
			case u <= first.opos:
				y[j] = u + first.pos - first.opos
			case u >= last.opos:
				y[j] = u + last.pos - last.opos
			default:
				k := sort.Search(len(edges), func(k int) bool { return edges[k].opos >= u })
				a, b := edges[k-1], edges[k]
				if b.opos == u {
					y[j] = b.pos
				} else {
					y[j] = a.pos + (u-a.opos)*(b.pos-a.pos)/(b.opos-a.opos)
				}
			}
			touched[j] = true
		}
	}
	eachContour(ends, n, func(start, e int) {
		ahIUP(pts[start:e], y[start:e], touched[start:e], scale)
	})
	return y
}

// ahFitEdges places the edges (sorted by position), as FreeType's
// af_latin_hint_edges in light mode: zones first, then stems around a
// rounded centre keeping their height, then serifs and lone edges.
func ahFitEdges(edges []*ahEdge) {
	anchor := placeBlueEdges(edges)
	// centre returns where a stem of height l whose unhinted centre is c
	// goes: centre on a pixel's middle (l <= 1 px) or just off it (l < 1.5).
	centre := func(c, l float64) float64 {
		p := math.Round(c)
		u, d := 0.5, 0.5
		if l > 1 {
			u, d = 38.0/64, 26.0/64
		}
		if math.Abs(c-(p-u)) < math.Abs(c-(p+d)) {
			return p - u
		}
		return p + d
	}
	hasSerifs := false
	for idx, e := range edges {
		if e.done {
			continue
		}
		e2 := e.link
		if e2 == nil {
			hasSerifs = true
			continue
		}
		if e2.blue != nil {
			e.pos, e.done = e2.pos-(e2.opos-e.opos), true
			continue
		}
		l := e2.opos - e.opos
		if anchor == nil {
			if l < 1.5 {
				c := centre(e.opos+l/2, l)
				e.pos = c - l/2
			} else {
				e.pos = math.Round(e.opos)
			}
			e2.pos = e.pos + l
			anchor = e
			e.done, e2.done = true, true
			continue
		}
		org := anchor.pos + (e.opos - anchor.opos)
		orgCentre := org + l/2
		switch {
		case e2.done:
			e.pos = e2.pos - l
		case l < 1.5:
			c := centre(orgCentre, l)
			e.pos, e2.pos = c-l/2, c+l/2
		default:
			p1 := math.Round(org)
			p2 := math.Round(org+l) - l
			if math.Abs(p1+l/2-orgCentre) < math.Abs(p2+l/2-orgCentre) {
				e.pos = p1
			} else {
				e.pos = p2
			}
			e2.pos = e.pos + l
		}
		e.done, e2.done = true, true
		if idx > 0 && e.pos < edges[idx-1].pos && math.Abs(e2.pos-edges[idx-1].pos) > 0.25 {
			e.pos = edges[idx-1].pos
		}
	}
	if !hasSerifs && anchor != nil {
		return
	}
	for idx, e := range edges {
		if e.done {
			continue
		}
		switch {
		case e.serif != nil && e.serif.done && math.Abs(e.serif.opos-e.opos) < 1.25:
			e.pos = e.serif.pos + (e.opos - e.serif.opos)
		case anchor == nil:
			e.pos = math.Round(e.opos)
			anchor = e
		default:
			before, after := placedNeighbours(edges, idx)
			if before != nil && after != nil {
				if after.opos == before.opos {
					e.pos = before.pos
				} else {
					e.pos = before.pos + (e.opos-before.opos)*(after.pos-before.pos)/(after.opos-before.opos)
				}
			} else {
				e.pos = anchor.pos + math.Floor((e.opos-anchor.opos)*2+0.5)/2
			}
		}
		e.done = true
	}
}

// placeBlueEdges snaps the edges that have a zone to it, moving each one's
// stem partner by as much so that the stem keeps its height. It returns the
// first edge so placed, nil when none: the anchor that the stems placed
// next follow.
func placeBlueEdges(edges []*ahEdge) (anchor *ahEdge) {
	for _, e := range edges {
		if e.done {
			continue
		}
		e1, e2 := e, e.link
		if e1.blue == nil {
			if e2 == nil || e2.blue == nil {
				continue
			}
			e1, e2 = e2, e1
		}
		e1.pos, e1.done = *e1.blue, true
		if e2 != nil && e2.blue == nil {
			e2.pos, e2.done = e1.pos+(e2.opos-e1.opos), true
		}
		if anchor == nil {
			anchor = e
		}
	}
	return anchor
}

// placedNeighbours returns the nearest edges before and after edges[i]
// that are already placed, nil where there is none: a lone edge is
// interpolated between them.
func placedNeighbours(edges []*ahEdge, i int) (before, after *ahEdge) {
	for k := i - 1; k >= 0 && before == nil; k-- {
		if edges[k].done {
			before = edges[k]
		}
	}
	for k := i + 1; k < len(edges) && after == nil; k++ {
		if edges[k].done {
			after = edges[k]
		}
	}
	return before, after
}

// ahIUP moves the untouched points of one contour as TrueType's IUP does:
// between two touched neighbours (along the contour) linearly when inside
// their original span, else with the nearer one's shift.
func ahIUP(pts []truetype.Point, y []float64, touched []bool, scale float64) {
	n := len(pts)
	firstT := -1
	for j := 0; j < n; j++ {
		if touched[j] {
			firstT = j
			break
		}
	}
	if firstT < 0 {
		return
	}
	org := func(j int) float64 { return float64(pts[j].Y) * scale }
	a := firstT
	for {
		b := (a + 1) % n
		for !touched[b] {
			b = (b + 1) % n
		}
		for j := (a + 1) % n; j != b; j = (j + 1) % n {
			lo, hi := a, b
			if org(lo) > org(hi) {
				lo, hi = hi, lo
			}
			u := org(j)
			switch {
			case u <= org(lo):
				y[j] = u + y[lo] - org(lo)
			case u >= org(hi):
				y[j] = u + y[hi] - org(hi)
			default:
				y[j] = y[lo] + (u-org(lo))*(y[hi]-y[lo])/(org(hi)-org(lo))
			}
		}
		a = b
		if a == firstT {
			break
		}
	}
}
