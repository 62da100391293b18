package fonts

// skyline packs rectangles into a w×h page with the bottom-left skyline
// heuristic: the page's used area is kept as a staircase of segments, and
// each rectangle goes where its bottom edge ends up lowest (y grows down, so
// "lowest" is the smallest y+h), ties going to the narrowest segment. It
// suits glyphs well: similar heights, placed in arrival order, never freed.
type skyline struct {
	w, h  int
	nodes []skyNode // sorted by x, covering [0, w) without gaps
}

// skyNode is a horizontal segment of the skyline: [x, x+w) is used down to y.
type skyNode struct{ x, y, w int }

func newSkyline(w, h int) *skyline {
	s := &skyline{w: w, h: h}
	s.reset()
	return s
}

func (s *skyline) reset() {
	s.nodes = append(s.nodes[:0], skyNode{0, 0, s.w})
}

// insert finds room for a w×h rectangle and returns its top-left corner.
func (s *skyline) insert(w, h int) (x, y int, ok bool) {
	if w <= 0 || h <= 0 || w > s.w || h > s.h {
		return 0, 0, false
	}
	best, bestBottom, bestWidth := -1, 0, 0
	for i := range s.nodes {
		y, fits := s.fit(i, w, h)
		if !fits {
			continue
		}
		if bottom := y + h; best < 0 || bottom < bestBottom ||
			bottom == bestBottom && s.nodes[i].w < bestWidth {
			best, bestBottom, bestWidth = i, bottom, s.nodes[i].w
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	x, y = s.nodes[best].x, bestBottom-h
	s.place(best, x, bestBottom, w)
	return x, y, true
}

// fit returns the y at which a w×h rectangle starting at node i would rest:
// the deepest segment it spans.
func (s *skyline) fit(i, w, h int) (int, bool) {
	x := s.nodes[i].x
	if x+w > s.w {
		return 0, false
	}
	y := 0
	for left := w; left > 0; i++ {
		y = max(y, s.nodes[i].y)
		if y+h > s.h {
			return 0, false
		}
		left -= s.nodes[i].w
	}
	return y, true
}

// place adds the segment [x, x+w) at depth y before node i and trims the
// segments it now covers.
func (s *skyline) place(i, x, y, w int) {
	s.nodes = append(s.nodes, skyNode{})
	copy(s.nodes[i+1:], s.nodes[i:])
	s.nodes[i] = skyNode{x, y, w}

	end := x + w
	for j := i + 1; j < len(s.nodes); {
		n := &s.nodes[j]
		if n.x >= end {
			break
		}
		if n.x+n.w <= end { // wholly covered
			s.nodes = append(s.nodes[:j], s.nodes[j+1:]...)
			continue
		}
		n.w -= end - n.x
		n.x = end
		break
	}
	// Merge neighbours at the same depth, so the list stays short.
	for j := 0; j+1 < len(s.nodes); {
		if s.nodes[j].y == s.nodes[j+1].y {
			s.nodes[j].w += s.nodes[j+1].w
			s.nodes = append(s.nodes[:j+1], s.nodes[j+2:]...)
			continue
		}
		j++
	}
}
