package cloudfn

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/domains"
)

// Call runs the named function with event and returns what its main
// returned (or resolved to), as JSON would carry it: map[string]any,
// []any, float64, string, bool or nil. It blocks until main settles or the
// function's time limit passes; call it off the simulator's loop.
//
// As on the platform, the first uncaught error of the call (a throw in a
// timer callback, a promise rejected with no handler) fails it, and
// whatever main left pending when it settled is dropped.
func (r *Runner) Call(name string, event map[string]any, ctx Context) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			result, err = nil, fmt.Errorf("cloud function %q: internal error: %v", name, p)
		}
	}()
	fn, err := r.lookup(name)
	if err != nil {
		return nil, err
	}
	if ctx.Env == "" {
		ctx.Env = "local"
	}
	if ctx.Source == "" {
		ctx.Source = "wx_client"
	}
	if ctx.RequestID == "" {
		ctx.RequestID = newRequestID()
	}
	eventJSON, err := eventJSON(event, ctx)
	if err != nil {
		return nil, fmt.Errorf("cloud function %q: the event cannot be sent as JSON: %v", name, err)
	}
	inv := &invocation{r: r, fn: fn, ctx: ctx, start: time.Now()}
	return inv.run(eventJSON)
}

// eventJSON is the event main receives. The platform adds userInfo
// {appId, openId} for calls from a mini program (an older way to learn the
// caller, still relied upon), replacing any the caller sent.
func eventJSON(event map[string]any, ctx Context) (string, error) {
	ev := make(map[string]any, len(event)+1)
	for k, v := range event {
		ev[k] = v
	}
	ev["userInfo"] = map[string]any{"appId": ctx.AppID, "openId": ctx.OpenID}
	b, err := json.Marshal(ev)
	return string(b), err
}

// contextJSON is main's second argument. The fields are those Tencent
// SCF passes a Node.js function (see @cloudbase/node-sdk's parseContext),
// less the ones that describe a machine we don't have (memory limit) or
// that carry secrets and the platform's own variables (environ, left "").
// namespace is the cloud environment, as on WeChat's platform.
func contextJSON(fn *function, ctx Context) string {
	b, err := json.Marshal(map[string]any{
		"request_id":       ctx.RequestID,
		"function_name":    fn.name,
		"function_version": "$LATEST",
		"namespace":        ctx.Env,
		"time_limit_in_ms": fn.timeout.Milliseconds(),
		"environ":          "",
	})
	if err != nil {
		panic(err) // strings and numbers only
	}
	return string(b)
}

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// invokeProgram calls main in a promise chain, so that a sync throw, a
// returned value, a promise and a thenable all end in done. It has no file
// name: the domain leaves such frames out of the stacks it prints, and
// rejected drops them from an Error's stack, where goja calls them
// "<eval>".
var invokeProgram = goja.MustCompile("", `(function (main, eventJSON, contextJSON, done) {
	Promise.resolve().then(function () {
		return main(JSON.parse(eventJSON), JSON.parse(contextJSON));
	}).then(function (value) { done(true, value); }, function (reason) { done(false, reason); });
})`, true)

// invocation is one call: its domain and how it ended. Everything in it
// runs on the goroutine that called Call.
type invocation struct {
	r     *Runner
	fn    *function
	ctx   Context
	start time.Time
	d     *domains.Domain

	done   bool
	result any
	err    error
}

type realClock struct{ start time.Time }

func (c realClock) Now() time.Duration { return time.Since(c.start) }
func (c realClock) Wall() time.Time    { return time.Now() }

func (inv *invocation) prefix() string { return "[cloud:" + inv.fn.name + "] " }

func (inv *invocation) run(eventJSON string) (any, error) {
	d, err := domains.New(domains.Options{
		Name:       "cloud:" + inv.fn.name,
		Root:       inv.fn.dir,
		Scope:      "", // the whole function folder, and nothing outside it
		Stdout:     inv.r.stdout,
		Stderr:     inv.r.stderr,
		LinePrefix: inv.prefix(),
		Clock:      realClock{inv.start},
		// No single turn may outlast the whole call; a turn that starts
		// late may still overrun the deadline by up to this much before
		// the watchdog stops it.
		ScriptTimeout: inv.fn.timeout,
		Programs:      inv.r.programCache(inv.fn.name),
		Builtins:      map[string]func(*goja.Runtime) goja.Value{"wx-server-sdk": serverSDK(inv.ctx)},
	})
	if err != nil {
		return nil, fmt.Errorf("cloud function %q: %w", inv.fn.name, err)
	}
	inv.d = d
	defer d.Close()
	d.AddHint(inv.hint)
	// The domain has printed these already; they end the call.
	d.OnError(func(message, stack string) { inv.failed(inv.uncaught(message, stack), false) })

	if err := d.RunMain(inv.fn.entry); err != nil {
		if !inv.done { // RunMain reports what it returns; this is a fallback
			inv.failed(&Error{Function: inv.fn.name, Message: err.Error()}, true)
		}
		return inv.result, inv.err
	}
	d.Guard(func() { inv.callMain(eventJSON) })
	inv.pump()
	return inv.result, inv.err
}

// callMain starts main; done is called when it settles.
func (inv *invocation) callMain(eventJSON string) {
	vm := inv.d.VM()
	main, ok := inv.exportedMain()
	if !ok {
		inv.failed(&Error{Function: inv.fn.name, Message: fmt.Sprintf(
			"%s does not export a main function (exports.main = async (event, context) => { ... })", inv.fn.entry)}, true)
		return
	}
	helper, err := vm.RunProgram(invokeProgram)
	if err != nil {
		panic(err)
	}
	invoke, _ := goja.AssertFunction(helper)
	_, err = invoke(goja.Undefined(), main, vm.ToValue(eventJSON), vm.ToValue(contextJSON(inv.fn, inv.ctx)),
		vm.ToValue(func(call goja.FunctionCall) goja.Value {
			if call.Argument(0).ToBoolean() {
				inv.resolved(call.Argument(1))
			} else {
				inv.rejected(call.Argument(1))
			}
			return goja.Undefined()
		}))
	if err != nil { // only an interrupt escapes the promise chain
		inv.d.ReportError(err)
	}
}

// exportedMain reads exports.main of the entry module, which RunMain has
// loaded, through the global require's cache.
func (inv *invocation) exportedMain() (goja.Value, bool) {
	vm := inv.d.VM()
	require, ok := goja.AssertFunction(vm.Get("require"))
	if !ok {
		return nil, false
	}
	exports, err := require(goja.Undefined(), vm.ToValue("./"+inv.fn.entry))
	if err != nil || exports == nil || goja.IsUndefined(exports) || goja.IsNull(exports) {
		return nil, false
	}
	obj, ok := exports.(*goja.Object)
	if !ok {
		return nil, false
	}
	main := obj.Get("main")
	if _, ok := goja.AssertFunction(main); !ok {
		return nil, false
	}
	return main, true
}

// pump runs the domain's loop until main settles, an error ends the call,
// or time is up.
func (inv *invocation) pump() {
	d := inv.d
	deadline := inv.start.Add(inv.fn.timeout)
	for !inv.done {
		d.RunPosted()
		if inv.done {
			return
		}
		d.RunTimers(time.Since(inv.start))
		if inv.done {
			return
		}
		wait := time.Until(deadline)
		if wait <= 0 {
			inv.failed(inv.timeout(""), true)
			return
		}
		if due, ok := d.NextTimer(); ok {
			wait = min(wait, due-time.Since(inv.start))
		}
		if wait <= 0 {
			continue
		}
		t := time.NewTimer(wait)
		select {
		case <-d.Wake():
		case <-t.C:
		}
		t.Stop()
	}
}

// resolved takes main's value through JSON, as the platform sends it.
func (inv *invocation) resolved(v goja.Value) {
	if inv.done {
		return
	}
	vm := inv.d.VM()
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	s, err := stringify(goja.Undefined(), v)
	if err != nil {
		msg := err.Error()
		if ex, ok := err.(*goja.Exception); ok {
			msg = ex.Value().String()
		}
		inv.failed(&Error{Function: inv.fn.name, Message: "main's result cannot be sent back as JSON: " + msg}, true)
		return
	}
	if s == nil || goja.IsUndefined(s) { // undefined, a function: nothing to send
		inv.finish(nil, nil)
		return
	}
	var out any
	if err := json.Unmarshal([]byte(s.String()), &out); err != nil {
		inv.failed(&Error{Function: inv.fn.name, Message: "main's result cannot be sent back as JSON: " + err.Error()}, true)
		return
	}
	inv.finish(out, nil)
}

// rejected reports main's throw or rejection with the reason's stack.
func (inv *invocation) rejected(reason goja.Value) {
	if inv.done {
		return
	}
	text := inv.d.FormatError(&domains.UnhandledRejection{Reason: reason})
	text = strings.TrimPrefix(text, "Uncaught ")
	text = strings.TrimPrefix(text, "(in promise) ")
	message, stack, _ := strings.Cut(strings.TrimSuffix(text, "\n"), "\n")
	var lines []string
	for _, line := range strings.Split(stack, "\n") {
		if line != "" && !strings.HasPrefix(strings.TrimSpace(line), "at <eval>:") && !strings.Contains(line, "(<eval>:") {
			lines = append(lines, line)
		}
	}
	if h := inv.hint(message); h != "" {
		lines = append(lines, "    "+h)
	}
	inv.failed(&Error{Function: inv.fn.name, Message: message, Stack: strings.Join(lines, "\n")}, true)
}

// uncaught turns an error the domain reported into the call's error; the
// watchdog's interrupt means the call ran out of time.
func (inv *invocation) uncaught(message, stack string) *Error {
	if message == (&domains.ScriptTimeout{Limit: inv.fn.timeout}).Error() {
		return inv.timeout(stack)
	}
	return &Error{Function: inv.fn.name, Message: strings.TrimPrefix(message, "(in promise) "), Stack: stack}
}

func (inv *invocation) timeout(stack string) *Error {
	secs := strconv.FormatFloat(inv.fn.timeout.Seconds(), 'f', -1, 64)
	return &Error{Function: inv.fn.name, Message: "Invoking task timed out after " + secs + " seconds", Stack: stack, Timeout: true}
}

// failed ends the call with e, printing it unless the domain has.
func (inv *invocation) failed(e *Error, print bool) {
	if inv.done {
		return
	}
	if print {
		text := e.Message + "\n"
		if e.Stack != "" {
			text += e.Stack + "\n"
		}
		writePrefixed(inv.r.stderr, inv.prefix(), text)
	}
	inv.finish(nil, e)
}

func (inv *invocation) finish(result any, err error) {
	if inv.done {
		return
	}
	inv.done, inv.result, inv.err = true, result, err
}

func writePrefixed(w io.Writer, prefix, text string) {
	text = strings.TrimSuffix(text, "\n")
	io.WriteString(w, prefix+strings.ReplaceAll(text, "\n", "\n"+prefix)+"\n")
}

var (
	leavesFolder = regexp.MustCompile(`require\(.*\): the path leaves the game folder`)
	npmPackage   = regexp.MustCompile(`require\("[^./][^"]*"\): module not found`)
	absentSDK    = regexp.MustCompile(`\b(database|callFunction|uploadFile|downloadFile|getTempFileURL|deleteFile|openapi|cloudPay|getOpenData|getVoIPSign|callContainer|logger)\b`)
)

// hint explains the errors that come from running locally rather than
// from the function's own code.
func (inv *invocation) hint(message string) string {
	switch {
	case leavesFolder.MatchString(message):
		return fmt.Sprintf("hint: a cloud function can only require files inside its own folder (%s%s/), as each folder is deployed alone", inv.r.rootName(), inv.fn.name)
	case npmPackage.MatchString(message):
		return "hint: minisim offers wx-server-sdk itself but loads no other npm packages (node_modules) for cloud functions"
	case strings.HasPrefix(message, "TypeError") && absentSDK.MatchString(message):
		return "hint: minisim's wx-server-sdk has only init, DYNAMIC_CURRENT_ENV and getWXContext; the cloud database, storage, openapi and callFunction are not simulated"
	}
	return ""
}
