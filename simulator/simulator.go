// Package simulator runs a mini game: it owns the window and the GL
// context, drives the frame loop (input, timers, animation frames,
// composite, present) and hosts the domains' platform APIs.
//
// Everything here runs on the main OS thread (the command locks it), since
// both GLFW and goja want a single thread.
package simulator

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/go-gl/glfw/v3.3/glfw"
	"github.com/minisim/minisim/audio"
	"github.com/minisim/minisim/cloudfn"
	"github.com/minisim/minisim/domains"
	"github.com/minisim/minisim/fonts"
	"github.com/minisim/minisim/gl"
	"github.com/minisim/minisim/internal/display"
	"github.com/minisim/minisim/jsapi"
	"github.com/minisim/minisim/mock"
	"github.com/minisim/minisim/store"
)

// ErrUncaught ends a headless run in which the game threw uncaught errors;
// the command exits 1.
var ErrUncaught = errors.New("uncaught errors during the run")

// Simulator is one running game.
type Simulator struct {
	cfg     Config
	project *Project
	device  Device // as the game sees it (rotated for landscape games)

	win         *glfw.Window
	stopDisplay func()
	renderer    *gl.Renderer
	fonts       *fonts.Library
	clock       *frameClock
	pacer       pacer

	main *domains.Domain
	api  *jsapi.API
	// open and openAPI run the open data domain; nil when the game has none.
	open     *domains.Domain
	openAPI  *jsapi.API
	link     *jsapi.OpenDataLink
	composed *gl.Canvas // the screen composed with an overlay, when one is shown

	// The persistent store, opened on first use (storage.go), and the mock
	// platform's world (cloud.go).
	store       *store.Store
	storeErr    error
	world       *mock.World
	cloudSeeded bool
	cloudFns    *cloudfn.Runner // the project's cloud functions, made on first use

	// Hot reload: programs keeps compiled modules across reloads; startErr
	// is what stopped game.js at its last start (shown on screen).
	programs       *domains.ProgramCache
	watcher        *watcher
	startErr       error
	reloads        int
	uncaughtBefore int
	// worker is the game's running Worker (worker.go); retired counts the
	// uncaught errors of workers it terminated.
	worker  *domains.Domain
	retired int

	// Window tools (devtools.go): key actions wait for the next frame.
	actions    []func()
	paused     bool
	stepOnce   bool
	rotated    bool   // O: the other orientation than game.json's
	baseDevice Device // the preset, before orientation
	showFPS    bool
	dialogs    []*dialog // the host's prompts and panels, front first (dialogs.go)
	toast      *toast    // the toast or loading indicator (toast.go)
	// vibrateUntil shows the vibration badge; clipboard is the last text
	// the game copied (host.go).
	vibrateUntil time.Duration
	clipboard    string
	interrupted  bool // I: another app holds the audio
	ui           *gl.Canvas
	uiCtx        *gl.Context2D
	lastFrame    time.Time
	frameDelta   time.Duration

	frame     int
	fps       int // the lower of --fps and the game's preferred rate
	refreshHz int // the monitor's refresh rate; 0 when unknown or headless
	exit      bool
	hidden    bool
	script    []InputEvent
	keys      []keyInput   // key input for the next frame (keyboard.go)
	pending   []touchEvent // mouse input waiting for the next frame
	touches   touchState
	mouseDown bool

	// network is the simulated connection (network.go).
	network simNetwork

	// Timings of the last frame, for benchmarks and the overlay.
	Stats FrameStats

	// mixer is the sound, opened on first use (audio.go).
	mixer        *audio.Mixer
	audioWarning <-chan string
}

// FrameStats are the costs of one frame.
type FrameStats struct {
	JS, Composite time.Duration
}

// Run runs the game the config names until it exits, the window closes,
// --frames is reached or ctx is cancelled. It must be called on the main
// OS thread.
func Run(ctx context.Context, cfg Config) (err error) {
	// JS bindings turn Go panics into JS errors; this catches a bug anywhere
	// else in the loop, so the user gets a report instead of a crash dump.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v\n%s", r, debug.Stack())
		}
	}()
	s, err := open(cfg)
	if err != nil {
		return err
	}
	defer s.close()
	return s.run(ctx)
}

func open(cfg Config) (s *Simulator, err error) {
	if cfg.FPS == 0 {
		cfg.FPS = 60
	}
	if cfg.Stdout == nil {
		cfg.Stdout = os.Stdout
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	if cfg.Device == "" {
		cfg.Device = DefaultDeviceName
	}
	project, err := LoadProject(cfg.GameDir, cfg.Platform)
	if err != nil {
		return nil, err
	}
	device, err := LookupDevice(cfg.Device)
	if err != nil {
		return nil, &UsageError{Msg: "--device: " + err.Error()}
	}
	world, err := loadWorld(cfg)
	if err != nil {
		return nil, err
	}
	s = &Simulator{cfg: cfg, project: project, device: device.Oriented(project.Landscape), fps: cfg.FPS,
		programs: domains.NewProgramCache(), baseDevice: device, world: world}
	if cfg.Input != "" {
		if s.script, err = LoadInputScript(cfg.Input); err != nil {
			return nil, err
		}
	}

	if s.stopDisplay, err = display.Ensure(cfg.Headless, func(msg string) { fmt.Fprintln(cfg.Stderr, msg) }); err != nil {
		return nil, err
	}
	if err = s.openWindow(); err == nil {
		s.renderer, err = gl.NewRenderer()
	}
	if err == nil {
		s.fonts = fonts.NewLibrary()
		s.clock = newFrameClock(cfg.Headless && !cfg.Realtime)
		err = s.startDomains()
	}
	if err == nil && s.watchEnabled() {
		if s.watcher, err = newWatcher(cfg.GameDir); err != nil {
			err = fmt.Errorf("--watch: %w", err)
		} else if cfg.Mock != "" {
			// A saved mock file applies at once, like a saved script.
			err = s.watcher.addFile(cfg.Mock)
		}
	}
	if err != nil {
		s.closeWindow() // and the display, if we started one
		return nil, err
	}
	return s, nil
}

// startDomains creates the main domain, installs the platform API and runs
// game.js.
func (s *Simulator) startDomains() error {
	var seed int64
	if s.clock.virtual {
		seed = 1 // deterministic Math.random under virtual time
	}
	opts := domains.Options{
		Name:          "main",
		Root:          s.project.Root,
		Stdout:        s.cfg.Stdout,
		Stderr:        s.cfg.Stderr,
		Clock:         s.clock,
		Seed:          seed,
		ScriptTimeout: s.cfg.ScriptTimeout,
		Programs:      s.programs,
	}
	if s.project.OpenDataContext != "" {
		opts.Forbidden = []string{s.project.OpenDataContext}
	}
	d, err := domains.New(opts)
	if err != nil {
		return err
	}
	s.main = d
	if dir := s.project.Workers; dir != "" {
		d.LockModules(dir, "it is in the workers folder, which only a Worker loads (wx.createWorker)")
	}
	if dir := s.project.OpenDataContext; dir != "" {
		if err := s.startOpenDomain(dir, opts); err != nil {
			return err
		}
	}
	s.api = jsapi.Install(d, s, jsapi.Config{Platform: s.project.Platform, Domain: jsapi.MainDomain, Link: s.link,
		Subpackages: s.project.Subpackages, Plugins: s.project.Plugins})
	if s.open != nil {
		s.open.RunMain(s.project.OpenDataContext + "/index.js")
	}
	s.startErr = d.RunMain("game.js") // reported; the window stays up (and shows it)
	return nil
}

// stopDomains tears both domains down with everything they drew with.
func (s *Simulator) stopDomains() {
	for _, d := range []*domains.Domain{s.main, s.open} {
		if d != nil {
			d.Close()
		}
	}
	for _, a := range []*jsapi.API{s.api, s.openAPI} {
		if a != nil {
			a.Close()
		}
	}
	s.main, s.api, s.open, s.openAPI, s.link = nil, nil, nil, nil, nil
	if s.renderer != nil {
		s.renderer.DeleteAll()
	}
	s.composed, s.ui = nil, nil // deleted with the rest
}

// reload restarts the game in the same window with the same device and
// launch query: new VMs, fresh canvases; compiled modules of unchanged
// files are reused. The project's config is read again, so edits to
// game.json apply too.
func (s *Simulator) reload(reason string) {
	start := time.Now()
	s.stopDomains()
	if p, err := LoadProject(s.cfg.GameDir, s.cfg.Platform); err == nil {
		s.project = p
	} else {
		s.warnf("reload: %v", err)
	}
	s.touches = touchState{}
	s.pending = nil
	// Their answers would go to the old domains. (stopDomains already freed
	// their images with every texture; this keeps reload right without it.)
	s.clearDialogs()
	s.setToast(nil)
	s.cloudFns = nil
	if w, err := loadWorld(s.cfg); err == nil {
		s.world, s.cloudSeeded = w, false
	} else {
		s.warnf("reload: %v (keeping the mock world as it was)", err)
	}
	s.uncaughtBefore, s.retired = 0, 0
	if err := s.startDomains(); err != nil {
		s.warnf("reload: %v", err)
		return
	}
	s.reloads++
	s.warnf("reloaded (%s) in %v", reason, time.Since(start).Round(time.Millisecond))
}

// startOpenDomain creates the open data domain: its own VM confined to
// its folder, sharing the clock and the shared canvas with the main one.
func (s *Simulator) startOpenDomain(dir string, mainOpts domains.Options) error {
	opts := mainOpts
	opts.Name = "open"
	opts.Scope = dir
	opts.Forbidden = nil
	opts.LinePrefix = "[open] "
	if opts.Seed != 0 {
		opts.Seed = 2
	}
	open, err := domains.New(opts)
	if err != nil {
		return err
	}
	w, h := int(math.Round(s.device.Width)), int(math.Round(s.device.Height))
	shared, err := s.renderer.NewCanvas(w, h)
	if err != nil {
		open.Close()
		return err
	}
	s.open = open
	s.link = jsapi.NewOpenDataLink(shared, w, h)
	s.openAPI = jsapi.Install(open, s, jsapi.Config{Platform: s.project.Platform, Domain: jsapi.OpenDomain, Link: s.link,
		Plugins: s.project.Plugins})
	if _, err := os.Stat(filepath.Join(s.project.Root, filepath.FromSlash(dir), "index.js")); err != nil {
		open.Warnf("the open data domain's entry %s/index.js is missing", dir)
	}
	return nil
}

// eachDomain runs f for the main domain, then the open one if any.
func (s *Simulator) eachDomain(f func(d *domains.Domain, api *jsapi.API)) {
	if s.main == nil { // a reload that could not start the game
		return
	}
	f(s.main, s.api)
	if s.open != nil {
		f(s.open, s.openAPI)
	}
}

func (s *Simulator) close() {
	if s.watcher != nil {
		s.watcher.Close()
	}
	s.stopDomains()
	s.closeAudio()
	s.closeWindow()
}

func (s *Simulator) warnf(format string, args ...any) {
	fmt.Fprintf(s.cfg.Stderr, "minisim: "+format+"\n", args...)
}

// period is the time between frames at the current rate.
func (s *Simulator) period() time.Duration {
	return time.Second / time.Duration(s.fps)
}

func (s *Simulator) run(ctx context.Context) error {
	for !s.exit {
		if ctx.Err() != nil {
			break
		}
		if s.cfg.Frames > 0 && s.frame >= s.cfg.Frames {
			break
		}
		s.waitForFrame()
		s.runFrame()
		if s.cfg.ScreenshotAt[s.frame] {
			if err := s.writeScreenshot(fmt.Sprintf(s.cfg.ScreenshotPattern, s.frame)); err != nil {
				return err
			}
		}
		if s.win.ShouldClose() {
			break
		}
	}
	if s.cfg.Screenshot != "" {
		if err := s.writeScreenshot(s.cfg.Screenshot); err != nil {
			return err
		}
	}
	if s.cfg.Headless && s.UncaughtErrors() > 0 {
		return ErrUncaught
	}
	return nil
}

// waitForFrame advances virtual time, or in real time sleeps until the
// frame's deadline while running timers and posted tasks as they come due.
func (s *Simulator) waitForFrame() {
	if s.clock.virtual {
		// Async work (image decoding) finishes before the frame that would
		// see it, so a headless run does not depend on thread timing.
		s.eachLoop(func(d *domains.Domain) { d.WaitAsync() })
		s.clock.advance(s.period())
		return
	}
	due := s.pacer.due(time.Now(), s.period())
	if s.pacer.vsyncPaces(s.period(), s.refreshHz) {
		due = time.Now() // the swap already waited for the vertical blank
	}
	for {
		s.eachLoop(func(d *domains.Domain) { d.RunPosted() })
		now := time.Now()
		if !now.Before(due) {
			return
		}
		wait := due.Sub(now)
		s.eachLoop(func(d *domains.Domain) {
			if next, ok := d.NextTimer(); ok {
				if d := next - s.clock.Now(); d < wait {
					wait = max(d, 0)
				}
			}
		})
		if wait > 0 {
			t := time.NewTimer(wait)
			var openWake, workerWake, watchWake <-chan struct{}
			if s.open != nil {
				openWake = s.open.Wake()
			}
			if s.worker != nil {
				workerWake = s.worker.Wake()
			}
			if s.watcher != nil {
				watchWake = s.watcher.wake
			}
			select {
			case <-t.C:
			case <-s.main.Wake():
				t.Stop()
			case <-openWake:
				t.Stop()
			case <-workerWake:
				t.Stop()
			case <-watchWake: // a save: reload now rather than at the deadline
				t.Stop()
				return
			}
		}
		s.eachLoop(func(d *domains.Domain) { d.RunTimers(s.clock.Now()) })
		if !s.cfg.Headless {
			glfw.PollEvents() // keep the window responsive between frames
		}
	}
}

// watchEnabled resolves --watch: on by default with a window.
func (s *Simulator) watchEnabled() bool {
	if s.cfg.Watch != nil {
		return *s.cfg.Watch
	}
	return !s.cfg.Headless
}

// reloadIfChanged reloads the game when the watcher saw a relevant save.
func (s *Simulator) reloadIfChanged() {
	if s.watcher == nil {
		return
	}
	select {
	case files := <-s.watcher.changed:
		if s.relevant(files) {
			s.reload(files[0] + " changed")
		}
	default:
	}
}

// runFrame is one frame: input, due timers, animation frames, composite,
// present.
func (s *Simulator) runFrame() {
	start := time.Now()
	now := s.clock.Now()
	glfw.PollEvents()
	s.runActions()
	s.tickDialogs()
	s.reportAudio()
	s.reloadIfChanged()
	if !s.lastFrame.IsZero() {
		s.frameDelta = start.Sub(s.lastFrame)
	}
	s.lastFrame = start
	if s.paused && !s.stepOnce {
		s.composite() // keep showing the frozen frame
		return
	}
	s.stepOnce = false
	s.eachLoop(func(d *domains.Domain) { d.RunPosted() })
	s.dispatchInput(now)
	s.eachLoop(func(d *domains.Domain) { d.RunTimers(now) })
	s.eachDomain(func(d *domains.Domain, _ *jsapi.API) { d.RunAnimationFrame(now) })
	jsDone := time.Now()
	s.composite()
	s.Stats = FrameStats{JS: jsDone.Sub(start), Composite: time.Since(jsDone)}
	s.frame++
}

// dispatchInput delivers the script's events for this frame, then the
// mouse's.
func (s *Simulator) dispatchInput(now time.Duration) {
	events := s.pending
	s.pending = nil
	for len(s.script) > 0 && s.script[0].Frame <= s.frame {
		if e := s.script[0]; e.Frame == s.frame {
			if k, ok := e.keyInput(); ok {
				s.keys = append(s.keys, k)
			} else {
				events = append(events, e.touchEvent())
			}
		}
		s.script = s.script[1:]
	}
	if s.touchesMasked() {
		events = nil // a toast's mask takes the touches
	}
	for _, ev := range events {
		changed, active, ok := s.touches.apply(ev)
		if ok { // both domains get touches, in screen coordinates
			s.eachDomain(func(_ *domains.Domain, api *jsapi.API) { api.DispatchTouch(ev.phase, changed, active, now) })
		}
	}
	s.dispatchKeys(now)
}

// physicalSize is the device screen in pixels.
func (s *Simulator) physicalSize() (int, int) {
	return int(math.Round(s.device.Width * s.device.PixelRatio)), int(math.Round(s.device.Height * s.device.PixelRatio))
}

// writeScreenshot saves what the screen shows, at logical size × pixel
// ratio, as a PNG.
func (s *Simulator) writeScreenshot(path string) error {
	w, h := s.physicalSize()
	var img *image.RGBA
	if c := s.frameCanvas(); c != nil {
		img = s.renderer.ReadScaled(c, w, h)
	} else {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	opaqueOverBlack(img)
	if dir := filepath.Dir(path); dir != "" {
		os.MkdirAll(dir, 0o755)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--screenshot: %w", err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("--screenshot %s: %w", path, err)
	}
	return f.Close()
}

// frameCanvas is what the device screen shows: the on-screen canvas, or,
// when TikTok's shared canvas overlay is placed, a composition of both at
// the screen's pixel size.
func (s *Simulator) frameCanvas() *gl.Canvas {
	if s.api == nil {
		return nil
	}
	screen := s.api.ScreenCanvas()
	if s.link == nil || s.project.Platform != PlatformTikTok {
		return screen
	}
	x, y, w, h, ok := s.link.OverlayRect(s.device.Width, s.device.Height)
	if !ok {
		return screen
	}
	pw, ph := s.physicalSize()
	if s.composed == nil {
		f, err := s.renderer.NewCanvas(pw, ph)
		if err != nil {
			return screen
		}
		s.composed = f
	}
	k := s.device.PixelRatio
	s.renderer.ComposeFrame(s.composed, screen, []gl.Overlay{{Canvas: s.link.SharedCanvas(), X: x * k, Y: y * k, W: w * k, H: h * k}})
	return s.composed
}

// opaqueOverBlack turns premultiplied pixels into what the phone shows:
// the canvas over the black screen behind it.
func opaqueOverBlack(img *image.RGBA) {
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
}

// The jsapi.Host implementation.

// platformHosts are the host app versions the game sees.
var platformHosts = map[string]struct{ version, sdk, appName string }{
	PlatformWeChat: {version: "8.0.54", sdk: "3.7.3"},
	PlatformTikTok: {version: "31.2.0", sdk: "3.45.0", appName: "Douyin"},
}

// SystemInfo describes the device preset to the game.
func (s *Simulator) SystemInfo() jsapi.SystemInfo {
	d := s.device
	l, r, t, b, w, h := d.SafeAreaRect()
	host := platformHosts[s.project.Platform]
	orientation := "portrait"
	if s.project.Landscape {
		orientation = "landscape"
	}
	return jsapi.SystemInfo{
		Brand: d.Brand, Model: d.Model, System: d.System, Platform: d.Platform,
		ScreenWidth: d.Width, ScreenHeight: d.Height, WindowWidth: d.Width, WindowHeight: d.Height,
		PixelRatio: d.PixelRatio, StatusBarHeight: d.StatusBarHeight,
		SafeArea:    jsapi.Rect{Left: l, Right: r, Top: t, Bottom: b, Width: w, Height: h},
		Orientation: orientation, Language: "zh_CN",
		Version: host.version, SDKVersion: host.sdk, AppName: host.appName,
		BenchmarkLevel: d.BenchmarkLevel, MemorySize: d.MemorySize,
	}
}

// LaunchOptions returns the --query and the scene a game opened from the
// chat list reports.
func (s *Simulator) LaunchOptions() jsapi.LaunchOptions {
	lo := jsapi.LaunchOptions{Scene: s.cfg.Scene, Query: s.cfg.Query, ShareTicket: s.cfg.ShareTicket}
	if lo.Scene == 0 {
		lo.Scene = 1001 // opened from the chat list's mini program entry
		if lo.ShareTicket != "" {
			lo.Scene = 1044 // a group chat's share card, with its shareTicket
		}
	}
	return lo
}

// Renderer is the GL renderer.
func (s *Simulator) Renderer() *gl.Renderer { return s.renderer }

// Fonts is the font library.
func (s *Simulator) Fonts() *fonts.Library { return s.fonts }

// SetPreferredFPS lowers the frame rate; it never exceeds --fps.
func (s *Simulator) SetPreferredFPS(fps int) { s.fps = min(max(fps, 1), s.cfg.FPS) }

// Exit ends the run after the current frame.
func (s *Simulator) Exit() { s.exit = true }

// Frame is the number of frames run so far.
func (s *Simulator) Frame() int { return s.frame }
