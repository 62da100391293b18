package fonts

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/golang/freetype/truetype"
)

// Library owns parsed fonts and the Faces made from them. Use it from one
// goroutine.
type Library struct {
	builtin [numBuiltins]*Font // parsed on first use
	broken  [numBuiltins]bool  // failed to parse; never retried
	loaded  map[string]*Font   // lower-cased family -> font from Load
	faces   map[faceKey]*Face
}

type faceKey struct {
	families string // lower-cased, NUL-separated
	bold     bool
	size     float64
}

// maxCachedFaces bounds the Face cache: a game tweening its font size would
// otherwise create a Face per frame forever.
const maxCachedFaces = 256

// Sizes beyond maxFontPx are clamped: far above any screen, it keeps layout
// arithmetic finite whatever a game passes.
const maxFontPx = 10000

// NewLibrary returns a Library with the embedded faces. Parsing happens
// lazily, so this is cheap.
func NewLibrary() *Library {
	return &Library{loaded: make(map[string]*Font), faces: make(map[faceKey]*Face)}
}

// Load registers a game's own TrueType font (wx.loadFont) under family. A
// later Load of the same family (case-insensitive, as CSS matches names)
// replaces it. ttf is copied, so the caller may reuse its buffer. TrueType
// collections are accepted (their first font is used); CFF-flavoured OpenType
// (.otf) and WOFF are not supported by golang/freetype and return an error.
func (l *Library) Load(family string, ttf []byte) error {
	key := familyKey(family)
	if key == "" {
		return errors.New("fonts: empty family name")
	}
	if genericFamilies[key] {
		return fmt.Errorf("fonts: %q is a generic family and cannot be replaced", family)
	}
	f, err := parseFont(family, append([]byte(nil), ttf...))
	if err != nil {
		return err
	}
	l.loaded[key] = f
	clear(l.faces) // matching may have changed
	return nil
}

// Face resolves spec to a Face, following CSS matching: each family is
// tried in order and every one found joins the fallback chain, the first
// being the primary font (whose metrics the Face reports). Generic
// sans-serif/serif map to Liberation and monospace to DejaVu Sans Mono, as
// Chromium's defaults resolve on Linux; Arial/Helvetica, Times and Courier
// to their Liberation equivalents, as fontconfig does; other unknown
// families (PingFang SC, Microsoft YaHei, ...) are skipped, and a spec where
// nothing matches uses sans-serif. Liberation Sans and the CJK font always end
// the chain, for characters the chosen fonts lack. A weight of 600 or more
// picks a Bold face where one exists; nothing else is synthesized. Face never
// returns nil: a bad size gives a Face that draws nothing.
func (l *Library) Face(spec FontSpec) *Face {
	size := spec.SizePx
	if !(size > 0) { // also NaN
		size = 0
	}
	size = math.Min(size, maxFontPx)
	key := faceKey{bold: spec.Weight >= 600, size: size}
	for i, f := range spec.Families {
		if i > 0 {
			key.families += "\x00" // cannot occur in a parsed name
		}
		key.families += familyKey(f)
	}
	if face, ok := l.faces[key]; ok {
		return face
	}

	var chain []*Font
	add := func(f *Font) {
		for _, g := range chain {
			if g == f {
				return
			}
		}
		if f != nil {
			chain = append(chain, f)
		}
	}
	for _, fam := range spec.Families {
		add(l.match(familyKey(fam), key.bold))
	}
	add(l.match("sans-serif", key.bold))
	add(l.font(cjkFallback))
	face := newFace(chain, size)

	if len(l.faces) >= maxCachedFaces {
		clear(l.faces)
	}
	l.faces[key] = face
	return face
}

// familyKey is the form families are compared in: CSS family names match
// case-insensitively.
func familyKey(family string) string {
	return strings.ToLower(strings.TrimSpace(family))
}

// aliases maps family names to embedded faces, as fontconfig's metric
// aliases do on the Linux machines whose Chromium we match. Generic names
// other than serif/monospace (system-ui, cursive, ...) resolve to sans-serif,
// since a browser always finds something for a generic.
var aliases = map[string][2]builtinID{ // regular, bold
	"sans-serif": {sansRegular, sansBold}, "system-ui": {sansRegular, sansBold},
	"ui-sans-serif": {sansRegular, sansBold}, "ui-rounded": {sansRegular, sansBold},
	"cursive": {sansRegular, sansBold}, "fantasy": {sansRegular, sansBold},
	"math": {sansRegular, sansBold}, "emoji": {sansRegular, sansBold},
	"fangsong": {sansRegular, sansBold},
	"arial":    {sansRegular, sansBold}, "helvetica": {sansRegular, sansBold},
	"arimo": {sansRegular, sansBold}, "liberation sans": {sansRegular, sansBold},

	"serif": {serifRegular, serifBold}, "ui-serif": {serifRegular, serifBold},
	"times new roman": {serifRegular, serifBold}, "times": {serifRegular, serifBold},
	"tinos": {serifRegular, serifBold}, "liberation serif": {serifRegular, serifBold},

	// Chromium's default fixed font is "Monospace", which fontconfig
	// resolves to DejaVu Sans Mono; Courier New has Liberation Mono as its
	// metric alias.
	"monospace": {dejaVuMono, dejaVuMonoBold}, "ui-monospace": {dejaVuMono, dejaVuMonoBold},
	"dejavu sans mono": {dejaVuMono, dejaVuMonoBold},
	"courier new":      {monoRegular, monoRegular}, "courier": {monoRegular, monoRegular},
	"cousine": {monoRegular, monoRegular}, "liberation mono": {monoRegular, monoRegular},

	"wenquanyi micro hei": {cjkFallback, cjkFallback}, "wqy microhei": {cjkFallback, cjkFallback},
}

// match finds the font for one family, or nil. Generic names come first (a
// loaded font cannot take over "serif"), then the game's fonts, which may
// shadow system names such as Arial, then the aliases.
func (l *Library) match(key string, bold bool) *Font {
	ids, isAlias := aliases[key]
	if genericFamilies[key] {
		return l.pick(ids, bold)
	}
	if f := l.loaded[key]; f != nil {
		return f
	}
	if isAlias {
		return l.pick(ids, bold)
	}
	return nil
}

func (l *Library) pick(ids [2]builtinID, bold bool) *Font {
	if bold {
		return l.font(ids[1])
	}
	return l.font(ids[0])
}

// font returns an embedded face, parsing it on first use. The embedded
// files are tested to parse; should one not, it is left out of every chain
// (nil) rather than panicking.
func (l *Library) font(id builtinID) *Font {
	if l.builtin[id] == nil && !l.broken[id] {
		f, err := parseFont(builtins[id].name, builtins[id].data)
		l.builtin[id], l.broken[id] = f, err != nil
	}
	return l.builtin[id]
}

// FamilyName reads the family name a TrueType font declares (its name
// table), as wx.loadFont reports it.
func FamilyName(ttf []byte) (name string, err error) {
	f, err := parseFont("font", ttf)
	if err != nil {
		return "", err
	}
	defer catch(func() { name, err = "", errors.New("fonts: unreadable name table") })
	name = strings.TrimSpace(f.tt.Name(truetype.NameIDFontFamily))
	if name == "" {
		return "", errors.New("fonts: the font declares no family name")
	}
	return name, nil
}
