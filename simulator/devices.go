package simulator

import (
	"fmt"
	"strings"
)

// Insets are distances from the screen edges in logical (CSS) px.
type Insets struct{ Top, Right, Bottom, Left float64 }

// Device is a simulated phone or tablet, as wx.getSystemInfoSync() /
// wx.getDeviceInfo() / wx.getWindowInfo() describe it.
type Device struct {
	// Name is the --device value, e.g. "iPhone 14". LookupDevice matches it
	// case-insensitively, ignoring spaces, dashes, underscores, dots,
	// parentheses and quotes.
	Name string
	// Brand and Model as getSystemInfo/getDeviceInfo report them. On an
	// iPhone WeChat reports brand "iPhone" and model
	// "<marketing name><<identifier>>", e.g. "iPhone 14<iPhone14,7>"; on
	// Android Build.BRAND and Build.MODEL.
	Brand, Model string
	// Platform is "ios" (iPhone and iPad alike, as WeChat reports) or "android".
	Platform string
	// System is the OS and version, e.g. "iOS 17.5", "Android 14".
	System string
	// Width and Height are the logical (CSS) screen size in portrait.
	Width, Height float64
	// PixelRatio is the device pixel ratio (physical px per logical px).
	PixelRatio float64
	// StatusBarHeight is the status bar height in logical px (portrait).
	StatusBarHeight float64
	// SafeArea holds the portrait safe-area insets in logical px.
	SafeArea Insets
	// BenchmarkLevel as wx.getSystemInfo's benchmarkLevel: WeChat reports it
	// on Android only (>= 1, higher is faster, currently below 50); iOS
	// presets use -1 ("performance unknown").
	BenchmarkLevel int
	// MemorySize is the RAM in MB, as getDeviceInfo().memorySize.
	MemorySize int
}

// DefaultDeviceName is the preset used without --device: the 375x667@2 phone
// (iPhone 6/7/8 class), because the bench harness and most games are laid
// out for it.
const DefaultDeviceName = "iPhone 8"

// devicePresets is the preset table, in the order --devices prints it.
//
// Sources and confidence:
//   - iOS logical sizes, scales and safe-area insets are Apple's published
//     values (they match Chrome DevTools' emulated-device list).
//   - iPhone status bar heights: 20 on Touch ID phones, 44 on iPhone X,
//     47 on iPhone 12/13/14, 50 on the 12/13 mini, 54 on Dynamic Island
//     phones (whose safe-area top is 59). The mini's status bar value is the
//     least certain of these (some sources give 44 with a safe-area top of 50).
//   - Pixel 7: size/ratio and the 52px top cutout inset are from Chrome
//     DevTools' device list; status bar taken equal to the inset.
//   - Other Android status bars are approximations (MIUI reports ~30 at
//     2.75x, e.g. a 393x873 Redmi reports statusBarHeight 30); Android
//     gesture navigation leaves no bottom inset.
//   - Android benchmarkLevel values are plausible estimates for the SoC class,
//     not measured values; MemorySize is the marketed RAM of a common variant.
var devicePresets = [...]Device{
	{
		Name: "iPhone SE 2", Brand: "iPhone", Model: "iPhone SE (2nd generation)<iPhone12,8>",
		Platform: "ios", System: "iOS 17.5",
		Width: 375, Height: 667, PixelRatio: 2, StatusBarHeight: 20,
		SafeArea:       Insets{Top: 20},
		BenchmarkLevel: -1, MemorySize: 3072,
	},
	{
		Name: "iPhone 8", Brand: "iPhone", Model: "iPhone 8<iPhone10,1>",
		Platform: "ios", System: "iOS 16.7",
		Width: 375, Height: 667, PixelRatio: 2, StatusBarHeight: 20,
		SafeArea:       Insets{Top: 20},
		BenchmarkLevel: -1, MemorySize: 2048,
	},
	{
		Name: "iPhone 8 Plus", Brand: "iPhone", Model: "iPhone 8 Plus<iPhone10,2>",
		Platform: "ios", System: "iOS 16.7",
		Width: 414, Height: 736, PixelRatio: 3, StatusBarHeight: 20,
		SafeArea:       Insets{Top: 20},
		BenchmarkLevel: -1, MemorySize: 3072,
	},
	{
		Name: "iPhone X", Brand: "iPhone", Model: "iPhone X<iPhone10,3>",
		Platform: "ios", System: "iOS 16.7",
		Width: 375, Height: 812, PixelRatio: 3, StatusBarHeight: 44,
		SafeArea:       Insets{Top: 44, Bottom: 34},
		BenchmarkLevel: -1, MemorySize: 3072,
	},
	{
		// Same geometry as the iPhone 12 mini.
		Name: "iPhone 13 mini", Brand: "iPhone", Model: "iPhone 13 mini<iPhone14,4>",
		Platform: "ios", System: "iOS 17.5",
		Width: 375, Height: 812, PixelRatio: 3, StatusBarHeight: 50,
		SafeArea:       Insets{Top: 50, Bottom: 34},
		BenchmarkLevel: -1, MemorySize: 4096,
	},
	{
		// Same geometry as the iPhone 12, 12 Pro, 13 and 13 Pro.
		Name: "iPhone 14", Brand: "iPhone", Model: "iPhone 14<iPhone14,7>",
		Platform: "ios", System: "iOS 17.5",
		Width: 390, Height: 844, PixelRatio: 3, StatusBarHeight: 47,
		SafeArea:       Insets{Top: 47, Bottom: 34},
		BenchmarkLevel: -1, MemorySize: 6144,
	},
	{
		// Dynamic Island: status bar 54, safe area top 59.
		Name: "iPhone 14 Pro", Brand: "iPhone", Model: "iPhone 14 Pro<iPhone15,2>",
		Platform: "ios", System: "iOS 17.5",
		Width: 393, Height: 852, PixelRatio: 3, StatusBarHeight: 54,
		SafeArea:       Insets{Top: 59, Bottom: 34},
		BenchmarkLevel: -1, MemorySize: 6144,
	},
	{
		Name: "iPhone 15 Pro Max", Brand: "iPhone", Model: "iPhone 15 Pro Max<iPhone16,2>",
		Platform: "ios", System: "iOS 17.5",
		Width: 430, Height: 932, PixelRatio: 3, StatusBarHeight: 54,
		SafeArea:       Insets{Top: 59, Bottom: 34},
		BenchmarkLevel: -1, MemorySize: 8192,
	},
	{
		// 1080x2400 panel; Chrome reports 412x915 at 2.625.
		Name: "Pixel 7", Brand: "google", Model: "Pixel 7",
		Platform: "android", System: "Android 14",
		Width: 412, Height: 915, PixelRatio: 2.625, StatusBarHeight: 52,
		SafeArea:       Insets{Top: 52},
		BenchmarkLevel: 30, MemorySize: 8192,
	},
	{
		// China model SM-S9110 (global SM-S911B); 1080x2340 panel at 3x.
		// Status bar height approximate.
		Name: "Galaxy S23", Brand: "samsung", Model: "SM-S9110",
		Platform: "android", System: "Android 14",
		Width: 360, Height: 780, PixelRatio: 3, StatusBarHeight: 36,
		SafeArea:       Insets{Top: 36},
		BenchmarkLevel: 40, MemorySize: 8192,
	},
	{
		// 1080x2400 panel at 2.75x (392.7x872.7, reported rounded).
		// Status bar height approximate (MIUI/HyperOS at 2.75x).
		Name: "Xiaomi 13", Brand: "Xiaomi", Model: "2211133C",
		Platform: "android", System: "Android 14",
		Width: 393, Height: 873, PixelRatio: 2.75, StatusBarHeight: 30,
		SafeArea:       Insets{Top: 30},
		BenchmarkLevel: 40, MemorySize: 8192,
	},
	{
		// 1080x2340 panel at 3x, teardrop notch. Status bar height approximate.
		Name: "Huawei P30", Brand: "HUAWEI", Model: "ELE-AL00",
		Platform: "android", System: "Android 10",
		Width: 360, Height: 780, PixelRatio: 3, StatusBarHeight: 27,
		SafeArea:       Insets{Top: 27},
		BenchmarkLevel: 22, MemorySize: 8192,
	},
	{
		// Home-button iPad: 20px status bar, no home indicator. WeChat's
		// brand string on iPad is not documented; "iPad" is assumed.
		Name: "iPad 9", Brand: "iPad", Model: "iPad (9th generation)<iPad12,1>",
		Platform: "ios", System: "iOS 17.5",
		Width: 810, Height: 1080, PixelRatio: 2, StatusBarHeight: 20,
		SafeArea:       Insets{Top: 20},
		BenchmarkLevel: -1, MemorySize: 3072,
	},
	{
		// Face ID iPad: 24px status bar, 20px home indicator.
		Name: "iPad Pro 11", Brand: "iPad", Model: "iPad Pro (11-inch) (3rd generation)<iPad13,4>",
		Platform: "ios", System: "iOS 17.5",
		Width: 834, Height: 1194, PixelRatio: 2, StatusBarHeight: 24,
		SafeArea:       Insets{Top: 24, Bottom: 20},
		BenchmarkLevel: -1, MemorySize: 8192,
	},
}

// Devices returns the presets in a stable order (the order --devices prints).
// The slice is a fresh copy; callers may modify it.
func Devices() []Device {
	out := make([]Device, len(devicePresets))
	copy(out, devicePresets[:])
	return out
}

// deviceNormalize folds a device name for matching: lower case, without
// spaces, dashes, underscores, dots, parentheses or quotes.
func deviceNormalize(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	for _, r := range strings.ToLower(name) {
		switch r {
		case ' ', '\t', '-', '_', '.', '(', ')', '"', '\'':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// LookupDevice finds a preset by name (case-insensitive, ignoring spaces,
// dashes, underscores, dots, parentheses and quotes: "iphone-14" finds
// "iPhone 14"). The error lists the valid names.
func LookupDevice(name string) (Device, error) {
	key := deviceNormalize(name)
	for _, d := range devicePresets {
		if deviceNormalize(d.Name) == key {
			return d, nil
		}
	}
	names := make([]string, len(devicePresets))
	for i, d := range devicePresets {
		names[i] = fmt.Sprintf("%q", d.Name)
	}
	return Device{}, fmt.Errorf("unknown device %q; valid devices: %s", name, strings.Join(names, ", "))
}

// deviceIsTablet reports whether d is a tablet (shortest side >= 600 logical px).
func deviceIsTablet(d Device) bool {
	return min(d.Width, d.Height) >= 600
}

// deviceLandscapeHomeIndicator is the bottom inset of a Face ID iPhone in
// landscape (the home indicator).
const deviceLandscapeHomeIndicator = 21

// Oriented returns the device as the game sees it. For portrait
// (landscape=false) it returns d unchanged. For landscape the width and
// height swap and the safe area and status bar rotate as on a real device in
// landscape-left (device top on the left):
//   - phones hide the status bar (StatusBarHeight 0); the notch / cutout
//     inset moves to the side. Face ID iPhones get the notch inset on both
//     sides (iOS keeps the safe area symmetric) and a 21px home-indicator
//     inset at the bottom; Android phones get the cutout inset on the left
//     and their portrait bottom inset (navigation bar) on the right.
//   - tablets keep their status bar and top/bottom insets (iPadOS shows the
//     status bar in landscape too).
//
// A device that is already landscape (Width > Height) is returned unchanged.
func (d Device) Oriented(landscape bool) Device {
	if !landscape || d.Width > d.Height {
		return d
	}
	o := d
	o.Width, o.Height = d.Height, d.Width
	p := d.SafeArea
	switch {
	case deviceIsTablet(d):
		// Status bar and top/bottom insets stay where they are.
	case d.Platform == "ios":
		o.StatusBarHeight = 0
		if p.Bottom > 0 { // Face ID iPhone: notch on the side, home indicator below
			o.SafeArea = Insets{Left: p.Top, Right: p.Top, Bottom: deviceLandscapeHomeIndicator}
		} else { // Touch ID iPhone: the portrait top inset was only the status bar
			o.SafeArea = Insets{}
		}
	default:
		o.StatusBarHeight = 0
		o.SafeArea = Insets{Left: p.Top, Right: p.Bottom}
	}
	return o
}

// SafeAreaRect gives wx.getSystemInfoSync().safeArea: {left, right, top,
// bottom, width, height} in logical px, where right and bottom are
// coordinates (not insets), e.g. iPhone X portrait: 0, 375, 44, 778, 375, 734.
func (d Device) SafeAreaRect() (left, right, top, bottom, width, height float64) {
	left = d.SafeArea.Left
	right = d.Width - d.SafeArea.Right
	top = d.SafeArea.Top
	bottom = d.Height - d.SafeArea.Bottom
	return left, right, top, bottom, right - left, bottom - top
}
