package jsapi

import (
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/audio"
	"github.com/minisim/minisim/fonts"
	"github.com/minisim/minisim/gl"
)

// Loop is what the bindings need from the domain they live in (package
// domains implements it): the VM, guarded calls, and async work.
type Loop interface {
	VM() *goja.Runtime
	// Call runs a JS callback as its own turn, reporting what it throws.
	Call(fn goja.Callable, this goja.Value, args ...goja.Value)
	// Guard runs fn as one turn: watchdog armed, errors reported.
	Guard(fn func())
	// CallNested calls a listener from inside a turn.
	CallNested(fn goja.Callable, this goja.Value, args ...goja.Value)
	// Post queues fn to run as a later turn.
	Post(fn func())
	// Go runs work off the loop; the returned func runs back on it.
	Go(work func() (done func()))
	ReportError(err error)
	OnError(hook func(message, stack string))
	Root() string
	Warnf(format string, args ...any)
	// AddHint adds a line to error reports whose message it recognizes.
	AddHint(hint func(message string) string)
	// Now is the domain's performance.now clock.
	Now() time.Duration
	// After runs fn as a turn once Now has moved delay on; cancel stops it.
	After(delay time.Duration, fn func()) (cancel func())
	// GrantModules lets the domain load modules under folder even
	// outside its own folder (a plugin declared for it).
	GrantModules(folder string)
	// LockModules makes require under folder fail with reason until
	// unlocked; Require runs a module from inside a turn.
	LockModules(folder, reason string) (unlock func())
	Require(id string) (goja.Value, error)
}

// Host is what the simulator provides to the APIs: the device the game
// believes it runs on, the GL renderer, and control of the run.
type Host interface {
	SystemInfo() SystemInfo
	LaunchOptions() LaunchOptions
	Renderer() *gl.Renderer
	Fonts() *fonts.Library
	// SetPreferredFPS lowers the frame rate (wx.setPreferredFramesPerSecond).
	SetPreferredFPS(fps int)
	// Exit ends the run after the current frame (wx.exitMiniProgram).
	Exit()
	// LocalStorage is this app's and player's local storage in the
	// persistent store, opened on first use.
	LocalStorage() (KV, error)
	// Cloud is the mock platform's cloud storage and relationship chain.
	Cloud() (Cloud, error)
	// Account is the mock platform's login, authorization, privacy and
	// share answers.
	Account() Account
	// Ask puts a prompt to the player over the game and calls answer once
	// they choose: at once, inside the call, under --headless. Ask,
	// OpenSettings and Choose need not call back on the loop; the API
	// posts every answer as a turn of its own (prompts.go).
	Ask(p Prompt, answer func(allow bool))
	// OpenSettings shows the settings panel for the decided scopes and
	// calls done with the scopes the player changed.
	OpenSettings(decided map[string]bool, done func(changed map[string]bool))
	// CloudFunctions runs the project's cloud functions; nil when the
	// project has none.
	CloudFunctions() CloudFunctions
	// ShowToast shows a toast or loading indicator (replacing the one
	// showing); HideToast hides a toast, or with loading a loading one.
	ShowToast(t Toast)
	HideToast(loading bool)
	// Choose shows an action sheet and calls answer with the index picked,
	// or -1 for cancel (headless: the first item, logged).
	Choose(title string, items []string, answer func(index int))
	// Vibrate shows a short (15 ms) or long (400 ms) vibration.
	Vibrate(long bool)
	// SetClipboard and Clipboard are the desktop's clipboard.
	SetClipboard(text string)
	Clipboard() string
	// CreateWorker starts scriptPath (inside game.json's "workers" folder)
	// in a VM of its own; deliver receives the worker's messages.
	CreateWorker(scriptPath string, deliver func(msg any)) (WorkerHandle, error)
	// UserDataDir is this app's and player's folder for the file system's
	// user data and saved files, created on first use.
	UserDataDir() (string, error)
	// Audio is the mixer the game's sounds play through, opened on first
	// use (silent under --headless or without a sound device).
	Audio() *audio.Mixer
	// NetworkType is the simulated connection: "wifi", "4g", ..., or
	// "none", with which every network API fails.
	NetworkType() string
	// NetworkTimeout is game.json's networkTimeout for "request",
	// "connectSocket", "uploadFile" or "downloadFile" (60 s by default).
	NetworkTimeout(kind string) time.Duration
}

// LaunchOptions is what getLaunchOptionsSync returns.
type LaunchOptions struct {
	Scene int
	Query []QueryParam // in the order the launch URL gave them
	// ShareTicket is set when the game opened from a group's share card.
	ShareTicket string
}

// QueryParam is one key=value of a launch query.
type QueryParam struct{ Key, Value string }

// API is the platform object (wx or tt) of one domain and the state behind
// it: listeners, canvases, images.
type API struct {
	loop     Loop
	vm       *goja.Runtime
	host     Host
	platform string // "wechat" | "tiktok"
	domain   string // MainDomain | OpenDomain
	obj      *goja.Object
	// link joins the domains (nil without an open data domain);
	// sharedCanvas is this domain's object for the shared canvas.
	link         *OpenDataLink
	sharedCanvas *canvasBinding

	listeners map[string][]listener
	sources   map[*goja.Object]gl.Source
	screen    *canvasBinding
	canvases  []*canvasBinding
	images    map[*goja.Object]*imageBinding
	paints    paints
	path2Ds   map[*goja.Object]*gl.Path2D
	temp      *tempFiles
	// avatars maps the avatar URLs handed to the game to the mock file's
	// images (cloud.go).
	avatars map[string]string
	assets  []string // game files read for images and fonts, for hot reload

	// asking holds the calls waiting on an authorization prompt, by scope;
	// privacy is the privacy authorization flow (auth.go).
	asking  map[string][]func(reason string)
	privacy privacyFlow
	// shareMenu is WeChat's share menu state (share.go).
	shareMenu shareMenu
	// cloudIDs are the cloudIDs handed out (wxcloud.go).
	cloudIDs cloudIDs
	// subpackages are game.json's subpackages and their state.
	subpackages []*subpackageState
	// keyboard is the soft keyboard (keyboard.go).
	keyboard Keyboard
	// worker is the running Worker object and its host side (worker.go).
	worker       *goja.Object
	workerHandle WorkerHandle
	// files is the file system's folders (fs.go).
	files *fileSystem
	audio *audioState // InnerAudioContexts and their sounds (audio.go)
	// net holds the network APIs' transfers and sockets (network.go).
	net *network
}

// Install creates the platform object (wx for WeChat, tt for TikTok) in the
// domain and returns it for the simulator to drive events through.
func Install(loop Loop, host Host, cfg Config) *API {
	platform := cfg.Platform
	if cfg.Domain == "" {
		cfg.Domain = MainDomain
	}
	a := &API{
		loop: loop, vm: loop.VM(), host: host, platform: platform, domain: cfg.Domain, link: cfg.Link,
		listeners: map[string][]listener{},
		sources:   map[*goja.Object]gl.Source{},
		images:    map[*goja.Object]*imageBinding{},
		paints:    newPaints(),
		path2Ds:   map[*goja.Object]*gl.Path2D{},
		temp:      newTempFiles(platform),
		avatars:   map[string]string{},
	}
	a.obj = a.vm.NewObject()
	a.installSystem()
	a.installEvents()
	a.installCanvas()
	a.installPath2D()
	a.installCanvasToTempFilePath()
	a.installImage()
	a.installStorage()
	a.installCloud()
	a.installAccount()
	a.installAuth()
	a.installShare()
	a.installWXCloud()
	a.installUI()
	a.installDevice()
	a.installKeyboard()
	a.installWorker()
	a.installOpenData()
	if a.domain == MainDomain {
		a.installSubpackages(cfg.Subpackages)
	}
	a.installFS()
	a.installAudio()
	a.installNetwork()
	a.set("canIUse", a.canIUse)
	a.applyDomainTable()
	g := a.vm.GlobalObject()
	if platform == "tiktok" {
		must(g.Set("tt", a.obj))
		must(g.Set("TTMinis", a.object("game", a.obj)))
	} else {
		must(g.Set("wx", a.obj))
	}
	a.installPlugins(cfg.Plugins)
	loop.OnError(a.dispatchError)
	return a
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// set defines a method on the platform object, panic-safe.
func (a *API) set(name string, fn func(goja.FunctionCall) goja.Value) {
	must(a.obj.Set(name, Native(a.vm, a.apiName(name), fn)))
}

func (a *API) apiName(method string) string {
	if a.platform == "tiktok" {
		return "tt." + method
	}
	return "wx." + method
}

// canIUse answers from the platform object itself, so it can never claim
// an API that is absent: "getSystemInfoSync" or "Canvas.getContext"-style
// paths whose first part must exist on the platform object.
func (a *API) canIUse(call goja.FunctionCall) goja.Value {
	schema := strings.TrimSpace(call.Argument(0).String())
	if schema == "" {
		return a.vm.ToValue(false)
	}
	first := strings.SplitN(schema, ".", 2)[0]
	v := a.obj.Get(first)
	return a.vm.ToValue(v != nil && !goja.IsUndefined(v))
}

// Methods lists the platform object's members (for tests and docs).
func (a *API) Methods() []string {
	keys := a.obj.Keys()
	sort.Strings(keys)
	return keys
}

// LoadedAssets lists the game's files (slash paths relative to the game
// root) that images and fonts were read from.
func (a *API) LoadedAssets() []string { return append([]string(nil), a.assets...) }

// Close releases what the API holds outside the VM: its worker, sounds,
// transfers and sockets, open files and temp files.
func (a *API) Close() {
	a.stopWorker()
	a.closeAudio()
	a.net.close()
	a.temp.Cleanup()
	a.files.close()
}

// ScreenCanvas is the on-screen canvas, nil until the game creates it.
func (a *API) ScreenCanvas() *gl.Canvas {
	if a.screen == nil {
		return nil
	}
	return a.screen.canvas
}

// errMsg builds the platform's error message form "api:fail reason".
func (a *API) errMsg(method, reason string) string {
	if reason == "" {
		return method + ":ok"
	}
	return method + ":fail " + reason
}
