package jsapi

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
)

// network is one domain's network state: the HTTP clients, the transfers
// in flight and the sockets. Transfers and socket I/O run in goroutines;
// every field is used on the loop only.
type network struct {
	a      *API
	ctx    context.Context // cancelled when the API closes
	cancel context.CancelCauseFunc
	// client follows redirects; noRedirect hands a 3xx to the game (TikTok's
	// redirect: 'manual').
	client, noRedirect *http.Client
	// slots queues transfers beyond the platform's limit on simultaneous
	// request, downloadFile and uploadFile calls.
	slots chan struct{}
	// work counts our goroutines, which close waits for, so none writes a
	// temp file after the temp folder is gone.
	work    sync.WaitGroup
	tasks   map[*netTask]bool // transfers in flight
	sockets []*socketTask     // from connectSocket until their close event
	// current is the socket WeChat's global socket API (sendSocketMessage,
	// onSocketOpen, ...) acts on: the latest one connectSocket made.
	current      *socketTask
	nextSocketID int
	warned       map[string]bool
	closed       bool
}

// The platform's limits: 10 transfers at once (more wait their turn, as
// WeChat queues them since base library 1.4.0), 5 sockets.
const (
	maxTransfers = 10
	maxSockets   = 5
)

// Why a transfer or socket stopped, when it was not the network's fault.
var (
	errAborted = errors.New("abort")
	errTimeout = errors.New("timeout")
	// errOffline is Chromium's error, as WeChat's Android client (Cronet)
	// and its developer tools report it.
	errOffline = errors.New("net::ERR_INTERNET_DISCONNECTED")
	errClosed  = errors.New("the game was closed")
)

func newNetwork(a *API) *network {
	ctx, cancel := context.WithCancelCause(context.Background())
	transport := http.DefaultTransport.(*http.Transport).Clone()
	return &network{
		a: a, ctx: ctx, cancel: cancel,
		client: &http.Client{Transport: transport},
		noRedirect: &http.Client{Transport: transport, CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}},
		slots:  make(chan struct{}, maxTransfers),
		tasks:  map[*netTask]bool{},
		warned: map[string]bool{},
	}
}

// installNetwork adds the network APIs (main domain only: the domain table
// leaves them out of the open data domain).
func (a *API) installNetwork() {
	a.net = newNetwork(a)
	a.installRequest()
	a.installDownload()
	a.installUpload()
	a.installSocket()
	a.installNetworkStatus()
}

// async runs work off the loop like loop.Go, counted for close.
func (n *network) async(work func() (done func())) {
	n.work.Add(1)
	n.a.loop.Go(func() func() {
		defer n.work.Done()
		return work()
	})
}

// goroutine runs fn in a goroutine of its own (a socket's reader or
// writer), counted for close.
func (n *network) goroutine(fn func()) {
	n.work.Add(1)
	go func() {
		defer n.work.Done()
		fn()
	}()
}

// close stops every transfer and socket and waits for their goroutines:
// the domain is going away, so no event reaches the game any more.
func (n *network) close() {
	if n.closed {
		return
	}
	n.closed = true
	n.cancel(errClosed)
	for _, s := range n.sockets {
		s.drop()
	}
	n.work.Wait()
	n.client.CloseIdleConnections()
}

// goOffline fails what is in flight, as losing the connection does.
func (n *network) goOffline() {
	for t := range n.tasks {
		t.stop(errOffline)
	}
	for _, s := range n.sockets {
		s.lose(errOffline)
	}
}

// offline reports whether the simulated device has no network.
func (a *API) offline() bool { return a.host.NetworkType() == "none" }

// warnOnce prints a warning the first time its text comes up.
func (n *network) warnOnce(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !n.warned[msg] {
		n.warned[msg] = true
		n.a.loop.Warnf("%s", msg)
	}
}

// timeoutParam is the timeout option in milliseconds, or game.json's
// networkTimeout for the kind of call: the option wins.
func (a *API) timeoutParam(o *goja.Object, kind string) (time.Duration, error) {
	v := prop(o, "timeout")
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return a.host.NetworkTimeout(kind), nil
	}
	ms, ok := v.Export().(int64)
	if !ok {
		f, isFloat := v.Export().(float64)
		if !isFloat {
			return 0, fmt.Errorf("parameter.timeout should be Number instead of %s", typeName(v))
		}
		ms = int64(f)
	}
	if ms <= 0 {
		// The platform ignores a timeout that is not positive.
		return a.host.NetworkTimeout(kind), nil
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// headerParam reads the header option. The platform sets Referer itself
// (and TikTok User-Agent too), so the game's are dropped with a warning.
func (a *API) headerParam(o *goja.Object, api string) (http.Header, error) {
	h := http.Header{}
	v := prop(o, "header")
	obj, ok := v.(*goja.Object)
	if !ok && !goja.IsUndefined(v) && !goja.IsNull(v) {
		return nil, fmt.Errorf("parameter.header should be Object instead of %s", typeName(v))
	}
	var names []string
	if obj != nil {
		names = obj.Keys()
	}
	for _, k := range names {
		name := http.CanonicalHeaderKey(k)
		if name == "Referer" || (name == "User-Agent" && a.platform == "tiktok") {
			a.net.warnOnce("%s: the %s header cannot be set on this platform; it was left out", a.apiName(api), name)
			continue
		}
		h.Set(name, prop(obj, k).String())
	}
	if a.platform == "wechat" {
		// TikTok's referer carries a version number that has no documented
		// value outside a release, so TikTok requests go without one.
		h.Set("Referer", a.wechatReferer())
	}
	return h, nil
}

// wechatReferer is the fixed Referer WeChat sends with the game's requests;
// "devtools" is the version the platform reports in its developer tools,
// whose role minisim plays.
func (a *API) wechatReferer() string {
	return "https://servicewechat.com/" + a.host.Account().AppID() + "/devtools/page-frame.html"
}

// webURL parses the url option, which must use one of the schemes.
func webURL(raw string, schemes ...string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err == nil && u.Host != "" {
		for _, s := range schemes {
			if strings.EqualFold(u.Scheme, s) {
				return u, nil
			}
		}
	}
	return nil, fmt.Errorf("invalid url %q: it must start with %s://", raw, strings.Join(schemes, ":// or "))
}

// headerObject is a response's header as the game sees it: one string per
// name (repeated fields joined by ", "), names in order for stable output.
func (a *API) headerObject(h http.Header) *goja.Object {
	o := a.vm.NewObject()
	for _, k := range slices.Sorted(maps.Keys(h)) {
		must(o.Set(k, strings.Join(h[k], ", ")))
	}
	return o
}

// cookieList is the response's Set-Cookie fields, as WeChat's cookies.
func (a *API) cookieList(h http.Header) goja.Value {
	var out []any
	for _, c := range h.Values("Set-Cookie") {
		out = append(out, c)
	}
	return a.vm.NewArray(out...)
}

// netReason turns a transfer's error into the errMsg reason: the
// platform's "abort" and "timeout", or the Chromium error names WeChat's
// Android client and developer tools report.
func netReason(err error) string {
	for _, e := range []error{errAborted, errTimeout, errOffline, errClosed} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	var handshake handshakeError
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	switch {
	case errors.As(err, &handshake):
		return handshake.Error()
	case errors.Is(err, syscall.ECONNREFUSED):
		return "net::ERR_CONNECTION_REFUSED"
	case errors.Is(err, syscall.ECONNRESET):
		return "net::ERR_CONNECTION_RESET"
	case errors.As(err, &dns):
		return "net::ERR_NAME_NOT_RESOLVED"
	case errors.As(err, &unknownCA):
		return "net::ERR_CERT_AUTHORITY_INVALID"
	case errors.As(err, &hostname):
		return "net::ERR_CERT_COMMON_NAME_INVALID"
	case errors.As(err, &invalidCert) && invalidCert.Reason == x509.Expired:
		return "net::ERR_CERT_DATE_INVALID"
	case errors.As(err, &verify):
		return "net::ERR_CERT_INVALID"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // without the method and URL the game already knows
	}
	return "net::ERR_FAILED (" + err.Error() + ")"
}

// stopCause is why a transfer's context ended when it did (abort, timeout,
// offline), else err itself. The socket dialer turns the context's
// deadline into the connection's, so an I/O timeout under a deadline is
// the timeout too, even when it trips before the context notices.
func stopCause(ctx context.Context, err error) error {
	if c := context.Cause(ctx); c != nil && c != context.Canceled && c != context.DeadlineExceeded {
		return c
	}
	var ne net.Error
	if _, limited := ctx.Deadline(); limited && errors.As(err, &ne) && ne.Timeout() {
		return errTimeout
	}
	return err
}
