package fonts

import _ "embed"

// The embedded files are copied unmodified from Debian packages; see
// README.md and licenses/ for where they come from.

var (
	//go:embed data/LiberationSans-Regular.ttf
	sansRegularTTF []byte
	//go:embed data/LiberationSans-Bold.ttf
	sansBoldTTF []byte
	//go:embed data/LiberationSerif-Regular.ttf
	serifRegularTTF []byte
	//go:embed data/LiberationSerif-Bold.ttf
	serifBoldTTF []byte
	//go:embed data/LiberationMono-Regular.ttf
	monoRegularTTF []byte
	//go:embed data/DejaVuSansMono.ttf
	dejaVuMonoTTF []byte
	//go:embed data/DejaVuSansMono-Bold.ttf
	dejaVuMonoBoldTTF []byte
	// A TrueType Collection (Micro Hei and Micro Hei Mono). golang/freetype's
	// Parse reads the first font of a collection itself, so it is embedded
	// as shipped rather than extracted.
	//go:embed data/wqy-microhei.ttc
	cjkTTC []byte
)

// builtinID names an embedded face.
type builtinID int

const (
	sansRegular builtinID = iota
	sansBold
	serifRegular
	serifBold
	monoRegular
	dejaVuMono
	dejaVuMonoBold
	cjkFallback
	numBuiltins
)

var builtins = [numBuiltins]struct {
	name string
	data []byte
}{
	sansRegular:    {"Liberation Sans", sansRegularTTF},
	sansBold:       {"Liberation Sans Bold", sansBoldTTF},
	serifRegular:   {"Liberation Serif", serifRegularTTF},
	serifBold:      {"Liberation Serif Bold", serifBoldTTF},
	monoRegular:    {"Liberation Mono", monoRegularTTF},
	dejaVuMono:     {"DejaVu Sans Mono", dejaVuMonoTTF},
	dejaVuMonoBold: {"DejaVu Sans Mono Bold", dejaVuMonoBoldTTF},
	cjkFallback:    {"WenQuanYi Micro Hei", cjkTTC},
}
