// Package display makes sure GLFW has a display to open windows on.
package display

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"time"
)

// Ensure makes sure GLFW has an X display to talk to on Linux. GLFW
// 3.3 has no windowless platform: without a display its Init only logs and
// the next call panics, so we check first. A headless run without a
// display starts its own Xvfb when one is installed, so CI needs no
// xvfb-run wrapper.
func Ensure(headless bool, stderr func(string)) (stop func(), err error) {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return func() {}, nil
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return func() {}, nil
	}
	if !headless {
		return nil, errors.New("no display: a window needs a desktop session (or run with --headless, or under xvfb-run)")
	}
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		return nil, errors.New("no display: --headless still renders with OpenGL through X; install Xvfb (Debian: apt-get install xvfb xauth libgl1-mesa-dri) and minisim starts it itself, or run under xvfb-run")
	}
	for n := 90; n < 190; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		cmd := exec.Command(xvfb, fmt.Sprintf(":%d", n), "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset")
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("no display, and starting Xvfb failed: %w", err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		socket := filepath.Join("/tmp/.X11-unix", fmt.Sprintf("X%d", n))
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			select {
			case <-exited: // display number taken after all: try the next
				goto next
			default:
			}
			if _, err := os.Stat(socket); err == nil {
				os.Setenv("DISPLAY", fmt.Sprintf(":%d", n))
				stderr(fmt.Sprintf("minisim: no display; started Xvfb on :%d", n))
				return func() {
					// SIGTERM lets Xvfb remove its lock file; SIGKILL would
					// leave it and use up display numbers.
					cmd.Process.Signal(syscall.SIGTERM)
					select {
					case <-exited:
					case <-time.After(3 * time.Second):
						cmd.Process.Kill()
						<-exited
					}
					os.Unsetenv("DISPLAY")
				}, nil
			}
			time.Sleep(20 * time.Millisecond)
		}
		cmd.Process.Kill()
		return nil, errors.New("no display, and Xvfb did not come up within 10 s")
	next:
	}
	return nil, errors.New("no display, and no free display number for Xvfb")
}
