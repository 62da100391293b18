package gl

import (
	"os"
	"strings"
)

// TuneDriver sets what GL drivers read from the environment when the
// first context is made: call it before glfw.Init.
//
// On llvmpipe (Mesa's software rasterizer: GL on CI machines and under
// Xvfb) it turns off the linear rasterizer. That fast path takes over
// scenes made only of rectangles, which our canvases are whenever they
// are BGRA (Canvas.Resize), and in Mesa 22.3 it samples BGRA textures
// wrongly: a canvas drawn onto another came out as {0 140 0 0} for opaque
// green, however it was scaled.
// Turning it off keeps the rectangle binning, which is where text's
// speed-up comes from (see maxDrawIndices); the scene is then filled by
// the usual rasterizer, pixel for pixel as before. A flag the driver does
// not know is ignored, and other drivers do not read LP_PERF.
func TuneDriver() {
	const flag = "no_rast_linear"
	perf := os.Getenv("LP_PERF")
	if strings.Contains(perf, flag) {
		return
	}
	if perf != "" {
		perf += ","
	}
	os.Setenv("LP_PERF", perf+flag)
}
