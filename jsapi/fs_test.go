package jsapi_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/jsapi"
)

// userDirs is the folder each fake host's UserDataDir answers.
var userDirs sync.Map

func (h *fakeHost) UserDataDir() (string, error) {
	if d, ok := userDirs.Load(h); ok {
		return d.(string), nil
	}
	return "", errors.New("this test gives no user data folder")
}

// secret is what the folder beside the game's holds: it must never reach
// the game.
const secret = "TOP-SECRET-42"

// fsWorld is a game folder, the player's data folder, and a folder beside
// them the game must never reach.
type fsWorld struct{ base, game, data, outside string }

func newFSWorld(t *testing.T) *fsWorld {
	t.Helper()
	base := t.TempDir()
	w := &fsWorld{base: base, game: filepath.Join(base, "game"), data: filepath.Join(base, "data"), outside: filepath.Join(base, "outside")}
	mustWrite(t, filepath.Join(w.outside, "secret.txt"), secret)
	mustWrite(t, filepath.Join(w.game, "assets", "level.json"), `{"level":1}`)
	if err := os.MkdirAll(w.data, 0o755); err != nil {
		t.Fatal(err)
	}
	return w
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fsPrelude gives the test games fs, U (USER_DATA_PATH), log for callbacks
// and sync for Sync calls, which also checks the thrown shape.
const fsPrelude = `var P = typeof wx !== 'undefined' ? wx : tt;
var fs = P.getFileSystemManager(), U = P.env.USER_DATA_PATH;
function log(tag) { return function (r) { console.log(tag, JSON.stringify(r)); }; }
function sync(tag, f) {
  try { console.log(tag, JSON.stringify(f())); } catch (e) {
    if (!(e instanceof Error) || e.errMsg !== e.message) { console.log(tag, 'BAD THROW', e); }
    console.log(tag, 'threw', e.message);
  }
}
`

// run runs src (after fsPrelude) as the game in w; before may prepare the
// API and globals first.
func (w *fsWorld) run(t *testing.T, platform, src string, before func(e *env)) *env {
	t.Helper()
	mustWrite(t, filepath.Join(w.game, "game.js"), fsPrelude+src)
	host := &fakeHost{}
	userDirs.Store(host, w.data)
	t.Cleanup(func() { userDirs.Delete(host) })
	e := &env{host: host}
	d, err := domains.New(domains.Options{Name: "main", Root: w.game, Stdout: &e.out, Stderr: &e.err, Clock: &clock{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	e.d = d
	e.api = jsapi.Install(d, host, jsapi.Config{Platform: platform})
	t.Cleanup(e.api.Close)
	if before != nil {
		before(e)
	}
	d.RunMain("game.js")
	settle(e)
	return e
}

// settle runs the file work started and the callbacks it leads to.
func settle(e *env) {
	for i := 0; i < 30; i++ {
		e.d.WaitAsync()
		e.d.RunPosted()
	}
}

// platformText puts a platform's paths into an expected output written
// for WeChat (U is USER_DATA_PATH).
func platformText(platform, s string) string {
	if platform == "tiktok" {
		s = strings.ReplaceAll(s, "wxfile://usr", "ttfile://user")
	}
	return s
}

// fsCase is one Sync call and what it prints on each platform ("" for
// TikTok: as on WeChat, with TikTok's paths).
type fsCase struct{ js, wx, tt string }

// runCases runs the cases in order on both platforms in fresh worlds.
func runCases(t *testing.T, cases []fsCase, setup func(w *fsWorld)) {
	t.Helper()
	var src strings.Builder
	for i, c := range cases {
		fmt.Fprintf(&src, "sync(%d, function () { return %s; });\n", i, c.js)
	}
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			w := newFSWorld(t)
			if setup != nil {
				setup(w)
			}
			e := w.run(t, platform, src.String(), nil)
			lines := strings.Split(strings.TrimSpace(e.out.String()), "\n")
			for i, c := range cases {
				want := c.wx
				if platform == "tiktok" && c.tt != "" {
					want = c.tt
				}
				want = fmt.Sprintf("%d %s", i, platformText(platform, want))
				if i >= len(lines) || lines[i] != want {
					got := "(nothing)"
					if i < len(lines) {
						got = lines[i]
					}
					t.Errorf("%s\n got: %s\nwant: %s", c.js, got, want)
				}
			}
			if len(lines) != len(cases) || e.err.Len() > 0 {
				t.Errorf("output:\n%s\nstderr: %s", e.out.String(), e.err.String())
			}
		})
	}
}
