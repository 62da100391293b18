package simulator

import (
	"strings"
	"testing"
)

func TestDevicePresets(t *testing.T) {
	devs := Devices()
	if len(devs) < 12 {
		t.Fatalf("%d presets, want at least 12", len(devs))
	}
	seen := map[string]string{}
	for _, d := range devs {
		if d.Name == "" || d.Brand == "" || d.Model == "" || d.System == "" {
			t.Errorf("%+v: empty identity field", d)
		}
		if d.Platform != "ios" && d.Platform != "android" {
			t.Errorf("%s: platform %q", d.Name, d.Platform)
		}
		if d.Width <= 0 || d.Height <= 0 || d.PixelRatio <= 0 || d.MemorySize <= 0 {
			t.Errorf("%s: non-positive size %vx%v@%v mem %d", d.Name, d.Width, d.Height, d.PixelRatio, d.MemorySize)
		}
		if d.Width >= d.Height {
			t.Errorf("%s: preset is not portrait (%vx%v)", d.Name, d.Width, d.Height)
		}
		if d.StatusBarHeight < 0 || d.StatusBarHeight > d.SafeArea.Top {
			t.Errorf("%s: status bar %v outside the top inset %v", d.Name, d.StatusBarHeight, d.SafeArea.Top)
		}
		if d.Platform == "ios" && d.BenchmarkLevel != -1 {
			t.Errorf("%s: iOS benchmarkLevel %d, want -1", d.Name, d.BenchmarkLevel)
		}
		if d.Platform == "android" && (d.BenchmarkLevel < 1 || d.BenchmarkLevel >= 50) {
			t.Errorf("%s: Android benchmarkLevel %d outside 1..49", d.Name, d.BenchmarkLevel)
		}
		key := deviceNormalize(d.Name)
		if prev, dup := seen[key]; dup {
			t.Errorf("%q and %q normalize to the same name %q", prev, d.Name, key)
		}
		seen[key] = d.Name
		for _, landscape := range []bool{false, true} {
			checkSafeArea(t, d.Oriented(landscape), landscape)
		}
	}
}

func checkSafeArea(t *testing.T, d Device, landscape bool) {
	t.Helper()
	s := d.SafeArea
	if s.Top < 0 || s.Right < 0 || s.Bottom < 0 || s.Left < 0 {
		t.Errorf("%s (landscape=%v): negative inset %+v", d.Name, landscape, s)
	}
	l, r, top, b, w, h := d.SafeAreaRect()
	if !(0 <= l && l < r && r <= d.Width && 0 <= top && top < b && b <= d.Height) {
		t.Errorf("%s (landscape=%v): safe area %v,%v,%v,%v outside %vx%v", d.Name, landscape, l, r, top, b, d.Width, d.Height)
	}
	if w != r-l || h != b-top || w <= 0 || h <= 0 {
		t.Errorf("%s (landscape=%v): safe area size %vx%v", d.Name, landscape, w, h)
	}
}

func TestDevicesIsACopy(t *testing.T) {
	a := Devices()
	a[0].Name = "changed"
	a[0].SafeArea.Top = 999
	if b := Devices(); b[0].Name == "changed" || b[0].SafeArea.Top == 999 {
		t.Fatal("Devices() exposes the preset table")
	}
}

func TestDevicesStableOrder(t *testing.T) {
	a, b := Devices(), Devices()
	for i := range a {
		if a[i].Name != b[i].Name {
			t.Fatalf("order changed at %d: %q vs %q", i, a[i].Name, b[i].Name)
		}
	}
}

func TestDefaultDevice(t *testing.T) {
	d, err := LookupDevice(DefaultDeviceName)
	if err != nil {
		t.Fatal(err)
	}
	if d.Width != 375 || d.Height != 667 || d.PixelRatio != 2 {
		t.Errorf("default device %s is %vx%v@%v, want 375x667@2", d.Name, d.Width, d.Height, d.PixelRatio)
	}
}

func TestLookupDevice(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"iphone-14", "iPhone 14"},
		{"iPhone 14", "iPhone 14"},
		{"IPHONE14", "iPhone 14"},
		{"iphone_14_pro", "iPhone 14 Pro"},
		{"iPhone-15-Pro-Max", "iPhone 15 Pro Max"},
		{"  pixel 7 ", "Pixel 7"},
		{"iphone-se-2", "iPhone SE 2"},
		{`ipad pro 11"`, "iPad Pro 11"},
		{"xiaomi13", "Xiaomi 13"},
	} {
		d, err := LookupDevice(tt.in)
		if err != nil {
			t.Errorf("LookupDevice(%q): %v", tt.in, err)
			continue
		}
		if d.Name != tt.want {
			t.Errorf("LookupDevice(%q) = %q, want %q", tt.in, d.Name, tt.want)
		}
	}
	for _, bad := range []string{"", "iPhone 99", "iphone"} {
		_, err := LookupDevice(bad)
		if err == nil {
			t.Fatalf("LookupDevice(%q) succeeded", bad)
		}
		for _, d := range Devices() {
			if !strings.Contains(err.Error(), d.Name) {
				t.Errorf("error %q does not list %q", err, d.Name)
			}
		}
	}
}

func TestOriented(t *testing.T) {
	for _, d := range Devices() {
		if p := d.Oriented(false); p != d {
			t.Errorf("%s: Oriented(false) changed the device", d.Name)
		}
		l := d.Oriented(true)
		if l.Width != d.Height || l.Height != d.Width {
			t.Errorf("%s: landscape %vx%v, want %vx%v", d.Name, l.Width, l.Height, d.Height, d.Width)
		}
		if l.Width*l.Height != d.Width*d.Height {
			t.Errorf("%s: landscape changes the area", d.Name)
		}
		if l.Name != d.Name || l.PixelRatio != d.PixelRatio || l.Model != d.Model {
			t.Errorf("%s: landscape changed identity fields", d.Name)
		}
		if ll := l.Oriented(true); ll != l {
			t.Errorf("%s: Oriented(true) on a landscape device should be a no-op", d.Name)
		}
		if !deviceIsTablet(d) && l.StatusBarHeight != 0 {
			t.Errorf("%s: landscape phone status bar %v, want 0", d.Name, l.StatusBarHeight)
		}
	}

	x, _ := LookupDevice("iPhone X")
	l := x.Oriented(true)
	if l.Width != 812 || l.Height != 375 || l.SafeArea != (Insets{Left: 44, Right: 44, Bottom: 21}) {
		t.Errorf("iPhone X landscape: %vx%v %+v", l.Width, l.Height, l.SafeArea)
	}
	if left, right, top, bottom, w, h := l.SafeAreaRect(); left != 44 || right != 768 || top != 0 || bottom != 354 || w != 724 || h != 354 {
		t.Errorf("iPhone X landscape safe area rect: %v %v %v %v %v %v", left, right, top, bottom, w, h)
	}

	e, _ := LookupDevice("iPhone 8")
	if l := e.Oriented(true); l.SafeArea != (Insets{}) || l.StatusBarHeight != 0 {
		t.Errorf("iPhone 8 landscape: %+v status %v", l.SafeArea, l.StatusBarHeight)
	}

	p, _ := LookupDevice("Pixel 7")
	if l := p.Oriented(true); l.SafeArea != (Insets{Left: 52}) {
		t.Errorf("Pixel 7 landscape: %+v", l.SafeArea)
	}

	ip, _ := LookupDevice("iPad Pro 11")
	if l := ip.Oriented(true); l.Width != 1194 || l.StatusBarHeight != 24 || l.SafeArea != (Insets{Top: 24, Bottom: 20}) {
		t.Errorf("iPad Pro landscape: %vx%v status %v %+v", l.Width, l.Height, l.StatusBarHeight, l.SafeArea)
	}
}

func TestSafeAreaRect(t *testing.T) {
	for _, tt := range []struct {
		name                                    string
		left, right, top, bottom, width, height float64
	}{
		{"iPhone X", 0, 375, 44, 778, 375, 734},
		{"iPhone 8", 0, 375, 20, 667, 375, 647},
		{"iPhone 14 Pro", 0, 393, 59, 818, 393, 759},
		{"iPad Pro 11", 0, 834, 24, 1174, 834, 1150},
	} {
		d, err := LookupDevice(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		l, r, top, b, w, h := d.SafeAreaRect()
		if l != tt.left || r != tt.right || top != tt.top || b != tt.bottom || w != tt.width || h != tt.height {
			t.Errorf("%s: safeArea %v %v %v %v %v %v", tt.name, l, r, top, b, w, h)
		}
	}
}
