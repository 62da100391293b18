package fonts

import (
	"math"
	"sort"
	"strings"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
)

// Ideographs and kana are hinted in the manner of FreeType's CJK autofit
// module, which Chromium's FreeType uses for them. Unlike the latin module
// it hints both axes, even in light mode, with the same outline analysis
// (segments, stems, edges; see autohint.go) but its own rules:
//
//   - Two zones only, the top and the bottom of the ideographs, measured
//     from sample ideographs; no scale adjustment.
//   - Stems pair each segment with the nearest opposite one that overlaps
//     it; when a short stem sits inside a longer, thicker one (a stroke
//     widening at its ends) the outer pair becomes serifs of the inner.
//   - Stems are not resized; each is moved by at most 14/64 px so that
//     both its sides land near pixel boundaries. Horizontally the first
//     stem's move is carried over to the others. A stem closer than 1 px
//     to the previous one is interpolated instead, so that dense strokes
//     do not merge.
//   - Points on edges move with their edge; the rest are interpolated as
//     in the latin path.

// cjkBlueChars are the sample ideographs of the top and bottom zones; those
// before the bar give the reference (the outer, filled squares), those
// after it the overshoot.
var cjkBlueChars = [2]string{
	"他们你來們到和地对對就席我时時會来為能舰說说这這齊|军同已愿既星是景民照现現理用置要軍那配里開雷露面顾",
	"个为人他以们你來個們到和大对對就我时時有来為要說说|主些因它想意理生當看着置者自著裡过还进進過道還里面",
}

// cjkStandardChars give the standard stem width (the first one present).
const cjkStandardChars = "田囗"

// cjkMetrics are a font's measurements for its ideographs.
type cjkMetrics struct {
	blues []blueZone // top then bottom, font units (ref is the outer line)
	// edgeDist is, per axis (0 x, 1 y), how close segments must be to make
	// one edge: a fifth of the standard stem width, font units.
	edgeDist [2]float64
}

// measureCJK measures the zones and standard stem widths.
func (f *Font) measureCJK() *cjkMetrics {
	m := &cjkMetrics{}
	var g truetype.GlyphBuf
	load := func(r rune) bool {
		idx := f.index(r)
		return idx != 0 && g.Load(f.tt, f.unitScale, truetype.Index(idx), font.HintingNone) == nil
	}
	for z, chars := range cjkBlueChars {
		top := z == 0
		var sets [2][]float64 // before and after the bar
		for k, part := range strings.Split(chars, "|") {
			for _, r := range part {
				if !load(r) || len(g.Points) <= 2 {
					continue
				}
				if j := extremePoint(g.Points, g.Ends, top); j >= 0 {
					sets[k] = append(sets[k], float64(g.Points[j].Y))
				}
			}
		}
		if len(sets[0])+len(sets[1]) == 0 {
			continue
		}
		b := blueZone{top: top}
		b.ref, b.shoot = zoneMedians(sets[0], sets[1])
		// The reference must be the outer line, else take the mean
		// (truncated, as FreeType's integer arithmetic does).
		if top != (b.shoot < b.ref) && b.shoot != b.ref {
			b.ref = math.Trunc((b.ref + b.shoot) / 2)
			b.shoot = b.ref
		}
		m.blues = append(m.blues, b)
	}
	// The narrowest stem of the standard character, per axis.
	for dim := range m.edgeDist {
		stdw := 50 * f.upem / 2048
		for _, r := range cjkStandardChars {
			if !load(r) || len(g.Points) == 0 {
				continue
			}
			segs := ahSegments(axisPoints(g.Points, dim == 0), g.Ends, f.upem)
			ahLinkSegments(segs, f.upem)
			w := math.Inf(1)
			for _, s := range segs {
				if s.link != nil && !s.up {
					w = math.Min(w, math.Abs(s.link.pos-s.pos))
				}
			}
			if !math.IsInf(w, 1) {
				stdw = w
			}
			break
		}
		m.edgeDist[dim] = stdw / 5
	}
	return m
}

// axisPoints returns the points with the coordinate to hint as y: as they
// are for the vertical axis, with x and y swapped for the horizontal one.
func axisPoints(pts []truetype.Point, horizontal bool) []truetype.Point {
	if !horizontal {
		return pts
	}
	t := make([]truetype.Point, len(pts))
	for j, p := range pts {
		t[j] = truetype.Point{X: p.Y, Y: p.X, Flags: p.Flags}
	}
	return t
}

// cjkBlue is a zone at one size: where edges near its reference or its
// overshoot go, px.
type cjkBlue struct {
	blueZone
	refFit, shootFit float64
}

// cjkHint hints f.buf (unhinted, font units) at ppem px per em, on both
// axes when hintX (the glyph is drawn at ppem across too).
func (f *Font) cjkHint(m *cjkMetrics, ppem float64, hintX bool) {
	scale := ppem / f.upem
	// Zones under 3/4 px tall are snapped: the reference to the pixel
	// grid, the overshoot a whole pixel beyond it or onto it.
	var blues []cjkBlue
	for _, b := range m.blues {
		if math.Abs(b.ref-b.shoot)*scale > 0.75 {
			continue
		}
		fb := cjkBlue{blueZone: b, refFit: math.Floor(b.ref*scale + 0.5)}
		d := fb.refFit/scale - b.shoot
		d2 := math.Abs(d) * scale
		if d2 < 0.5 {
			d2 = 0
		} else {
			d2 = math.Floor(d2 + 0.5)
		}
		fb.shootFit = fb.refFit - math.Copysign(d2, d)
		blues = append(blues, fb)
	}
	pts, ends := f.buf.Points, f.buf.Ends
	if hintX {
		xs := cjkHintAxis(axisPoints(pts, true), ends, f.upem, scale, m.edgeDist[0], nil)
		f.setHintedX(ppem, func(j int) float64 { return xs[j] })
	}
	ys := cjkHintAxis(pts, ends, f.upem, scale, m.edgeDist[1], blues)
	f.setHintedY(ppem, func(j int) float64 { return ys[j] })
}

// cjkHintAxis returns each point's hinted y in px (x for transposed
// points); blues is nil for the horizontal axis.
func cjkHintAxis(pts []truetype.Point, ends []int, upem, scale, edgeDist float64, blues []cjkBlue) []float64 {
	segs := ahSegments(pts, ends, upem)
	cjkLinkSegments(pts, ends, segs, upem, scale)
	edges := cjkEdges(segs, scale, edgeDist)
	// Edges within 1/40 em (at most 1/2 px) of a zone's reference or
	// overshoot, whichever is nearer, snap to it.
	best0 := math.Min(math.Trunc(upem/40)*scale, 0.5)
	for _, e := range edges {
		best := best0
		for i := range blues {
			b := &blues[i]
			if b.top != e.up {
				continue
			}
			line, fit := b.ref, &b.refFit
			if math.Abs(e.fpos-b.ref) > math.Abs(e.fpos-b.shoot) {
				line, fit = b.shoot, &b.shootFit
			}
			if d := math.Abs(e.fpos-line) * scale; d < best {
				best, e.blue = d, fit
			}
		}
	}
	cjkFitEdges(edges, blues == nil)
	return ahFitPoints(pts, ends, edges, scale, true)
}

// cjkLinkSegments pairs segments into stems (nearest opposite segment
// above with enough overlap, preferring longer overlaps among near-equal
// distances), turns the ends of widened strokes into serifs, and makes
// one-sided links serifs.
func cjkLinkSegments(pts []truetype.Point, ends []int, segs []*ahSegment, upem, scale float64) {
	// A segment is round unless two successive points of it are on-curve.
	for _, s := range segs {
		st, en := contourOf(ends, s.first)
		s.round = true
		for k := s.first; k != s.last; {
			n := nextIn(st, en, k)
			if pts[k].Flags&1 != 0 && pts[n].Flags&1 != 0 {
				s.round = false
				break
			}
			k = n
		}
	}
	lenThreshold := math.Trunc(8 * upem / 2048)
	distThreshold := 3 / scale
	better := func(s *ahSegment, dist, l float64) bool {
		return dist*8 < s.score*9 && (dist*8 < s.score*7 || s.len < l)
	}
	for _, s1 := range segs {
		if s1.up {
			continue
		}
		for _, s2 := range segs {
			dist := s2.pos - s1.pos
			if !s2.up || dist < 0 {
				continue
			}
			l := math.Min(s1.maxX, s2.maxX) - math.Max(s1.minX, s2.minX)
			if l < lenThreshold {
				continue
			}
			if better(s1, dist, l) {
				s1.score, s1.len, s1.link = dist, l, s2
			}
			if better(s2, dist, l) {
				s2.score, s2.len, s2.link = dist, l, s1
			}
		}
	}
	// A thin stem s1-l1 inside a thicker one s2-l2 around it: if s1's is
	// much longer, the outer pair become its serifs, else s1 is no stem.
	for _, s1 := range segs {
		l1 := s1.link
		if l1 == nil || l1.link != s1 || l1.pos <= s1.pos || s1.score >= distThreshold {
			continue
		}
		for _, s2 := range segs {
			if s2.pos > s1.pos || s1 == s2 {
				continue
			}
			l2 := s2.link
			if l2 == nil || l2.link != s2 || l2.pos < l1.pos ||
				s1.pos == s2.pos && l1.pos == l2.pos ||
				s2.score <= s1.score || s1.score*4 <= s2.score {
				continue
			}
			if s1.len >= s2.len*3 {
				for _, s := range segs {
					switch s.link {
					case s2:
						s.link, s.serif = nil, l1
					case l2:
						s.link, s.serif = nil, s1
					}
				}
			} else {
				s1.link, l1.link = nil, nil
				break
			}
		}
	}
	for _, s := range segs {
		if s2 := s.link; s2 != nil && s2.link != s {
			s.link = nil
			if s2.score < distThreshold || s.score < s2.score*4 {
				s.serif = s2.link
			}
		}
	}
}

// cjkEdges groups segments of one direction into edges (within edgeDist,
// at most 1/4 px, and only when their stems' other sides are as close),
// sorted by position, with their links, serifs and roundness.
func cjkEdges(segs []*ahSegment, scale, edgeDist float64) []*ahEdge {
	if edgeDist*scale > 0.25 {
		edgeDist = 0.25 / scale
	}
	var edges []*ahEdge
	for _, s := range segs {
		var found *ahEdge
		best := math.Inf(1)
		for _, e := range edges {
			d := math.Abs(s.pos - e.fpos)
			if e.up != s.up || d >= edgeDist || d >= best {
				continue
			}
			fits := true
			for _, s1 := range e.segs {
				if s.link != nil && s1.link != nil && math.Abs(s.link.pos-s1.link.pos) >= edgeDist {
					fits = false
					break
				}
			}
			if fits {
				best, found = d, e
			}
		}
		if found == nil {
			found = &ahEdge{fpos: s.pos, up: s.up}
			edges = append(edges, found)
		}
		found.segs = append(found.segs, s)
		s.edge = found
	}
	// By position; at one position the top (right) sides first.
	sort.SliceStable(edges, func(a, b int) bool {
		if edges[a].fpos != edges[b].fpos {
			return edges[a].fpos < edges[b].fpos
		}
		return edges[a].up && !edges[b].up
	})
	for _, e := range edges {
		e.opos = math.Round(e.fpos*scale*64) / 64
		e.pos = e.opos
		rounds := 0
		for _, s := range e.segs {
			if s.round {
				rounds++
			}
			serif := s.serif != nil && s.serif.edge != e
			if s.link == nil && !serif {
				continue
			}
			e2, s2 := e.link, s.link
			if serif {
				e2, s2 = e.serif, s.serif
			}
			// The segment's own partner's edge when nearer.
			if e2 == nil || math.Abs(s.pos-s2.pos) < math.Abs(e.fpos-e2.fpos) {
				e2 = s2.edge
			}
			if serif {
				e.serif = e2
			} else {
				e.link = e2
			}
		}
		e.round = rounds > 0 && 2*rounds >= len(e.segs)
		if e.link != nil {
			e.serif = nil
		}
	}
	return edges
}

// cjkFitEdges places the edges: those in zones (and their stems' other
// sides, keeping the height), then the stems, then the m-like symmetry of
// three evenly spaced stems, then serifs with their base and the rest
// interpolated between placed edges.
func cjkFitEdges(edges []*ahEdge, horizontal bool) {
	index := make(map[*ahEdge]int, len(edges))
	for i, e := range edges {
		index[e] = i
	}
	anchor := placeBlueEdges(edges)
	var delta float64
	last := math.Inf(-1) // the top of the last stem placed
	for i, e := range edges {
		e2 := e.link
		if e.done || e2 == nil || e.pos < last+1 || e2.pos < last+1 {
			continue
		}
		switch {
		case e2.blue != nil:
			e.pos, e.done = e2.pos+e.opos-e2.opos, true
			continue
		case index[e2] < i:
			e.pos, e.done = e2.pos+e.opos-e2.opos, true
			last = e.pos
			continue
		case horizontal && anchor == nil:
			delta = cjkStem(e, e2, 0, horizontal)
		default:
			cjkStem(e, e2, delta, horizontal)
		}
		anchor = e
		e.done, e2.done = true, true
		last = e2.pos
	}
	if n := len(edges); horizontal && (n == 6 || n == 12) {
		i1, i2, i3 := 0, 2, 4
		if n == 12 {
			i1, i2, i3 = 1, 5, 9
		}
		e1, e2, e3 := edges[i1], edges[i2], edges[i3]
		if e1.link == edges[i1+1] && e2.link == edges[i2+1] && e3.link == edges[i3+1] &&
			math.Abs((e2.opos-e1.opos)-(e3.opos-e2.opos)) < 8.0/64 {
			d := e3.pos - (2*e2.pos - e1.pos)
			e3.pos -= d
			e3.link.pos -= d
			if n == 12 {
				edges[8].pos -= d
				edges[11].pos -= d
			}
			e3.done, e3.link.done = true, true
		}
	}
	for _, e := range edges {
		if !e.done && e.serif != nil {
			e.pos, e.done = e.serif.pos+e.opos-e.serif.opos, true
		}
	}
	for i, e := range edges {
		if e.done {
			continue
		}
		before, after := placedNeighbours(edges, i)
		switch {
		case before == nil && after == nil:
		case before == nil:
			e.pos = after.pos + e.opos - after.opos
		case after == nil:
			e.pos = before.pos + e.opos - before.opos
		case after.fpos == before.fpos:
			e.pos = before.pos
		default:
			e.pos = before.pos + (e.fpos-before.fpos)*(after.pos-before.pos)/(after.fpos-before.fpos)
		}
	}
}

// cjkStem places the stem e-e2 (e below) keeping its height: centred as
// unhinted (plus anchor px), then moved by at most 14/64 px so that both
// sides land within a small gap of pixel boundaries. It returns the move.
// The arithmetic is FreeType's, in 1/64 px.
func cjkStem(e, e2 *ahEdge, anchor float64, horizontal bool) float64 {
	gap := int64(9) // the largest gap allowed, 1/64 px
	if horizontal {
		gap = 15
	}
	if !e.round || !e2.round {
		gap /= 3
	}
	threshold := 64 - gap
	p64 := func(v float64) int64 { return int64(math.Round(v * 64)) }
	o1, o2 := p64(e.opos), p64(e2.opos)
	l := o2 - o1
	pos1 := (o1+o2)/2 + p64(anchor) - l/2
	pos2 := pos1 + l
	d1, d2 := pos1-pos1&^63, pos2-pos2&^63
	u1, u2 := 64-d1, 64-d2
	delta := int64(0)
	switch {
	case d1 == 0 || d2 == 0:
	case l <= threshold:
		if d2 < l {
			if u1 <= d2 {
				delta = u1
			} else {
				delta = -d2
			}
		}
	case d1 >= threshold || u1 >= threshold || d2 >= threshold || u2 >= threshold:
	default:
		offset := l & 63
		if offset < 32 {
			if u1 <= offset || d2 <= offset {
				break
			}
		} else {
			offset = 64 - threshold
		}
		d1, u1 = threshold-u1, u1-offset
		u2, d2 = threshold-d2, d2-offset
		if d1 <= u1 {
			u1 = -d1
		}
		if d2 <= u2 {
			u2 = -d2
		}
		delta = u2
		if abs64(u1) <= abs64(u2) {
			delta = u1
		}
	}
	delta = max(-14, min(14, delta))
	e.pos = float64(pos1+delta) / 64
	e2.pos = float64(pos1+delta+l) / 64
	return float64(delta) / 64
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
