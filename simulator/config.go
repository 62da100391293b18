package simulator

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/minisim/minisim/jsapi"
)

// Config is one run of the simulator, as the command line describes it
// (see shared/spec/cli.md).
type Config struct {
	GameDir    string
	Device     string
	Platform   string // "", "wechat" or "tiktok"
	FPS        int
	Headless   bool
	Realtime   bool
	Frames     int // 0: run until the window closes or the game exits
	Screenshot string
	// ScreenshotAt takes screenshots after the listed frames, named by
	// ScreenshotPattern (with %d for the frame number).
	ScreenshotAt      map[int]bool
	ScreenshotPattern string
	Input             string
	Query             []jsapi.QueryParam
	// Scene is --scene (0: the default, 1001, or 1044 from a group card);
	// ShareTicket is --share-ticket: the game opened from the share card of
	// that mock group.
	Scene       int
	ShareTicket string
	// Watch is hot reload: nil means the default (on with a window).
	Watch         *bool
	ScriptTimeout time.Duration
	// DataDir is --data: where the store lives ("" = the user's config folder).
	DataDir string
	// Mock is --mock: the mock platform file ("" = the built-in world);
	// User is --user: the openid to play as instead of the world's "me".
	Mock, User string
	// CPUProfile, when set, writes a Go CPU profile of the run there.
	CPUProfile string
	// Network is --network: the connection the phone starts with ("" =
	// wifi; "none" makes the network APIs fail).
	Network string

	Stdout, Stderr io.Writer
}

// Usage is printed by -h.
var Usage = fmt.Sprintf(`minisim runs a WeChat or TikTok mini game folder on the desktop.

usage: minisim [flags] GAME_DIR
       minisim --devices

flags:
  --device NAME         device preset (default "iPhone 8"); --devices lists them
  --platform P          wechat or tiktok (default: detected from the project files)
  --fps N               frame rate requestAnimationFrame is locked to (default 60)
  --headless            no visible window; time is virtual (each frame advances 1000/fps ms)
  --realtime            with --headless: keep real time (benchmarks)
  --frames N            exit after N frames
  --screenshot FILE     at exit, write the screen as a PNG (logical size x pixel ratio)
  --screenshot-at F:P   after frames F (e.g. 60,120), write the screen to P (e.g. out-%%d.png)
  --input FILE          replay scripted touches (JSON: [{"frame", "type", "id", "x", "y"}])
  --query K=V&...       launch query (wx.getLaunchOptionsSync().query)
  --scene N             launch scene (default 1001; 1044 with --share-ticket)
  --share-ticket T      open the game from the share card of mock group T (getGroupCloudStorage)
  --watch, --no-watch   hot reload on file change (default: on with a window, off headless)
  --script-timeout D    interrupt a script that runs longer than D (default 5s; 0 = never)
  --cpuprofile FILE     write a Go CPU profile of the run (go tool pprof)
  --data DIR            where what persists lives (local storage...); default: the user config folder
  --mock FILE           the mock platform: users, friends, groups, cloud storage seed (see mock.md)
  --user OPENID         play as this mock user (two simulators on one --data see each other)
  --network T           connection: wifi (default), 2g, 3g, 4g, 5g, unknown or none (offline)

%s
exit status: 0 ok, 1 an uncaught error in a headless run or a failure while running,
2 a bad command line or a game folder that cannot run.
`, KeyHelp)

// UsageError is a bad command line; the command exits 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// ErrHelp is returned for -h: print Usage and exit 0.
var ErrHelp = flag.ErrHelp

// ListDevices is returned when --devices asks for the preset list.
var ListDevices = errors.New("list devices")

// ParseArgs reads the command line (without the program name).
func ParseArgs(args []string) (Config, error) {
	cfg := Config{Stdout: os.Stdout, Stderr: os.Stderr}
	fs := flag.NewFlagSet("minisim", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cfg.Device, "device", DefaultDeviceName, "")
	devices := fs.Bool("devices", false, "")
	fs.StringVar(&cfg.Platform, "platform", "", "")
	fs.IntVar(&cfg.FPS, "fps", 60, "")
	fs.BoolVar(&cfg.Headless, "headless", false, "")
	fs.BoolVar(&cfg.Realtime, "realtime", false, "")
	fs.IntVar(&cfg.Frames, "frames", 0, "")
	fs.StringVar(&cfg.Screenshot, "screenshot", "", "")
	shotsAt := fs.String("screenshot-at", "", "")
	fs.StringVar(&cfg.Input, "input", "", "")
	query := fs.String("query", "", "")
	fs.IntVar(&cfg.Scene, "scene", 0, "")
	fs.StringVar(&cfg.ShareTicket, "share-ticket", "", "")
	watch := fs.Bool("watch", false, "")
	noWatch := fs.Bool("no-watch", false, "")
	fs.DurationVar(&cfg.ScriptTimeout, "script-timeout", 5*time.Second, "")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "")
	fs.StringVar(&cfg.DataDir, "data", "", "")
	fs.StringVar(&cfg.Mock, "mock", "", "")
	fs.StringVar(&cfg.User, "user", "", "")
	fs.StringVar(&cfg.Network, "network", "", "")

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, ErrHelp
		}
		return cfg, &UsageError{Msg: err.Error()}
	}
	if *devices {
		return cfg, ListDevices
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["user"] && cfg.User == "" {
		return cfg, &UsageError{Msg: "--user needs an openid"}
	}
	if set["share-ticket"] && cfg.ShareTicket == "" {
		return cfg, &UsageError{Msg: "--share-ticket needs a group's ticket (a key of the mock file's \"groups\")"}
	}
	if cfg.Network != "" && !slices.Contains(jsapi.NetworkTypes(PlatformWeChat), cfg.Network) {
		return cfg, &UsageError{Msg: fmt.Sprintf("--network %q: must be one of %s", cfg.Network, strings.Join(jsapi.NetworkTypes(PlatformWeChat), ", "))}
	}
	if set["scene"] && cfg.Scene < 1 {
		return cfg, &UsageError{Msg: fmt.Sprintf("--scene %d: scenes are positive numbers (1001, 1044, ...)", cfg.Scene)}
	}
	if set["watch"] && set["no-watch"] {
		return cfg, &UsageError{Msg: "--watch and --no-watch contradict each other"}
	}
	if set["watch"] {
		cfg.Watch = watch
	} else if set["no-watch"] {
		off := !*noWatch
		cfg.Watch = &off
	}
	if fs.NArg() != 1 {
		if fs.NArg() == 0 {
			return cfg, &UsageError{Msg: "no game folder given (usage: minisim [flags] GAME_DIR)"}
		}
		return cfg, &UsageError{Msg: fmt.Sprintf("one game folder expected, got %d arguments: %s (flags go before GAME_DIR)",
			fs.NArg(), strings.Join(fs.Args(), " "))}
	}
	cfg.GameDir = fs.Arg(0)
	if cfg.FPS < 1 || cfg.FPS > 240 {
		return cfg, &UsageError{Msg: fmt.Sprintf("--fps %d: must be 1 to 240", cfg.FPS)}
	}
	if cfg.Frames < 0 {
		return cfg, &UsageError{Msg: fmt.Sprintf("--frames %d: must not be negative", cfg.Frames)}
	}
	if cfg.Realtime && !cfg.Headless {
		return cfg, &UsageError{Msg: "--realtime goes with --headless (a window always runs in real time)"}
	}
	if cfg.ScriptTimeout < 0 {
		return cfg, &UsageError{Msg: "--script-timeout must not be negative"}
	}
	if cfg.Platform != "" && cfg.Platform != PlatformWeChat && cfg.Platform != PlatformTikTok {
		return cfg, &UsageError{Msg: fmt.Sprintf("--platform %q: must be wechat or tiktok", cfg.Platform)}
	}
	if _, err := LookupDevice(cfg.Device); err != nil {
		return cfg, &UsageError{Msg: "--device: " + err.Error()}
	}
	if *shotsAt != "" {
		frames, pattern, ok := strings.Cut(*shotsAt, ":")
		if !ok || !strings.Contains(pattern, "%d") {
			return cfg, &UsageError{Msg: fmt.Sprintf("--screenshot-at %q: want FRAMES:PATTERN, e.g. 60,120:out-%%d.png", *shotsAt)}
		}
		cfg.ScreenshotAt = map[int]bool{}
		for _, f := range strings.Split(frames, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 {
				return cfg, &UsageError{Msg: fmt.Sprintf("--screenshot-at: %q is not a frame number (1 or more)", f)}
			}
			cfg.ScreenshotAt[n] = true
		}
		cfg.ScreenshotPattern = pattern
	}
	q, err := parseQuery(*query)
	if err != nil {
		return cfg, &UsageError{Msg: "--query: " + err.Error()}
	}
	cfg.Query = q
	return cfg, nil
}

// parseQuery reads "k=v&k2=v2" (URL-encoded) in order; a repeated key
// keeps its first place and its last value, as a launch query has one
// value per key.
func parseQuery(s string) ([]jsapi.QueryParam, error) {
	var q []jsapi.QueryParam
	for _, part := range strings.Split(strings.TrimPrefix(s, "?"), "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			return nil, err
		}
		val, err := url.QueryUnescape(v)
		if err != nil {
			return nil, err
		}
		replaced := false
		for i := range q {
			if q[i].Key == key {
				q[i].Value, replaced = val, true
			}
		}
		if !replaced {
			q = append(q, jsapi.QueryParam{Key: key, Value: val})
		}
	}
	return q, nil
}
