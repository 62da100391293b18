package jsapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"
)

// socketTask is a SocketTask: one WebSocket connection and its listeners.
// Its fields are the loop's, except conn and dropped, which the dialing
// goroutine sets under mu.
type socketTask struct {
	a      *API
	obj    *goja.Object
	id     int
	events map[string][]listener
	state  socketState
	// cancel stops the handshake, then the writer.
	cancel context.CancelCauseFunc
	out    sendQueue
	// closeAsked, closeCode and closeReason are the game's close();
	// lost is why the connection went when the game did not close it.
	closeAsked  bool
	closeCode   int
	closeReason string
	lost        error

	mu      sync.Mutex
	conn    *websocket.Conn
	dropped bool
}

type socketState int

const (
	socketConnecting socketState = iota
	socketOpen
	socketClosing
	socketClosed
)

// closeWait is how long a closing socket waits for the server's close
// frame before it lets the connection go.
const closeWait = 3 * time.Second

// The errMsg names of SocketTask's methods: the platform reports them under
// the names of its global socket API.
const (
	sendName  = "sendSocketMessage"
	closeName = "closeSocket"
)

// socketDial is connectSocket's options, read on the loop.
type socketDial struct {
	url       string
	header    http.Header
	protocols []string
	deflate   bool
	timeout   time.Duration
}

// installSocket adds connectSocket (not promisified: it returns the
// SocketTask) and, on WeChat, the global socket API.
func (a *API) installSocket() {
	a.set("connectSocket", func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		s := a.newSocketTask()
		a.callbackIn("connectSocket", opts, false, func(done func(*goja.Object, string)) {
			d, err := a.socketOptions(opts)
			if err == nil && len(a.net.sockets) >= maxSockets {
				err = fmt.Errorf("exceed max task count: at most %d sockets can be open at once; close one first", maxSockets)
			}
			if err != nil {
				s.state = socketClosed
				done(nil, err.Error())
				return
			}
			a.net.sockets = append(a.net.sockets, s)
			a.net.current = s
			var res *goja.Object
			if a.platform == "tiktok" {
				res = a.object("socketTaskId", s.id)
			}
			// Success means the task exists; onOpen or onError tell how
			// connecting went.
			done(res, "")
			s.connect(d)
		})
		return s.obj
	})
	if a.platform == "wechat" {
		a.installGlobalSocket()
	}
}

func (a *API) newSocketTask() *socketTask {
	a.net.nextSocketID++
	s := &socketTask{a: a, obj: a.vm.NewObject(), id: a.net.nextSocketID, events: map[string][]listener{}}
	s.out.wake = make(chan struct{}, 1)
	method := func(name string, fn func(o *goja.Object, done func(*goja.Object, string)), errName string) {
		must(s.obj.Set(name, Native(a.vm, "SocketTask."+name, func(call goja.FunctionCall) goja.Value {
			opts, _ := call.Argument(0).(*goja.Object)
			return a.callbackIn(errName, opts, false, func(done func(*goja.Object, string)) { fn(opts, done) })
		})))
	}
	method("send", s.send, sendName)
	method("close", s.close, closeName)
	defineListeners(a.vm, s.obj, "SocketTask", s.events, "onOpen", "onMessage", "onError", "onClose")
	if a.platform == "wechat" {
		// Not in the API reference, but WeChat's own guide to long
		// connections has games read it (0 connecting ... 3 closed).
		a.accessor(s.obj, "readyState", func() goja.Value { return a.vm.ToValue(int(s.state)) }, nil)
	}
	return s
}

// socketOptions reads connectSocket's options. tcpNoDelay and
// forceCellularNetwork only tune the platform's connection and are
// accepted as they are; perMessageDeflate asks the server for compression.
func (a *API) socketOptions(o *goja.Object) (socketDial, error) {
	u, err := urlParam(o, "wss", "ws")
	if err != nil {
		return socketDial{}, err
	}
	d := socketDial{url: u.String(), deflate: prop(o, "perMessageDeflate").ToBoolean()}
	if d.header, err = a.headerParam(o, "connectSocket"); err != nil {
		return socketDial{}, err
	}
	if v := prop(o, "protocols"); !goja.IsUndefined(v) && !goja.IsNull(v) {
		list, err := arrayParam(o, "protocols")
		if err != nil {
			return socketDial{}, err
		}
		for i := int64(0); i < prop(list, "length").ToInteger(); i++ {
			d.protocols = append(d.protocols, prop(list, fmt.Sprint(i)).String())
		}
	}
	if d.timeout, err = a.timeoutParam(o, "connectSocket"); err != nil {
		return socketDial{}, err
	}
	return d, nil
}

// connect dials off the loop; the result comes back as onOpen, or onError
// then onClose.
func (s *socketTask) connect(d socketDial) {
	a, n := s.a, s.a.net
	if a.offline() {
		a.later(func() { s.fail(errOffline) })
		return
	}
	ctx, cancel := context.WithCancelCause(n.ctx)
	s.cancel = cancel
	n.async(func() func() {
		conn, header, err := dialSocket(ctx, d)
		if err == nil {
			s.mu.Lock()
			if s.dropped {
				conn.Close()
				err = errClosed
			} else {
				s.conn = conn
			}
			s.mu.Unlock()
		}
		return func() {
			switch {
			case err == nil && s.lost != nil: // the network went while it was connecting
				conn.Close()
				s.fail(s.lost)
			case err == nil && s.closeAsked: // the game closed it while it was connecting
				s.out.push(outgoing{close: true, code: s.closeCode, reason: s.closeReason})
				s.opened(conn, nil)
			case err == nil:
				s.opened(conn, header)
			case s.closeAsked:
				s.finish(s.closeCode, s.closeReason)
			default:
				s.fail(err)
			}
		}
	})
}

// dialSocket makes the handshake, checking the subprotocol as browsers do.
func dialSocket(ctx context.Context, d socketDial) (*websocket.Conn, http.Header, error) {
	timed, stop := context.WithTimeoutCause(ctx, d.timeout, errTimeout)
	defer stop()
	dialer := websocket.Dialer{Proxy: http.ProxyFromEnvironment, Subprotocols: d.protocols, EnableCompression: d.deflate}
	conn, resp, err := dialer.DialContext(timed, d.url, d.header)
	if err != nil {
		if errors.Is(err, websocket.ErrBadHandshake) && resp != nil {
			err = handshakeError(fmt.Sprintf("Unexpected response code: %d", resp.StatusCode))
		}
		return nil, nil, stopCause(timed, err)
	}
	if got := conn.Subprotocol(); len(d.protocols) > 0 && !slices.Contains(d.protocols, got) {
		conn.Close()
		if got == "" {
			return nil, nil, handshakeError("Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received")
		}
		return nil, nil, handshakeError(fmt.Sprintf("'Sec-WebSocket-Protocol' header value '%s' in response does not match any of sent values", got))
	}
	return conn, resp.Header, nil
}

// handshakeError is a handshake the server did not complete, worded as
// Chromium (WeChat's developer tools and Android client) reports it.
type handshakeError string

func (e handshakeError) Error() string { return "Error during WebSocket handshake: " + string(e) }

// opened starts the reader and writer and tells the game (header is nil
// when the game closed the socket before it opened: no onOpen then).
func (s *socketTask) opened(conn *websocket.Conn, header http.Header) {
	a, n := s.a, s.a.net
	ctx, cancel := context.WithCancelCause(n.ctx)
	s.cancel = cancel
	n.goroutine(func() { s.writeLoop(ctx, conn) })
	n.goroutine(func() { s.readLoop(conn) })
	if header == nil {
		s.state = socketClosing
		return
	}
	s.state = socketOpen
	s.emit("Open", a.object("header", a.headerObject(header)))
}

// readLoop posts each message, then the end of the connection.
func (s *socketTask) readLoop(conn *websocket.Conn) {
	for {
		kind, data, err := conn.ReadMessage()
		if err != nil {
			s.a.loop.Post(func() { s.ended(err) })
			return
		}
		s.a.loop.Post(func() { s.message(kind, data) })
	}
}

func (s *socketTask) message(kind int, data []byte) {
	if s.state == socketClosed {
		return
	}
	var v any = string(data)
	if kind == websocket.BinaryMessage {
		v = s.a.vm.NewArrayBuffer(data)
	}
	s.emit("Message", s.a.object("data", v))
}

// ended is the reader's last word: the close frame's code and reason, or
// what broke the connection (onError, then onClose with 1006 as in
// browsers).
func (s *socketTask) ended(err error) {
	if s.state == socketClosed {
		return
	}
	var ce *websocket.CloseError
	switch {
	case s.lost != nil:
		s.fail(s.lost)
	case errors.As(err, &ce):
		s.finish(ce.Code, ce.Text)
	case s.closeAsked: // the server never answered the close frame
		s.finish(s.closeCode, s.closeReason)
	default:
		s.fail(err)
	}
}

// fail reports an error and the close that follows it.
func (s *socketTask) fail(err error) {
	s.emit("Error", s.a.object("errMsg", netReason(err)))
	s.finish(websocket.CloseAbnormalClosure, "")
}

// finish closes the task for good: the connection goes, sends still
// queued fail, the socket no longer counts towards the limit, and onClose
// fires.
func (s *socketTask) finish(code int, reason string) {
	if s.state == socketClosed {
		return
	}
	s.state = socketClosed
	s.stop(errClosed)
	s.closeConn()
	for _, o := range s.out.drain() {
		if o.done != nil {
			o.done(errors.New("WebSocket is not connected"))
		}
	}
	n := s.a.net
	n.sockets = slices.DeleteFunc(n.sockets, func(x *socketTask) bool { return x == s })
	s.emit("Close", s.a.object("code", code, "reason", reason))
}

// lose drops the connection because the network went.
func (s *socketTask) lose(cause error) {
	if s.state == socketClosed || s.lost != nil {
		return
	}
	s.lost = cause
	s.stop(cause)
	s.closeConn() // the reader ends and reports it
}

// drop closes the connection silently: the domain is going away.
func (s *socketTask) drop() {
	s.mu.Lock()
	s.dropped = true // a connection the dialer is about to set, it closes itself
	s.mu.Unlock()
	s.closeConn()
}

// stop cancels the handshake or the writer, if either has started.
func (s *socketTask) stop(cause error) {
	if s.cancel != nil {
		s.cancel(cause)
	}
}

// closeConn closes the connection, if the dialer has set one.
func (s *socketTask) closeConn() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		s.conn.Close()
	}
}

// emit calls the task's listeners and, for WeChat's current socket, the
// global onSocket* listeners.
func (s *socketTask) emit(name string, arg goja.Value) {
	a := s.a
	emitTo(a.loop, goja.Undefined(), s.events, name, arg)
	if a.platform == "wechat" && a.net.current == s {
		a.emit("Socket"+name, arg)
	}
}

// send queues a message: a string as text, an ArrayBuffer as binary.
func (s *socketTask) send(o *goja.Object, done func(*goja.Object, string)) {
	v := prop(o, "data")
	var msg outgoing
	if text, ok := v.Export().(string); ok {
		msg = outgoing{kind: websocket.TextMessage, data: []byte(text)}
	} else if b, ok := bytesOf(v); ok {
		// A copy: the game may reuse the buffer before the writer sends it.
		msg = outgoing{kind: websocket.BinaryMessage, data: append([]byte(nil), b...)}
	} else {
		done(nil, fmt.Sprintf("parameter.data should be String or ArrayBuffer instead of %s", typeName(v)))
		return
	}
	if s.state != socketOpen {
		done(nil, "WebSocket is not connected")
		return
	}
	msg.done = func(err error) {
		if err != nil {
			done(nil, netReason(err))
			return
		}
		done(nil, "")
	}
	s.out.push(msg)
}

// close starts the closing handshake with code (1000 by default, else
// 3000-4999 as for browsers' WebSocket) and reason (at most 123 bytes).
// A socket still connecting stops connecting; one closing or closed fails
// as on WeChat ("closeSocket:fail WebSocket is not connected").
func (s *socketTask) close(o *goja.Object, done func(*goja.Object, string)) {
	code := websocket.CloseNormalClosure
	if v := prop(o, "code"); !goja.IsUndefined(v) {
		f := v.ToFloat()
		if f != float64(int(f)) || (f != 1000 && (f < 3000 || f > 4999)) {
			done(nil, fmt.Sprintf("invalid code %v: use 1000 or a code from 3000 to 4999", v))
			return
		}
		code = int(f)
	}
	reason := stringProp(o, "reason")
	if len(reason) > 123 {
		done(nil, "reason should be no longer than 123 bytes (UTF-8)")
		return
	}
	if s.state == socketClosing || s.state == socketClosed {
		done(nil, "WebSocket is not connected")
		return
	}
	done(nil, "") // first: its callback is queued before any event the close brings
	switch s.state {
	case socketConnecting:
		s.closeAsked, s.closeCode, s.closeReason = true, code, reason
		s.state = socketClosing
		s.stop(errAborted)
	case socketOpen:
		s.closeAsked, s.closeCode, s.closeReason = true, code, reason
		s.state = socketClosing
		s.out.push(outgoing{close: true, code: code, reason: reason})
	}
}
