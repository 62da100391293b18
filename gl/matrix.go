package gl

import "math"

// Matrix is a 2D affine transform as Canvas 2D defines it:
// x' = A*x + C*y + E, y' = B*x + D*y + F.
type Matrix struct{ A, B, C, D, E, F float64 }

// Identity is the transform of a fresh context.
var Identity = Matrix{A: 1, D: 1}

// Apply maps a point.
func (m Matrix) Apply(x, y float64) (float64, float64) {
	return m.A*x + m.C*y + m.E, m.B*x + m.D*y + m.F
}

// Mul returns m × n: n is applied first, as ctx.transform(n) does.
func (m Matrix) Mul(n Matrix) Matrix {
	return Matrix{
		A: m.A*n.A + m.C*n.B,
		B: m.B*n.A + m.D*n.B,
		C: m.A*n.C + m.C*n.D,
		D: m.B*n.C + m.D*n.D,
		E: m.A*n.E + m.C*n.F + m.E,
		F: m.B*n.E + m.D*n.F + m.F,
	}
}

// Invert returns the inverse and false when m is singular.
func (m Matrix) Invert() (Matrix, bool) {
	det := m.A*m.D - m.B*m.C
	if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
		return Matrix{}, false
	}
	return Matrix{
		A: m.D / det, B: -m.B / det, C: -m.C / det, D: m.A / det,
		E: (m.C*m.F - m.D*m.E) / det, F: (m.B*m.E - m.A*m.F) / det,
	}, true
}

// Scale is how much m enlarges lengths (the geometric mean of its axes),
// used to rasterize text and flatten curves at device resolution.
func (m Matrix) Scale() float64 {
	return math.Sqrt(math.Abs(m.A*m.D - m.B*m.C))
}

// IsSimilarity reports whether m keeps shapes (rotation, uniform scale,
// reflection, translation), so circles stay circles.
func (m Matrix) IsSimilarity() bool {
	a, c := m.A*m.A+m.B*m.B, m.C*m.C+m.D*m.D
	const eps = 1e-9
	return math.Abs(a-c) <= eps*a && math.Abs(m.A*m.C+m.B*m.D) <= eps*a
}

// IsAxisAligned reports whether m maps rectangles to unrotated rectangles.
func (m Matrix) IsAxisAligned() bool { return m.B == 0 && m.C == 0 }

func (m Matrix) finite() bool {
	return finite(m.A) && finite(m.B) && finite(m.C) && finite(m.D) && finite(m.E) && finite(m.F)
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func allFinite(fs ...float64) bool {
	for _, f := range fs {
		if !finite(f) {
			return false
		}
	}
	return true
}
