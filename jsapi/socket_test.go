package jsapi_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// wsServer echoes each message on /echo (subprotocol p1 when asked,
// header X-Hello), answers a close frame with its code and reason, and
// closes with 4001 when told "bye-from-server". gone is closed when a
// connection ends on the server's side.
func wsServer(t *testing.T) (base string, gone chan struct{}) {
	gone = make(chan struct{}, 16)
	up := websocket.Upgrader{Subprotocols: []string{"p1"}}
	mux := http.NewServeMux()
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, http.Header{"X-Hello": {"hi " + r.Header.Get("X-Game")}})
		if err != nil {
			return
		}
		defer func() { gone <- struct{}{} }()
		defer conn.Close()
		conn.SetCloseHandler(func(code int, text string) error {
			conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
			return nil
		})
		for {
			kind, data, err := conn.ReadMessage()
			if err != nil {
				return
			}
			if string(data) == "bye-from-server" {
				conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4001, "server says bye"), time.Now().Add(time.Second))
				continue
			}
			conn.WriteMessage(kind, data)
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http"), gone
}

func TestSocketTextBinaryAndCloseCodes(t *testing.T) {
	base, _ := wsServer(t)
	for _, platform := range []string{"wechat", "tiktok"} {
		e := netEnv(t, &fakeHost{}, platform, base, map[string]string{}, `
var s = wx.connectSocket({url: 'BASE/echo', protocols: ['p1'], header: {'X-Game': 'game'}, success: function (r) {
  console.log('connect', r.errMsg, typeof r.socketTaskId);
}});
var messages = [], sends = [];
function step() {
  if (messages.length === 2 && sends.length === 2) s.close({code: 4000, reason: 'bye', success: log('closing')});
}
s.onOpen(function (r) {
  console.log('open', r.header['X-Hello']);
  function sent(r) { sends.push(r.errMsg); step(); }
  s.send({data: 'hello', success: sent});
  s.send({data: new Uint8Array([1, 2, 3]).buffer, success: sent});
});
s.onMessage(function (m) {
  messages.push(typeof m.data === 'string' ? m.data : 'buffer ' + new Uint8Array(m.data).join('.'));
  step();
});
s.onError(log('error'));
s.onClose(function (r) {
  console.log('messages', messages.join(', '), '| sends', sends.join(', '));
  console.log('close', r.code, r.reason);
  var t = wx.connectSocket({url: 'BASE/echo'});
  t.onOpen(function () { t.send({data: 'bye-from-server'}); });
  t.onClose(function (r) { console.log('server closed', r.code, r.reason); console.log('done'); });
});
`)
		e.until(t, "done")
		id := map[string]string{"wechat": "undefined", "tiktok": "number"}[platform]
		wantOut(t, e, `connect connectSocket:ok `+id+`
open hi game
closing {"errMsg":"closeSocket:ok"}
messages hello, buffer 1.2.3 | sends sendSocketMessage:ok, sendSocketMessage:ok
close 4000 bye
server closed 4001 server says bye
done`)
	}
}

func TestSocketFailures(t *testing.T) {
	base, _ := wsServer(t)
	silent := silentListener(t) // the handshake times out
	http404 := "ws" + strings.TrimPrefix(echoServer(t).URL, "http") + "/missing"
	src := `
function watch(url, opts, tag) {
  opts.url = url;
  var s = wx.connectSocket(opts);
  s.onOpen(function () { console.log(tag, 'opened'); });
  s.onError(function (r) { console.log(tag, 'error', r.errMsg); });
  s.onClose(function (r) { console.log(tag, 'close', r.code, JSON.stringify(r.reason)); });
  return s;
}
watch('ws://REFUSED/', {}, 'refused');
watch('BASE/echo', {protocols: ['p2']}, 'protocol');
watch('HTTP404', {}, 'http');
watch('ws://SILENT/', {timeout: 50}, 'timeout');
wx.connectSocket({url: 'http://example.com/', fail: log('scheme')});
wx.connectSocket({url: 'BASE/echo', protocols: 'p1', fail: log('protocols')});
var s = watch('BASE/echo', {}, 'early');
s.send({data: 'too soon', fail: log('send-early')});
s.send({data: 42, fail: log('send-number')});
s.close({code: 1001, fail: log('close-code')});
s.close({reason: new Array(125).join('x'), fail: log('close-reason')});
`
	src = strings.NewReplacer("REFUSED", freePort(t), "SILENT", silent.Addr().String(), "HTTP404", http404).Replace(src)
	e := netEnv(t, &fakeHost{}, "wechat", base, map[string]string{}, src)
	e.until(t, "timeout close")
	e.until(t, "early opened")
	got := strings.Split(strings.TrimSpace(e.out.String()), "\n")
	// The sockets connect side by side: compare each one's lines, in order.
	byTag := map[string][]string{}
	for _, line := range got {
		tag, rest, _ := strings.Cut(line, " ")
		byTag[tag] = append(byTag[tag], rest)
	}
	want := map[string][]string{
		"refused":      {"error net::ERR_CONNECTION_REFUSED", `close 1006 ""`},
		"protocol":     {"error Error during WebSocket handshake: Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received", `close 1006 ""`},
		"http":         {"error Error during WebSocket handshake: Unexpected response code: 404", `close 1006 ""`},
		"timeout":      {"error timeout", `close 1006 ""`},
		"scheme":       {`{"errMsg":"connectSocket:fail invalid url \"http://example.com/\": it must start with wss:// or ws://"}`},
		"protocols":    {`{"errMsg":"connectSocket:fail parameter.protocols should be Array instead of String"}`},
		"send-early":   {`{"errMsg":"sendSocketMessage:fail WebSocket is not connected"}`},
		"send-number":  {`{"errMsg":"sendSocketMessage:fail parameter.data should be String or ArrayBuffer instead of Number"}`},
		"close-code":   {`{"errMsg":"closeSocket:fail invalid code 1001: use 1000 or a code from 3000 to 4999"}`},
		"close-reason": {`{"errMsg":"closeSocket:fail reason should be no longer than 123 bytes (UTF-8)"}`},
		"early":        {"opened"},
	}
	for tag, lines := range want {
		if strings.Join(byTag[tag], "\n") != strings.Join(lines, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s\n(all output:\n%s)", tag, strings.Join(byTag[tag], "\n"), strings.Join(lines, "\n"), e.out.String())
		}
	}
}

func TestSocketLimitAndTeardown(t *testing.T) {
	base, gone := wsServer(t)
	e := netEnv(t, &fakeHost{}, "tiktok", base, map[string]string{}, `
var open = [];
for (var i = 0; i < 5; i++) {
  (function (s) { s.onOpen(function () { open.push(s); if (open.length === 5) full(); }); })(tt.connectSocket({url: 'BASE/echo'}));
}
function full() {
  tt.connectSocket({url: 'BASE/echo', fail: log('sixth')});
  open[0].onClose(function () {
    var s = tt.connectSocket({url: 'BASE/echo', success: log('after one closed')});
    s.onOpen(function () { console.log('done'); });
  });
  open[0].close({});
}
`)
	e.until(t, "done")
	wantOut(t, e, `sixth {"errMsg":"connectSocket:fail exceed max task count: at most 5 sockets can be open at once; close one first"}
after one closed {"socketTaskId":7,"errMsg":"connectSocket:ok"}
done`)
	waitFor(t, chanOf(gone), "the socket the game closed stayed open")
	// Closing the API (a reload, the end of the run) closes the other five.
	e.api.Close()
	for i := 0; i < 5; i++ {
		waitFor(t, chanOf(gone), "a socket was still open after API.Close")
	}
}

// chanOf turns one value from ch into a closed channel, for waitFor.
func chanOf(ch <-chan struct{}) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		<-ch
		close(done)
	}()
	return done
}

func TestWeChatGlobalSocketAPI(t *testing.T) {
	base, _ := wsServer(t)
	e := netEnv(t, &fakeHost{}, "wechat", base, map[string]string{}, `
wx.sendSocketMessage({data: 'x', fail: log('no socket')});
wx.onSocketOpen(function (r) {
  console.log('open', r.header['X-Hello']);
  console.log('promise', wx.sendSocketMessage({data: 'global'}) instanceof Promise);
});
wx.onSocketMessage(function (m) {
  console.log('message', m.data);
  wx.closeSocket({code: 3001});
  console.log('closing', task.readyState);
});
wx.onSocketClose(function (r) {
  console.log('close', r.code, task.readyState);
  wx.closeSocket({fail: log('closed twice'), complete: function () { console.log('done'); }});
});
var task = wx.connectSocket({url: 'BASE/echo'});
task.onOpen(function () { console.log('readyState open', task.readyState); });
console.log('readyState connecting', task.readyState);
`)
	e.until(t, "done")
	wantOut(t, e, `readyState connecting 0
no socket {"errMsg":"sendSocketMessage:fail WebSocket is not connected: call wx.connectSocket first"}
readyState open 1
open hi
promise true
message global
closing 2
close 3001 3
closed twice {"errMsg":"closeSocket:fail WebSocket is not connected"}
done`)

	e = netEnv(t, &fakeHost{}, "tiktok", base, map[string]string{}, `
console.log(['onSocketOpen', 'onSocketMessage', 'onSocketError', 'onSocketClose', 'sendSocketMessage', 'closeSocket'].map(function (n) { return typeof tt[n]; }).join(' '));
`)
	wantOut(t, e, "undefined undefined undefined undefined undefined undefined")
}

func TestSocketLosesTheNetworkAndTimesOutByGameJSON(t *testing.T) {
	base, _ := wsServer(t)
	silent := silentListener(t)
	host := &fakeHost{net: fakeNet{timeouts: map[string]time.Duration{"connectSocket": 30 * time.Millisecond}}}
	e := netEnv(t, host, "wechat", base, map[string]string{}, `
var s = wx.connectSocket({url: 'BASE/echo'});
s.onOpen(function () { console.log('open'); });
s.onError(log('error'));
s.onClose(function (r) { console.log('close', r.code); });
var slow = wx.connectSocket({url: 'ws://`+silent.Addr().String()+`/'});
slow.onError(log('slow'));
`)
	e.until(t, "open")
	e.until(t, "slow")
	host.net.kind = "none"
	e.api.DispatchNetworkStatusChange("none")
	e.until(t, "close")
	wantOut(t, e, `open
slow {"errMsg":"timeout"}
error {"errMsg":"net::ERR_INTERNET_DISCONNECTED"}
close 1006`)
}

// silentListener accepts connections and never answers them, until the
// test ends.
func silentListener(t *testing.T) net.Listener {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	return l
}
