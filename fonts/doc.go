// Package fonts turns Canvas 2D text into glyph quads without touching a GPU.
//
// The OpenGL renderer uses it in four steps:
//
//  1. ParseFont parses ctx.font (the CSS font shorthand) into a FontSpec.
//  2. Library.Face resolves the spec to a Face: a chain of TrueType fonts
//     (the families that matched, then Liberation Sans, then a CJK
//     fallback) at one pixel size.
//  3. Face.Layout places glyphs on the alphabetic baseline; Face.Measure
//     and Face.BaselineShift give what ctx.measureText and ctx.textBaseline
//     need, following Chromium's formulas.
//  4. Atlas.GlyphAt rasterizes each glyph once (per transform, to 1/64 px,
//     and quarter-pixel pen offset) into an 8-bit alpha page and says where
//     it sits; Atlas.TakeDirty tells what to upload.
//
// The embedded faces are the ones headless Chromium uses on Linux for the
// generic families (Liberation, metric-compatible with Arial, Times New Roman
// and Courier New; DejaVu Sans Mono for monospace), so widths match the
// browser's measureText.
//
// Nothing here is safe for concurrent use: a Library, the Faces and Fonts it
// returns and an Atlas fed with them belong to one goroutine. Malformed fonts
// never panic out of this package: calls that hit one return zero values.
package fonts
