package gl

import (
	"fmt"
	"os"
	"testing"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/internal/display"
	"github.com/minisim/minisim/internal/mainthread"
)

// onMain runs f on the main thread, where the test GL context is current.
func onMain(f func()) { mainthread.Call(f) }

var testRenderer *Renderer

// TestMain makes a hidden window's GL 3.3 context current on the main
// thread (with a display: an Xvfb of our own when there is none) and
// serves that thread to the tests.
func TestMain(m *testing.M) {
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "gl tests:", err)
		os.Exit(1)
	}
	stopDisplay, err := display.Ensure(true, func(string) {})
	if err != nil {
		fail(err)
	}
	TuneDriver()
	if err := glfw.Init(); err != nil {
		fail(err)
	}
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 3)
	glfw.WindowHint(glfw.ContextVersionMinor, 3)
	glfw.WindowHint(glfw.OpenGLProfile, glfw.OpenGLCoreProfile)
	glfw.WindowHint(glfw.OpenGLForwardCompatible, glfw.True)
	win, err := glfw.CreateWindow(64, 64, "gl tests", nil, nil)
	if err != nil {
		fail(err)
	}
	win.MakeContextCurrent()
	if testRenderer, err = NewRenderer(); err != nil {
		fail(err)
	}
	mainthread.Run(m, func() {
		win.Destroy()
		glfw.Terminate()
		stopDisplay()
	})
}
