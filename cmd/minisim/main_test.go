package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minisim/minisim/internal/display"
)

// These tests run the built binary, as a user's script would.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "minisim-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "minisim")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building minisim: %v\n%s", err, out)
		os.Exit(1)
	}
	// One display for every run, so each run doesn't start its own Xvfb.
	stop, err := display.Ensure(true, func(string) {})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	stop()
	os.RemoveAll(dir)
	os.Exit(code)
}

func minisim(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		status = exit.ExitCode()
	default:
		t.Fatalf("running minisim: %v", err)
	}
	return out.String(), errOut.String(), status
}

func game(name string) string {
	return filepath.Join("..", "..", "simulator", "testdata", "games", name)
}

func TestExampleGamePlaysHeadless(t *testing.T) {
	shot := filepath.Join(t.TempDir(), "shot.png")
	out, errOut, status := minisim(t, "--headless", "--frames", "300", "--query", "seed=7&autoplay=1",
		"--screenshot", shot, filepath.Join("..", "..", "examples", "starcatch"))
	if status != 0 {
		t.Fatalf("status %d\n%s", status, errOut)
	}
	for _, want := range []string{"starcatch: ready 375x667@2", "starcatch: start", "starcatch: catch score="} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if st, err := os.Stat(shot); err != nil || st.Size() < 1000 {
		t.Errorf("screenshot: %v", err)
	}
}

func TestExitStatuses(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		status int
		stream string // "out" or "err"
		want   string
	}{
		{[]string{"-h"}, 0, "out", "usage: minisim [flags] GAME_DIR"},
		{[]string{"--devices"}, 0, "out", "iPhone 8"},
		{[]string{"--headless", "--frames", "3", game("errors")}, 1, "err", "Uncaught TypeError"},
		{[]string{"--headless", game("badjson")}, 2, "err", "malformed JSON"},
		{[]string{"--headless", game("nogamejs")}, 2, "err", "game.js is not there"},
		{[]string{"--bogus", game("touch")}, 2, "err", "flag provided but not defined: -bogus"},
		{[]string{"--headless", "--input", "no-such.json", game("touch")}, 2, "err", "--input no-such.json: no such file"},
		{[]string{"--headless", "--frames", "3", game("touch")}, 0, "err", ""},
	} {
		out, errOut, status := minisim(t, tc.args...)
		text := out
		if tc.stream == "err" {
			text = errOut
		}
		if status != tc.status || !strings.Contains(text, tc.want) {
			t.Errorf("minisim %s: status %d, want %d with %q in std%s\nstdout: %s\nstderr: %s",
				strings.Join(tc.args, " "), status, tc.status, tc.want, tc.stream, out, errOut)
		}
	}
}

func TestDevicesListsAtLeastTenPresets(t *testing.T) {
	out, _, _ := minisim(t, "--devices")
	if n := len(strings.Split(strings.TrimSpace(out), "\n")); n < 10 {
		t.Errorf("--devices lists %d presets:\n%s", n, out)
	}
}

func TestLeaderboardExampleShowsTheOpenDomainsRanking(t *testing.T) {
	shot := filepath.Join(t.TempDir(), "shot.png")
	out, errOut, status := minisim(t, "--headless", "--frames", "200", "--query", "autoplay=1&seconds=2",
		"--data", t.TempDir(), "--screenshot", shot, filepath.Join("..", "..", "examples", "leaderboard"))
	if status != 0 {
		t.Fatalf("status %d\n%s", status, errOut)
	}
	for _, want := range []string{"leaderboard: over score=4", "[open] drew the ranking of 6 players"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// The ranking panel (drawn only by the open domain) is near-black blue
	// where the gradient background would be much lighter.
	r, g, b, _ := img.At(100, 960).RGBA()
	if r>>8 > 40 || g>>8 > 40 || b>>8 < 30 || b>>8 > 80 {
		t.Errorf("no ranking panel on screen: pixel %d,%d,%d", r>>8, g>>8, b>>8)
	}
}

// startMinisim starts the binary and returns its stdout, line by line.
func startMinisim(t *testing.T, args ...string) (*exec.Cmd, <-chan string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, lines
}

// waitLine waits for a line of stdout, failing the test after a while.
func waitLine(t *testing.T, lines <-chan string, want string) {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("minisim ended before printing %q", want)
			}
			if l == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %q within 30 s", want)
		}
	}
}

// A cloud storage write is on disk before its success callback: killing
// the process right then loses nothing.
func TestKilledAfterSuccessLosesNothing(t *testing.T) {
	data, mock := t.TempDir(), filepath.Join(game("durable"), "mock.json")
	cmd, lines := startMinisim(t, "--headless", "--data", data, "--mock", mock, "--query", "score=77", game("durable"))
	waitLine(t, lines, "saved")
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no clean-up runs
		t.Fatal(err)
	}
	cmd.Wait()
	// Ben sees Ann's score.
	out, errOut, status := minisim(t, "--headless", "--frames", "10", "--data", data, "--mock", mock, "--user", "o_ben", game("durable"))
	if status != 0 || !strings.Contains(out, "[open] saw Ann=77\n") {
		t.Fatalf("status %d, stdout:\n%s\nstderr:\n%s", status, out, errOut)
	}
}

// Two simulators on one --data folder, running at once, each see the
// other's score.
func TestTwoProcessesSeeEachOthersScores(t *testing.T) {
	data, mock := t.TempDir(), filepath.Join(game("durable"), "mock.json")
	_, ann := startMinisim(t, "--headless", "--data", data, "--mock", mock, "--query", "score=10", game("durable"))
	waitLine(t, ann, "saved")
	_, ben := startMinisim(t, "--headless", "--data", data, "--mock", mock, "--user", "o_ben", "--query", "score=20", game("durable"))
	waitLine(t, ben, "[open] saw Ann=10")
	waitLine(t, ann, "[open] saw Ben=20")
}
