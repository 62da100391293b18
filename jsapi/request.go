package jsapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/dop251/goja"
)

// requestMethods are the methods each platform's request documents, in
// the docs' order (for the error that lists them).
var requestMethods = map[string][]string{
	"wechat": {"OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"},
	"tiktok": {"GET", "POST", "OPTIONS", "PUT", "HEAD", "DELETE"},
}

// installRequest adds request, which returns a RequestTask. The platform
// does not promisify it: without callbacks it simply runs.
func (a *API) installRequest() {
	a.setTransfer("request", "RequestTask", a.requestTransfer)
}

// requestTransfer reads request's options. enableHttp2, enableQuic,
// enableCache, enableHttpDNS and the like only tune how the platform's
// client reaches the server and are accepted as they are.
func (a *API) requestTransfer(o *goja.Object, task *netTask) (*transfer, error) {
	u, err := urlParam(o, "https", "http")
	if err != nil {
		return nil, err
	}
	method := "GET"
	if v := prop(o, "method"); !goja.IsUndefined(v) {
		s, ok := v.Export().(string)
		if !ok {
			return nil, fmt.Errorf("parameter.method should be String instead of %s", typeName(v))
		}
		method = strings.ToUpper(s) // the docs ask for upper case; lower case is what games mistype
	}
	methods := requestMethods[a.platform]
	if !slices.Contains(methods, method) {
		return nil, fmt.Errorf("invalid method %q: use one of %s", method, strings.Join(methods, ", "))
	}
	if prop(o, "enableChunked").ToBoolean() {
		return nil, errors.New("enableChunked is not supported by minisim yet: leave it out and the whole response comes to success")
	}
	tr, err := a.newTransfer(o, task, "request", method, u, func(header http.Header) (io.Reader, error) {
		if header.Get("Content-Type") == "" {
			header.Set("Content-Type", "application/json") // the documented default
		}
		body, err := a.requestBody(method, u, header, prop(o, "data"))
		if body == nil || err != nil {
			return nil, err // no body at all rather than an empty one
		}
		return bytes.NewReader(body), nil
	})
	if err != nil {
		return nil, err
	}
	dataType, responseType := textOr(o, "dataType", "json"), textOr(o, "responseType", "text")
	if a.platform == "tiktok" && stringProp(o, "redirect") == "manual" {
		tr.client = a.net.noRedirect
	}
	tr.headersEvent = a.requestHeadersEvent()
	tr.read = func(resp *http.Response) (func() *goja.Object, error) {
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		return func() *goja.Object {
			res := a.object("data", a.responseData(data, dataType, responseType),
				"statusCode", resp.StatusCode, "header", a.headerObject(resp.Header))
			if a.platform == "wechat" {
				must(res.Set("cookies", a.cookieList(resp.Header)))
			}
			return res
		}, nil
	}
	return tr, nil
}

// requestHeadersEvent builds request's HeadersReceived argument, which
// on WeChat adds the status and cookies; elsewhere request does not emit it.
func (a *API) requestHeadersEvent() func(resp *http.Response) goja.Value {
	if a.platform != "wechat" {
		return nil
	}
	return func(resp *http.Response) goja.Value {
		return a.object("header", a.headerObject(resp.Header), "statusCode", resp.StatusCode,
			"cookies", a.cookieList(resp.Header))
	}
}

// responseData is the body as responseType and dataType ask: an
// ArrayBuffer, or text that dataType 'json' parses when it can (a body
// that is not JSON comes as text, as on the platform).
func (a *API) responseData(data []byte, dataType, responseType string) goja.Value {
	if responseType == "arraybuffer" {
		return a.vm.ToValue(a.vm.NewArrayBuffer(data))
	}
	text := string(data)
	if dataType == "json" {
		if v, err := a.parseJSON(strings.TrimPrefix(text, "\ufeff")); err == nil {
			return v
		}
	}
	return a.vm.ToValue(text)
}
