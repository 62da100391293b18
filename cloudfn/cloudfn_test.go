package cloudfn

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

const root = "testdata/cloudfunctions"

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newRunner(t *testing.T) (*Runner, *syncBuffer, *syncBuffer) {
	t.Helper()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	return New(root, Options{Stdout: out, Stderr: errOut}), out, errOut
}

var player = Context{OpenID: "o-player-1", AppID: "wx0123456789", Env: "test-env", RequestID: "req-1"}

// callErr runs a call that must fail and returns its *Error.
func callErr(t *testing.T, r *Runner, name string, event map[string]any) *Error {
	t.Helper()
	res, err := r.Call(name, event, player)
	if err == nil {
		t.Fatalf("Call(%q) = %v, want an error", name, res)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Call(%q) error %T %q, want *Error", name, err, err)
	}
	if e.Function != name {
		t.Errorf("Error.Function = %q, want %q", e.Function, name)
	}
	return e
}

func TestRoundTrip(t *testing.T) {
	r, out, errOut := newRunner(t)
	res, err := r.Call("echo", map[string]any{"a": 1, "list": []any{"x", true}, "userInfo": "spoofed"}, player)
	if err != nil {
		t.Fatalf("Call: %v\nstderr:\n%s", err, errOut)
	}
	got, ok := res.(map[string]any)
	if !ok {
		t.Fatalf("result %T %v, want map[string]any", res, res)
	}
	want := map[string]any{
		"event": map[string]any{
			"a": float64(1), "list": []any{"x", true},
			"userInfo": map[string]any{"appId": "wx0123456789", "openId": "o-player-1"},
		},
		"openid": "o-player-1", "appid": "wx0123456789", "hasUnionid": false,
		"env": "test-env", "source": "wx_client",
		"context": map[string]any{
			"request_id": "req-1", "function_name": "echo", "function_version": "$LATEST",
			"namespace": "test-env", "time_limit_in_ms": float64(3000), "environ": "",
		},
		"sdkKeys":    []any{"DYNAMIC_CURRENT_ENV", "getWXContext", "init"},
		"database":   "undefined",
		"envMarker":  "symbol",
		"sameModule": true,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("result\n got %#v\nwant %#v", got, want)
	}
	if got, want := out.String(), "[cloud:echo] called with 1\n[cloud:echo] to the log 42\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	if errOut.String() != "" {
		t.Errorf("stderr = %q, want nothing", errOut)
	}
}

func TestContextDefaultsAndUnionID(t *testing.T) {
	r, _, _ := newRunner(t)
	res, err := r.Call("echo", nil, Context{OpenID: "o", AppID: "wx", UnionID: "u-1"})
	if err != nil {
		t.Fatal(err)
	}
	m := res.(map[string]any)
	ctx := m["context"].(map[string]any)
	if m["unionid"] != "u-1" || m["env"] != "local" || m["source"] != "wx_client" || ctx["namespace"] != "local" {
		t.Errorf("unionid/env/source/namespace = %v/%v/%v/%v, want u-1/local/wx_client/local", m["unionid"], m["env"], m["source"], ctx["namespace"])
	}
	if id, _ := ctx["request_id"].(string); len(id) != 36 {
		t.Errorf("generated request_id = %q, want a UUID", id)
	}
}

func TestAsyncMainWithTimers(t *testing.T) {
	r, _, errOut := newRunner(t)
	res, err := r.Call("later", map[string]any{"ms": 20}, player)
	if err != nil {
		t.Fatalf("Call: %v\n%s", err, errOut)
	}
	m := res.(map[string]any)
	if got, want := m["order"], []any{"first", "second"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	if el := m["elapsed"].(float64); el < 45 || el > 1000 {
		t.Errorf("elapsed = %v ms, want about 50 (timers run on real time)", el)
	}
}

func TestLocalRequiresAndPackageMain(t *testing.T) {
	r, _, errOut := newRunner(t)
	res, err := r.Call("helper", map[string]any{"a": 2, "b": 3.5}, player)
	if err != nil {
		t.Fatalf("Call: %v\n%s", err, errOut)
	}
	if want := map[string]any{"sum": 5.5, "name": "from json"}; !reflect.DeepEqual(res, want) {
		t.Errorf("helper = %v, want %v", res, want)
	}
	res, err = r.Call("pkgmain", nil, player)
	if err != nil || res != "from src/app.js" {
		t.Errorf("pkgmain = %v, %v; want the file package.json names", res, err)
	}
	res, err = r.Call("plain", map[string]any{"value": nil}, player)
	if err != nil || res != nil {
		t.Errorf("plain(null) = %v, %v; want nil, nil", res, err)
	}
}

func TestRequireOutsideItsFolderIsRefused(t *testing.T) {
	r, _, errOut := newRunner(t)
	e := callErr(t, r, "escape", nil)
	if !strings.Contains(e.Message, `require("../helper/lib/math")`) || !strings.Contains(e.Message, "leaves") {
		t.Errorf("message = %q, want the refused require", e.Message)
	}
	if !strings.Contains(e.Stack, "    at index.js:1:23") || !strings.Contains(e.Stack, "only require files inside its own folder (testdata/cloudfunctions/escape/)") {
		t.Errorf("stack = %q, want the position and the hint", e.Stack)
	}
	if !strings.Contains(errOut.String(), "[cloud:escape] Uncaught GoError: require(") {
		t.Errorf("stderr = %q, want the error logged with the prefix", errOut)
	}
}

func TestUnknownName(t *testing.T) {
	r, _, _ := newRunner(t)
	_, err := r.Call("nope", nil, player)
	want := `cloud function "nope" not found in testdata/cloudfunctions/ (have: circular, echo, escape, helper, later, nomain, nosdk, npmdep, pkgmain, plain, rejects, slow, spin, syntax, throws, timerthrow)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("errors.Is(err, ErrNotFound) = false")
	}

	dir := t.TempDir()
	for _, name := range []string{"b", "a"} {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "index.js"), []byte("exports.main = () => 1"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = New(dir, Options{}).Call("x", nil, player)
	if want := fmt.Sprintf(`cloud function "x" not found in %s/ (have: a, b)`, filepath.ToSlash(dir)); err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	_, err = New(filepath.Join(dir, "missing"), Options{}).Call("x", nil, player)
	if err == nil || !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("missing root: err = %v", err)
	}
	_, err = r.Call("notafunction", nil, player)
	if err == nil || !strings.Contains(err.Error(), "no index.js") {
		t.Errorf("folder without index.js: err = %v", err)
	}
}

func TestBadNames(t *testing.T) {
	r, _, _ := newRunner(t)
	for _, name := range []string{"", ".", "..", "../echo", "echo/..", "a/b", `a\b`, "/etc", "/tmp/x", "x\x00y"} {
		_, err := r.Call(name, nil, player)
		if err == nil {
			t.Errorf("Call(%q) succeeded", name)
			continue
		}
		if errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "cloud function name") {
			t.Errorf("Call(%q) = %v, want a name error", name, err)
		}
	}
}

func TestThrownError(t *testing.T) {
	r, _, errOut := newRunner(t)
	e := callErr(t, r, "throws", map[string]any{"why": "no ok"})
	if e.Message != "Error: boom: no ok" {
		t.Errorf("message = %q", e.Message)
	}
	if want := "    at check (index.js:2:24)\n    at index.js:5:8"; e.Stack != want {
		t.Errorf("stack = %q, want %q", e.Stack, want)
	}
	if !strings.HasPrefix(errOut.String(), "[cloud:throws] Error: boom: no ok\n[cloud:throws]     at check (index.js:2:24)\n") {
		t.Errorf("stderr = %q", errOut)
	}
	if got := e.Error(); !strings.HasPrefix(got, `cloud function "throws": Error: boom: no ok`+"\n    at check") {
		t.Errorf("Error() = %q", got)
	}
	res, err := r.Call("throws", map[string]any{"ok": true}, player)
	if err != nil || res != "fine" {
		t.Errorf("sync main = %v, %v; want fine", res, err)
	}
}

func TestRejectedPromise(t *testing.T) {
	r, _, _ := newRunner(t)
	e := callErr(t, r, "rejects", map[string]any{"n": 7})
	if e.Message != "TypeError: bad input 7" || !strings.Contains(e.Stack, "    at index.js:3:9") || e.Timeout {
		t.Errorf("got %+v", e)
	}
}

func TestSyntaxError(t *testing.T) {
	r, _, errOut := newRunner(t)
	e := callErr(t, r, "syntax", nil)
	if !strings.HasPrefix(e.Message, "SyntaxError: ") || !strings.HasSuffix(e.Message, "(index.js:3:13)") {
		t.Errorf("message = %q, want a SyntaxError at index.js:3:13", e.Message)
	}
	if !strings.Contains(errOut.String(), "[cloud:syntax] SyntaxError") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestTimeoutFromConfig(t *testing.T) {
	r, out, _ := newRunner(t)
	start := time.Now()
	e := callErr(t, r, "slow", nil)
	took := time.Since(start)
	if e.Message != "Invoking task timed out after 0.2 seconds" || !e.Timeout {
		t.Errorf("got %+v", e)
	}
	if took < 190*time.Millisecond || took > time.Second {
		t.Errorf("took %v, want about 200ms", took)
	}
	if out.String() != "[cloud:slow] waiting forever\n" {
		t.Errorf("stdout = %q", out)
	}
}

func TestEndlessLoopIsInterrupted(t *testing.T) {
	r, _, _ := newRunner(t)
	start := time.Now()
	e := callErr(t, r, "spin", nil)
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v", took)
	}
	if e.Message != "Invoking task timed out after 0.2 seconds" || !e.Timeout || e.Stack != "    at index.js:3:18" {
		t.Errorf("got %+v, want a timeout showing where it spun", e)
	}
}

func TestOtherFailures(t *testing.T) {
	r, _, _ := newRunner(t)
	for _, tc := range []struct{ name, message, stack string }{
		{"nomain", "index.js does not export a main function", ""},
		{"circular", "main's result cannot be sent back as JSON: TypeError", ""},
		// An uncaught throw in a timer ends the call before main resolves.
		{"timerthrow", "RangeError: early", "    at index.js:2:28"},
		{"nosdk", "TypeError: ", "the cloud database, storage, openapi and callFunction are not simulated"},
		{"npmdep", `require("lodash"): module not found`, "loads no other npm packages"},
	} {
		e := callErr(t, r, tc.name, nil)
		if !strings.Contains(e.Message, tc.message) || !strings.Contains(e.Stack, tc.stack) {
			t.Errorf("%s: got %q\n%s\nwant message containing %q, stack containing %q", tc.name, e.Message, e.Stack, tc.message, tc.stack)
		}
	}
}

type panicky struct{}

func (panicky) MarshalJSON() ([]byte, error) { panic("kaboom") }

func TestGoPanicBecomesError(t *testing.T) {
	r, _, _ := newRunner(t)
	_, err := r.Call("plain", map[string]any{"value": panicky{}}, player)
	if err == nil || !strings.Contains(err.Error(), "internal error: kaboom") {
		t.Errorf("err = %v", err)
	}
}

func TestConcurrentCalls(t *testing.T) {
	r, out, _ := newRunner(t)
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("o-%d", i)
			res, err := r.Call("echo", map[string]any{"a": i}, Context{OpenID: id, AppID: "wx"})
			if err == nil && res.(map[string]any)["openid"] != id {
				err = fmt.Errorf("openid %v, want %s", res.(map[string]any)["openid"], id)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if !strings.HasPrefix(line, "[cloud:echo] called with ") && !strings.HasPrefix(line, "[cloud:echo] to the log 42") {
			t.Errorf("interleaved line %q", line)
		}
	}
}
