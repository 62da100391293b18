// Package mainthread runs test code on the main OS thread. GLFW and
// OpenGL calls must come from the thread that owns the context, and Go
// runs each test in a goroutine of its own, so a TestMain hands the main
// thread to Run and the tests send their GL work through Call.
package mainthread

import (
	"os"
	"runtime"
	"testing"
)

var calls = make(chan func())

// The main goroutine stays on the main thread from the start, so a
// TestMain may create its GL context before calling Run.
func init() { runtime.LockOSThread() }

// Run locks the main thread, runs the tests while serving Call on it, then
// runs cleanup (on the main thread) and exits with the tests' status.
func Run(m *testing.M, cleanup func()) {
	exit := make(chan int)
	go func() { exit <- m.Run() }()
	for {
		select {
		case f := <-calls:
			f()
		case code := <-exit:
			if cleanup != nil {
				cleanup()
			}
			os.Exit(code)
		}
	}
}

// Call runs f on the main thread and waits for it.
func Call(f func()) {
	done := make(chan struct{})
	calls <- func() { defer close(done); f() }
	<-done
}
