package simulator

import (
	"strings"
	"testing"
)

func TestHeadlessAudioKeepsItsTiming(t *testing.T) {
	r := mustRunGame(t, "audio", "--frames", "40")
	// Under --headless the clock moves 1000/60 ms a frame and timers run
	// at frames, as setTimeout's do: a 100 ms sound, played at a frame,
	// ends on the 7th frame after (6 frames are a hair under 100 ms). The
	// first play waits a frame for the load. The silent mixer plays no part.
	wantLines(t, r.stdout, "canplay 0.1\nplay 1\nended 1 after 133 ms\nplay 2\nended 2 after 117 ms\nplay 3\nended 3 after 117 ms\n")
	if strings.Contains(r.stderr, "sound device") {
		t.Errorf("a headless run looked for a sound device: %s", r.stderr)
	}
}

// The sound device opens off the loop; its warning is printed on the
// loop, at the next frame or at exit.
func TestTheDeviceWarningIsPrintedOnTheLoop(t *testing.T) {
	var stderr strings.Builder
	warnings := make(chan string, 1)
	s := &Simulator{cfg: Config{Stderr: &stderr}, audioWarning: warnings}
	s.reportAudio()                           // nothing yet
	warnings <- "no sound device (none here)" // from the opening goroutine
	s.reportAudio()
	s.closeAudio()
	if got := stderr.String(); got != "minisim: no sound device (none here)\n" {
		t.Errorf("stderr: %q", got)
	}
}
