package gl

import "testing"

// A dash pattern far finer than the line is long is given up, and the line
// drawn whole, as Skia does; a coarser one dashes.
func TestDashPiecesGiveUpOnTooManyDashes(t *testing.T) {
	line := []point{{0, 0}, {2e6, 0}}
	if got := dashPieces(line, false, []float64{1, 1}, 0); len(got) != 1 || len(got[0].pts) != 2 || got[0].pts[1] != line[1] {
		t.Errorf("a million dashes: got %d pieces, want the whole line", len(got))
	}
	short := []point{{0, 0}, {100, 0}}
	if got := dashPieces(short, false, []float64{10, 10}, 0); len(got) != 5 {
		t.Errorf("100 px dashed 10 on, 10 off: got %d pieces, want 5", len(got))
	}
}
