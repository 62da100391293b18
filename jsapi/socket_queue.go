package jsapi

import (
	"context"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// outgoing is one frame for a socket's writer: a message, or the close
// frame. done, when set, runs on the loop once the frame is written.
type outgoing struct {
	kind  int
	data  []byte
	close bool
	code  int
	// reason goes with the close frame.
	reason string
	done   func(err error)
}

// sendQueue hands frames from the loop to the socket's writer goroutine in
// order, without ever blocking the loop.
type sendQueue struct {
	mu    sync.Mutex
	items []outgoing
	wake  chan struct{} // signalled (capacity 1) when items arrive
}

func (q *sendQueue) push(o outgoing) {
	q.mu.Lock()
	q.items = append(q.items, o)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// next waits for the next frame; false once ctx is done.
func (q *sendQueue) next(ctx context.Context) (outgoing, bool) {
	for {
		q.mu.Lock()
		if len(q.items) > 0 {
			o := q.items[0]
			q.items = q.items[1:]
			q.mu.Unlock()
			return o, true
		}
		q.mu.Unlock()
		select {
		case <-q.wake:
		case <-ctx.Done():
			return outgoing{}, false
		}
	}
}

// drain takes the frames not written yet.
func (q *sendQueue) drain() []outgoing {
	q.mu.Lock()
	defer q.mu.Unlock()
	items := q.items
	q.items = nil
	return items
}

// writeLoop writes the queued frames in order until the close frame or the
// end of the socket. After the close frame it gives the server closeWait
// to answer, then lets the connection go (the reader reports the end).
func (s *socketTask) writeLoop(ctx context.Context, conn *websocket.Conn) {
	for {
		o, ok := s.out.next(ctx)
		if !ok {
			return
		}
		var err error
		if o.close {
			msg := websocket.FormatCloseMessage(o.code, o.reason)
			err = conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(closeWait))
			time.AfterFunc(closeWait, func() { conn.Close() })
		} else {
			err = conn.WriteMessage(o.kind, o.data)
		}
		if o.done != nil {
			s.a.loop.Post(func() { o.done(err) })
		}
		if o.close {
			return
		}
	}
}
