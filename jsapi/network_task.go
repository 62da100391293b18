package jsapi

import (
	"context"
	"net/url"

	"github.com/dop251/goja"
)

// netTask is a RequestTask, DownloadTask or UploadTask: the object the API
// returns, its listeners, and the cancel of its transfer.
type netTask struct {
	obj    *goja.Object
	events map[string][]listener
	// cancel stops the transfer with a cause (nil before it starts);
	// stopped is set when the game aborts it or the network goes, finished
	// once its callbacks are decided: events stop at either.
	cancel   context.CancelCauseFunc
	stopped  bool
	finished bool
}

// taskListeners are each platform's documented listener methods of the
// task objects; both give every task abort. WeChat's onChunkReceived is
// left out: minisim does not deliver chunks (enableChunked fails).
var taskListeners = map[string]map[string][]string{
	"wechat": {
		"RequestTask":  {"onHeadersReceived", "offHeadersReceived"},
		"DownloadTask": {"onProgressUpdate", "offProgressUpdate", "onHeadersReceived", "offHeadersReceived"},
		"UploadTask":   {"onProgressUpdate", "offProgressUpdate", "onHeadersReceived", "offHeadersReceived"},
	},
	"tiktok": {
		"RequestTask":  nil,
		"DownloadTask": {"onProgressUpdate", "onHeadersReceived", "offHeadersReceived"},
		"UploadTask":   {"onProgressUpdate", "onHeadersReceived", "offHeadersReceived"},
	},
}

// newNetTask makes the task object of a transfer.
func (a *API) newNetTask(kind string) *netTask {
	t := &netTask{obj: a.vm.NewObject(), events: map[string][]listener{}}
	must(t.obj.Set("abort", Native(a.vm, kind+".abort", func(goja.FunctionCall) goja.Value {
		t.abort()
		return goja.Undefined()
	})))
	defineListeners(a.vm, t.obj, kind, t.events, taskListeners[a.platform][kind]...)
	return t
}

// abort stops the transfer; its fail callback gets "<api>:fail abort".
// After the callbacks are decided it does nothing, as on the platform.
func (t *netTask) abort() {
	t.stop(errAborted)
}

// stop cancels the transfer with cause, once.
func (t *netTask) stop(cause error) {
	if t.cancel != nil && !t.finished && !t.stopped {
		t.stopped = true
		t.cancel(cause)
	}
}

// emitTask calls the task's listeners of an event, unless it has stopped.
func (a *API) emitTask(t *netTask, name string, arg goja.Value) {
	if !t.finished && !t.stopped {
		emitTo(a.loop, goja.Undefined(), t.events, name, arg)
	}
}

// setTransfer defines a network API that returns a task object (class
// names it, e.g. "RequestTask"): build reads the options into a transfer,
// which then runs off the loop. The platform does not promisify these.
func (a *API) setTransfer(name, class string, build func(o *goja.Object, task *netTask) (*transfer, error)) {
	a.set(name, func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		task := a.newNetTask(class)
		a.callbackIn(name, opts, false, func(done func(*goja.Object, string)) {
			tr, err := build(opts, task)
			if err != nil {
				task.finished = true
				done(nil, err.Error())
				return
			}
			a.startTransfer(tr, done)
		})
		return task.obj
	})
}

// urlParam reads the url option as an absolute URL of one of schemes.
func urlParam(o *goja.Object, schemes ...string) (*url.URL, error) {
	raw, err := stringParam(o, "url")
	if err != nil {
		return nil, err
	}
	return webURL(raw, schemes...)
}
