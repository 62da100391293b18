package jsapi

import (
	"context"
	"net/http"
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
