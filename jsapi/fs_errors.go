package jsapi

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gamefs"
)

// fsFail is a file API failure: a kind of failure on the platform paths
// the game passed, worded per platform and method by fsReason, or a fixed
// text (parameter errors, the platform's own one-off texts).
type fsFail struct {
	kind  gamefs.Kind
	paths []string
	text  string
	err   error // the cause, for KindIO
}

func (f *fsFail) Error() string {
	if f.text != "" {
		return f.text
	}
	return fmt.Sprintf("%v %v", f.kind, f.paths)
}

// failText is a failure with a fixed reason.
func failText(format string, args ...any) *fsFail {
	return &fsFail{text: fmt.Sprintf(format, args...)}
}

// failOn is err, from package gamefs or a path lookup, on the game's paths.
func failOn(err error, paths ...string) *fsFail {
	var f *fsFail
	if errors.As(err, &f) {
		return f
	}
	return &fsFail{kind: gamefs.KindOf(err), paths: paths, err: err}
}

// fsReason words a failure as the platform does for method (the Sync form
// is worded as its async one, under its own name). WeChat's texts are its
// documented errMsg values, spacing and quotes included; TikTok's follow
// its "reason, api path" pattern.
func (a *API) fsReason(method string, err error) string {
	f := failOn(err)
	if f.text != "" {
		return f.text
	}
	base := strings.TrimSuffix(method, "Sync")
	if f.kind == gamefs.KindInvalid || f.kind == gamefs.KindIO {
		if f.err != nil {
			return f.err.Error()
		}
		return "system error"
	}
	if a.platform == "tiktok" {
		return ttReason(base, f)
	}
	return wxReason(base, f)
}

func ttReason(api string, f *fsFail) string {
	target := api + " " + strings.Join(f.paths, " -> ")
	switch f.kind {
	case gamefs.KindNotExist:
		return "no such file or directory, " + target
	case gamefs.KindExist:
		return "file already exists, " + target
	case gamefs.KindNotDir, gamefs.KindIsDir:
		return "operation not permitted, " + target
	case gamefs.KindNotEmpty:
		return "directory not empty"
	case gamefs.KindFull:
		return "user dir saved file size limit exceeded"
	}
	return "permission denied, " + target
}

func wxReason(api string, f *fsFail) string {
	p := strings.Join(f.paths, " -> ")
	twoPaths := len(f.paths) == 2
	switch f.kind {
	case gamefs.KindNotExist:
		switch {
		case twoPaths:
			return fmt.Sprintf("no such file or directory, %s %s", api, p)
		case api == "getFileInfo" || api == "removeSavedFile":
			return "file not exist"
		case api == "saveFile":
			return fmt.Sprintf("no such file or directory %q", p)
		case api == "readFile" || api == "writeFile" || api == "appendFile" || api == "truncate":
			return "no such file or directory, open " + p
		}
		return "no such file or directory " + p
	case gamefs.KindExist:
		return "file already exists " + p
	case gamefs.KindNotDir:
		return "not a directory " + p
	case gamefs.KindIsDir:
		switch api {
		case "unlink":
			return "operation not permitted, unlink " + p
		case "appendFile":
			return fmt.Sprintf("illegal operation on a directory, open %q", p)
		}
		return "illegal operation on a directory, open " + p
	case gamefs.KindNotEmpty:
		return "directory not empty"
	case gamefs.KindFull:
		return "the maximum size of the file storage limit is exceeded"
	}
	switch {
	case twoPaths:
		return fmt.Sprintf("permission denied, %s %s", api, p)
	case api == "saveFile":
		return fmt.Sprintf("permission denied, open %q", p)
	}
	return "permission denied, open " + p
}

// fsThrow is what a Sync method throws: an Error whose message is the
// errMsg, which it also carries as errMsg (the platforms' FileError shape,
// read as e.errMsg in their samples).
func (a *API) fsThrow(method string, err error) goja.Value {
	msg := a.errMsg(method, a.fsReason(method, err))
	ctor, _ := goja.AssertConstructor(a.vm.Get("Error"))
	e, cerr := ctor(nil, a.vm.ToValue(msg))
	if cerr != nil {
		return a.vm.NewGoError(errors.New(msg))
	}
	must(e.Set("errMsg", msg))
	return e
}
