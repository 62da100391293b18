package gl

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/internal/display"
)

// GL calls must come from the thread that owns the context: TestMain keeps
// the main thread, with a hidden window's context current, serving onMain.
var mainThread = make(chan func())

func onMain(f func()) {
	done := make(chan struct{})
	mainThread <- func() { defer close(done); f() }
	<-done
}

var testRenderer *Renderer

func TestMain(m *testing.M) {
	runtime.LockOSThread()
	stopDisplay, err := display.Ensure(true, func(string) {})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gl tests:", err)
		os.Exit(1)
	}
	if err := glfw.Init(); err != nil {
		fmt.Fprintln(os.Stderr, "gl tests:", err)
		os.Exit(1)
	}
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 3)
	glfw.WindowHint(glfw.ContextVersionMinor, 3)
	glfw.WindowHint(glfw.OpenGLProfile, glfw.OpenGLCoreProfile)
	glfw.WindowHint(glfw.OpenGLForwardCompatible, glfw.True)
	win, err := glfw.CreateWindow(64, 64, "gl tests", nil, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gl tests:", err)
		os.Exit(1)
	}
	win.MakeContextCurrent()
	if testRenderer, err = NewRenderer(); err != nil {
		fmt.Fprintln(os.Stderr, "gl tests:", err)
		os.Exit(1)
	}
	exit := make(chan int)
	go func() { exit <- m.Run() }()
	for {
		select {
		case f := <-mainThread:
			f()
		case code := <-exit:
			win.Destroy()
			glfw.Terminate()
			stopDisplay()
			os.Exit(code)
		}
	}
}
