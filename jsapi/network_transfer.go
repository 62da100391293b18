package jsapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/dop251/goja"
)

// transfer is one HTTP exchange of request, downloadFile or uploadFile.
type transfer struct {
	task    *netTask
	client  *http.Client
	req     *http.Request // its context is set when it starts
	timeout time.Duration // for the whole exchange, from when it leaves the queue
	// headersEvent builds the HeadersReceived event's argument on the loop.
	headersEvent func(resp *http.Response) goja.Value
	// read consumes the response off the loop and returns what builds the
	// success result on the loop.
	read func(resp *http.Response) (result func() *goja.Object, err error)
}

// newTransfer reads the options every transfer shares (header, timeout)
// and makes its request, in the order the platform checks them: body,
// given the header, supplies the request body (nil for none). The
// HeadersReceived event carries the header; request overrides it.
func (a *API) newTransfer(o *goja.Object, task *netTask, api, method string, u *url.URL,
	body func(header http.Header) (io.Reader, error)) (*transfer, error) {
	header, err := a.headerParam(o, api)
	if err != nil {
		return nil, err
	}
	var reader io.Reader
	if body != nil {
		if reader, err = body(header); err != nil {
			return nil, err
		}
	}
	timeout, err := a.timeoutParam(o, api)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(method, u.String(), reader)
	if err != nil {
		return nil, fmt.Errorf("invalid url %q: %v", u.String(), err)
	}
	req.Header = header
	return &transfer{task: task, client: a.net.client, req: req, timeout: timeout, headersEvent: a.headerOnlyEvent}, nil
}

// headerOnlyEvent is the HeadersReceived argument of downloadFile and uploadFile.
func (a *API) headerOnlyEvent(resp *http.Response) goja.Value {
	return a.object("header", a.headerObject(resp.Header))
}

// startTransfer runs tr off the loop and finishes its API with done: any
// HTTP status is a success; only the network failing, a timeout or abort
// make it fail.
func (a *API) startTransfer(tr *transfer, done func(*goja.Object, string)) {
	n := a.net
	if a.offline() {
		tr.task.finished = true
		done(nil, netReason(errOffline))
		return
	}
	ctx, cancel := context.WithCancelCause(n.ctx)
	tr.task.cancel = cancel
	n.tasks[tr.task] = true
	n.async(func() func() {
		result, err := a.exchange(ctx, tr)
		return func() {
			if tr.task.stopped {
				// Aborted (or offline) after the response came in but before
				// the game heard of it: the game hears of the abort.
				err = context.Cause(ctx)
			}
			delete(n.tasks, tr.task)
			tr.task.finished = true
			cancel(nil)
			if err != nil {
				done(nil, netReason(err))
				return
			}
			done(result(), "")
		}
	})
}

// exchange waits for a free slot, then sends the request and reads the
// response, off the loop.
func (a *API) exchange(ctx context.Context, tr *transfer) (func() *goja.Object, error) {
	n := a.net
	select {
	case n.slots <- struct{}{}:
		defer func() { <-n.slots }()
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	timed, stop := context.WithTimeoutCause(ctx, tr.timeout, errTimeout)
	defer stop()
	resp, err := tr.client.Do(tr.req.WithContext(timed))
	if err != nil {
		return nil, stopCause(timed, err)
	}
	defer resp.Body.Close()
	if tr.headersEvent != nil {
		a.loop.Post(func() { a.emitTask(tr.task, "HeadersReceived", tr.headersEvent(resp)) })
	}
	result, err := tr.read(resp)
	if err != nil {
		return nil, stopCause(timed, err)
	}
	return result, nil
}
