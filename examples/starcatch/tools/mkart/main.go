// Command mkart draws the Star Catch art procedurally and writes
//
//	images/sprites.png  RGBA sprite sheet (star, bonus star, hearts, particle, basket)
//	images/bg.jpg       night-sky background
//
// Shapes are anti-aliased by supersampling: every shape is rasterised with
// hard edges at SS×SS sub-pixels per pixel and the result is box-filtered
// down. Only the standard library is used.
//
// Usage (from examples/starcatch):
//
//	go run ./tools/mkart            # writes ./images/
//	go run ./tools/mkart -o /tmp/x  # writes elsewhere
//
// The output is deterministic; the sprite frame rectangles below must match
// js/sprites/index.js.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
)

// SS is the supersampling factor per axis.
const SS = 4

// rgba is a straight (non-premultiplied) colour with components in [0,1].
type rgba struct{ r, g, b, a float64 }

func hex(s string, a float64) rgba {
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		panic(err)
	}
	return rgba{float64(r) / 255, float64(g) / 255, float64(b) / 255, a}
}

func mix(c1, c2 rgba, t float64) rgba {
	t = clamp01(t)
	return rgba{
		c1.r + (c2.r-c1.r)*t,
		c1.g + (c2.g-c1.g)*t,
		c1.b + (c2.b-c1.b)*t,
		c1.a + (c2.a-c1.a)*t,
	}
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

// surface is a premultiplied float RGBA buffer at SS× resolution.
type surface struct {
	w, h int // size in output pixels
	px   []float64
}

func newSurface(w, h int) *surface {
	return &surface{w: w, h: h, px: make([]float64, w*SS*h*SS*4)}
}

// paint composites col(x,y) "over" the surface wherever inside(x,y) is true,
// for sub-samples inside the pixel rectangle [x0,x1)×[y0,y1). Coordinates
// passed to the callbacks are in output-pixel units (sub-sample centres).
func (s *surface) paint(x0, y0, x1, y1 int, inside func(x, y float64) bool, col func(x, y float64) rgba) {
	x0, y0 = max(x0, 0), max(y0, 0)
	x1, y1 = min(x1, s.w), min(y1, s.h)
	sw := s.w * SS
	for sy := y0 * SS; sy < y1*SS; sy++ {
		y := (float64(sy) + 0.5) / SS
		for sx := x0 * SS; sx < x1*SS; sx++ {
			x := (float64(sx) + 0.5) / SS
			if !inside(x, y) {
				continue
			}
			c := col(x, y)
			if c.a <= 0 {
				continue
			}
			i := (sy*sw + sx) * 4
			k := 1 - c.a
			s.px[i+0] = c.r*c.a + s.px[i+0]*k
			s.px[i+1] = c.g*c.a + s.px[i+1]*k
			s.px[i+2] = c.b*c.a + s.px[i+2]*k
			s.px[i+3] = c.a + s.px[i+3]*k
		}
	}
}

// resolve box-filters the surface into a straight-alpha image.
func (s *surface) resolve() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, s.w, s.h))
	sw := s.w * SS
	for y := 0; y < s.h; y++ {
		for x := 0; x < s.w; x++ {
			var acc [4]float64
			for j := 0; j < SS; j++ {
				for i := 0; i < SS; i++ {
					p := ((y*SS+j)*sw + x*SS + i) * 4
					for c := 0; c < 4; c++ {
						acc[c] += s.px[p+c]
					}
				}
			}
			n := float64(SS * SS)
			a := acc[3] / n
			o := img.PixOffset(x, y)
			if a <= 1e-6 {
				continue // fully transparent: keep 0,0,0,0
			}
			img.Pix[o+0] = to8(acc[0] / n / a)
			img.Pix[o+1] = to8(acc[1] / n / a)
			img.Pix[o+2] = to8(acc[2] / n / a)
			img.Pix[o+3] = to8(a)
		}
	}
	return img
}

func to8(v float64) uint8 { return uint8(math.Round(clamp01(v) * 255)) }

// ---------------------------------------------------------------- geometry

type pt struct{ x, y float64 }

// sdPolygon is the signed distance from p to a closed polygon (negative inside).
func sdPolygon(p pt, poly []pt) float64 {
	d := math.Inf(1)
	inside := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[j], poly[i]
		ex, ey := b.x-a.x, b.y-a.y
		wx, wy := p.x-a.x, p.y-a.y
		t := clamp01((wx*ex + wy*ey) / (ex*ex + ey*ey))
		dx, dy := wx-ex*t, wy-ey*t
		d = math.Min(d, math.Hypot(dx, dy))
		if (a.y > p.y) != (b.y > p.y) && p.x < (b.x-a.x)*(p.y-a.y)/(b.y-a.y)+a.x {
			inside = !inside
		}
	}
	if inside {
		return -d
	}
	return d
}

func starPoly(cx, cy, outer, inner float64) []pt {
	poly := make([]pt, 10)
	for k := range poly {
		a := -math.Pi/2 + float64(k)*math.Pi/5
		r := outer
		if k%2 == 1 {
			r = inner
		}
		poly[k] = pt{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return poly
}

func inCircle(cx, cy, r float64) func(x, y float64) bool {
	return func(x, y float64) bool { return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r }
}

func inEllipse(cx, cy, rx, ry float64) func(x, y float64) bool {
	return func(x, y float64) bool {
		dx, dy := (x-cx)/rx, (y-cy)/ry
		return dx*dx+dy*dy <= 1
	}
}

func solid(c rgba) func(x, y float64) rgba { return func(float64, float64) rgba { return c } }

func always(float64, float64) bool { return true }

// ---------------------------------------------------------------- sprites

type palette struct{ glow, outline, top, bottom, face rgba }

// drawStar draws a rounded, glowing five-pointed star with a little face
// into the 80×80 cell whose top-left corner is (ox, oy).
func drawStar(s *surface, ox, oy int, pal palette) {
	cx, cy := float64(ox)+40, float64(oy)+42
	poly := starPoly(cx, cy, 27, 12.5)
	const round = 5.0 // rounding radius of the tips
	const line = 3.0  // outline width
	sd := func(x, y float64) float64 { return sdPolygon(pt{x, y}, poly) - round }
	x0, y0, x1, y1 := ox, oy, ox+80, oy+80

	// soft glow
	s.paint(x0, y0, x1, y1, always, func(x, y float64) rgba {
		d := sd(x, y)
		if d < 0 {
			return rgba{}
		}
		c := pal.glow
		c.a *= math.Exp(-d/5) * clamp01((38-math.Hypot(x-cx, y-cy+2))/6)
		return c
	})
	// outline, then body with a vertical gradient
	s.paint(x0, y0, x1, y1, func(x, y float64) bool { return sd(x, y) <= line }, solid(pal.outline))
	s.paint(x0, y0, x1, y1, func(x, y float64) bool { return sd(x, y) <= 0 }, func(x, y float64) rgba {
		return mix(pal.top, pal.bottom, (y-(cy-30))/58)
	})
	// glossy highlight on the upper-left
	s.paint(x0, y0, x1, y1, func(x, y float64) bool {
		return sd(x, y) <= -2.5 && inEllipse(cx-6, cy-12, 13, 9)(x, y)
	}, solid(rgba{1, 1, 1, 0.35}))
	// face: eyes with glints, smile
	for _, ex := range []float64{cx - 6.5, cx + 6.5} {
		s.paint(x0, y0, x1, y1, inEllipse(ex, cy+1, 2.6, 3.6), solid(pal.face))
		s.paint(x0, y0, x1, y1, inCircle(ex+0.9, cy-0.3, 1.0), solid(rgba{1, 1, 1, 1}))
	}
	s.paint(x0, y0, x1, y1, func(x, y float64) bool {
		r := math.Hypot(x-cx, y-(cy+4))
		return y > cy+6.5 && r >= 4.2 && r <= 6.0
	}, solid(pal.face))
	// blush
	for _, bx := range []float64{cx - 11, cx + 11} {
		s.paint(x0, y0, x1, y1, inEllipse(bx, cy+6, 3, 1.8), solid(rgba{1, 0.45, 0.45, 0.45}))
	}
}

// heartInside tests the classic implicit heart curve, fitted to a box of
// half-width hw centred at (cx, cy).
func heartInside(cx, cy, hw float64) func(x, y float64) bool {
	return func(x, y float64) bool {
		u := (x - cx) / hw * 1.15
		v := -(y - cy) / hw * 1.15
		v += 0.15
		a := u*u + v*v - 1
		return a*a*a-u*u*v*v*v <= 0
	}
}

func drawHeart(s *surface, ox, oy int, full bool) {
	cx, cy := float64(ox)+24, float64(oy)+24
	x0, y0, x1, y1 := ox, oy, ox+48, oy+48
	if full {
		s.paint(x0, y0, x1, y1, heartInside(cx, cy, 21), solid(hex("#7a0f22", 1)))
		s.paint(x0, y0, x1, y1, heartInside(cx, cy+0.6, 17.5), func(x, y float64) rgba {
			return mix(hex("#ff6b81", 1), hex("#d81b3c", 1), (y-float64(oy)-6)/36)
		})
		s.paint(x0, y0, x1, y1, inEllipse(cx-8, cy-7, 5, 3.4), solid(rgba{1, 1, 1, 0.6}))
	} else {
		s.paint(x0, y0, x1, y1, heartInside(cx, cy, 21), solid(rgba{1, 1, 1, 0.55}))
		s.paint(x0, y0, x1, y1, heartInside(cx, cy+0.6, 17.5), solid(hex("#221a3a", 0.75)))
	}
}

func drawParticle(s *surface, ox, oy int) {
	cx, cy := float64(ox)+16, float64(oy)+16
	s.paint(ox, oy, ox+32, oy+32, always, func(x, y float64) rgba {
		r := math.Hypot(x-cx, y-cy) / 15
		if r >= 1 {
			return rgba{}
		}
		a := math.Min(1, 1.4*math.Pow(1-r, 1.2))
		return mix(hex("#ffe98a", a), rgba{1, 1, 1, a}, 1.6-r*2.2)
	})
}

// drawBasket draws a woven basket in a 192×112 cell.
func drawBasket(s *surface, ox, oy int) {
	fx, fy := float64(ox), float64(oy)
	x0, y0, x1, y1 := ox, oy, ox+192, oy+112
	body := []pt{{fx + 16, fy + 30}, {fx + 176, fy + 30}, {fx + 156, fy + 104}, {fx + 36, fy + 104}}
	sd := func(x, y float64) float64 { return sdPolygon(pt{x, y}, body) - 4 }
	dark := hex("#4a2708", 1)

	// drop shadow under the basket
	s.paint(x0, y0, x1, y1, inEllipse(fx+96, fy+106, 66, 5), solid(rgba{0, 0, 0, 0.25}))
	s.paint(x0, y0, x1, y1, func(x, y float64) bool { return sd(x, y) <= 3 }, solid(dark))
	// weave: rows of staggered cells, shaded darker towards the bottom/sides
	s.paint(x0, y0, x1, y1, func(x, y float64) bool { return sd(x, y) <= 0 }, func(x, y float64) rgba {
		ly, lx := y-fy-30, x-fx
		row := math.Floor(ly / 12)
		off := 0.0
		if int(row)%2 == 1 {
			off = 11
		}
		cellX := math.Mod(lx+off, 22)
		cellY := math.Mod(ly, 12)
		base := hex("#c98a3c", 1)
		if cellX < 11 {
			base = hex("#b0702a", 1)
		}
		if cellY < 1.6 || cellX < 1.2 || (cellX > 10.5 && cellX < 11.7) {
			base = hex("#7a4616", 1)
		}
		if cellY > 3 && cellY < 5 && cellX > 3 && cellX < 8 {
			base = mix(base, rgba{1, 0.9, 0.7, 1}, 0.25)
		}
		edge := math.Abs(x-fx-96) / 80
		return mix(base, dark, 0.35*(ly/74)+0.3*edge*edge)
	})
	// rim: a rounded bar with a rope pattern
	rim := func(x, y float64) float64 {
		// rounded rectangle centred at (96, 26), half size 90×10, radius 10
		qx := math.Abs(x-fx-96) - 80
		qy := math.Abs(y-fy-26) - 0
		return math.Hypot(math.Max(qx, 0), math.Max(qy, 0)) + math.Min(math.Max(qx, qy), 0) - 10
	}
	s.paint(x0, y0, x1, y1, func(x, y float64) bool { return rim(x, y) <= 3 }, solid(dark))
	s.paint(x0, y0, x1, y1, func(x, y float64) bool { return rim(x, y) <= 0 }, func(x, y float64) rgba {
		base := mix(hex("#f2c27a", 1), hex("#b8772e", 1), (y-fy-16)/20)
		if math.Mod(x-fx+(y-fy)*0.9, 12) < 4 {
			base = mix(base, dark, 0.35)
		}
		return base
	})
	s.paint(x0, y0, x1, y1, func(x, y float64) bool {
		return rim(x, y) <= -2 && y < fy+22 && x > fx+14 && x < fx+178
	}, solid(rgba{1, 1, 1, 0.25}))
}

// Sprite sheet layout (must match js/sprites/index.js):
//
//	star     0,0   80×80     bonus  80,0  80×80
//	heart  160,0   48×48     empty 208,0  48×48
//	spark  160,48  32×32
//	basket   0,80 192×112
func makeSprites() *image.NRGBA {
	s := newSurface(256, 192)
	drawStar(s, 0, 0, palette{
		glow: hex("#ffe066", 0.9), outline: hex("#b85c00", 1),
		top: hex("#fff59a", 1), bottom: hex("#ffb000", 1), face: hex("#5a2a00", 1),
	})
	drawStar(s, 80, 0, palette{
		glow: hex("#7fe8ff", 0.9), outline: hex("#1646a0", 1),
		top: hex("#d8fbff", 1), bottom: hex("#38a4ff", 1), face: hex("#0c2a66", 1),
	})
	drawHeart(s, 160, 0, true)
	drawHeart(s, 208, 0, false)
	drawParticle(s, 160, 48)
	drawBasket(s, 0, 80)
	return s.resolve()
}

// ---------------------------------------------------------------- background

// rng is a small deterministic LCG so the art never changes between runs.
type rng uint64

func (r *rng) float() float64 {
	*r = *r*6364136223846793005 + 1442695040888963407
	return float64(uint64(*r)>>11) / (1 << 53)
}

func makeBackground() *image.RGBA {
	const w, h = 360, 640
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fw, fh := float64(w), float64(h)

	sky := func(y float64) rgba {
		t := y / fh
		switch {
		case t < 0.55:
			return mix(hex("#070b24", 1), hex("#24185a", 1), t/0.55)
		default:
			return mix(hex("#24185a", 1), hex("#7a3470", 1), (t-0.55)/0.3)
		}
	}
	ridge := func(x, base float64, amps []float64) float64 {
		y := base
		for i, a := range amps {
			f := float64(i+1) * 0.011 * (1 + float64(i)*0.7)
			y += a * math.Sin(x*f+float64(i)*1.7)
		}
		return y
	}
	farAmps := []float64{22, 10, 5, 2}
	nearAmps := []float64{14, 9, 4, 1.5}
	moonX, moonY, moonR := 268.0, 128.0, 30.0

	var buf [w * h]rgba
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			c := sky(fy)
			// faint diagonal milky way
			band := math.Abs((fx*0.55 - fy + 300)) / 90
			c = mix(c, hex("#6a5aa8", 1), 0.22*math.Exp(-band*band))
			// moon glow
			dm := math.Hypot(fx-moonX, fy-moonY)
			c = mix(c, hex("#fff1c4", 1), 0.35*math.Exp(-math.Max(dm-moonR, 0)/28))
			buf[y*w+x] = c
		}
	}
	// stars: small gaussian dots, brighter near the top
	r := rng(20240611)
	for i := 0; i < 220; i++ {
		sx, sy := r.float()*fw, math.Pow(r.float(), 1.4)*fh*0.72
		size := 0.35 + r.float()*r.float()*1.3
		bright := 0.35 + 0.65*r.float()
		tint := mix(rgba{1, 1, 1, 1}, hex("#ffe9a8", 1), r.float())
		for y := int(sy) - 3; y <= int(sy)+3; y++ {
			for x := int(sx) - 3; x <= int(sx)+3; x++ {
				if x < 0 || y < 0 || x >= w || y >= h {
					continue
				}
				d := math.Hypot(float64(x)+0.5-sx, float64(y)+0.5-sy)
				a := bright * math.Exp(-d*d/(2*size*size))
				buf[y*w+x] = mix(buf[y*w+x], tint, a)
			}
		}
	}
	// moon disc with craters, anti-aliased by supersampling
	for y := int(moonY - moonR - 2); y <= int(moonY+moonR+2); y++ {
		for x := int(moonX - moonR - 2); x <= int(moonX+moonR+2); x++ {
			cov, shade := 0.0, 0.0
			for j := 0; j < SS; j++ {
				for i := 0; i < SS; i++ {
					px := float64(x) + (float64(i)+0.5)/SS
					py := float64(y) + (float64(j)+0.5)/SS
					if math.Hypot(px-moonX, py-moonY) > moonR {
						continue
					}
					cov++
					s := 0.0
					for _, cr := range [][3]float64{{-9, -6, 7}, {8, 9, 5}, {10, -10, 3.5}, {-6, 13, 4}} {
						if math.Hypot(px-moonX-cr[0], py-moonY-cr[1]) < cr[2] {
							s = 1
						}
					}
					shade += s
				}
			}
			if cov == 0 {
				continue
			}
			n := float64(SS * SS)
			moon := mix(hex("#fff6d8", 1), hex("#e8d6a0", 1), shade/cov)
			buf[y*w+x] = mix(buf[y*w+x], moon, cov/n)
		}
	}
	// two mountain ridges and the ground, with anti-aliased edges
	for x := 0; x < w; x++ {
		fx := float64(x) + 0.5
		far := ridge(fx, 470, farAmps)
		near := ridge(fx+400, 540, nearAmps)
		for y := 0; y < h; y++ {
			fy := float64(y) + 0.5
			if a := clamp01(fy - far + 0.5); a > 0 {
				buf[y*w+x] = mix(buf[y*w+x], mix(hex("#3b2766", 1), hex("#2a1c4e", 1), (fy-far)/120), a)
			}
			if a := clamp01(fy - near + 0.5); a > 0 {
				buf[y*w+x] = mix(buf[y*w+x], mix(hex("#1d1338", 1), hex("#0d0820", 1), (fy-near)/100), a)
			}
		}
	}
	for i, c := range buf {
		img.SetRGBA(i%w, i/w, color.RGBA{to8(c.r), to8(c.g), to8(c.b), 255})
	}
	return img
}

func main() {
	out := flag.String("o", "images", "output directory")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	write := func(name string, enc func(f *os.File) error) {
		path := filepath.Join(*out, name)
		f, err := os.Create(path)
		if err != nil {
			log.Fatal(err)
		}
		if err := enc(f); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		st, _ := os.Stat(path)
		fmt.Printf("wrote %s (%d bytes)\n", path, st.Size())
	}
	sprites := makeSprites()
	write("sprites.png", func(f *os.File) error {
		e := png.Encoder{CompressionLevel: png.BestCompression}
		return e.Encode(f, sprites)
	})
	bg := makeBackground()
	write("bg.jpg", func(f *os.File) error {
		return jpeg.Encode(f, bg, &jpeg.Options{Quality: 82})
	})
}
