package jsapi

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/dop251/goja"
)

// requestBody turns request's data into what is sent, by the documented
// rules: an ArrayBuffer as it is; for GET, data goes into the query string
// (an object as encodeURIComponent(k)=encodeURIComponent(v)&...); for other
// methods an object is JSON, or a query string when content-type is
// application/x-www-form-urlencoded; other values are sent as text.
func (a *API) requestBody(method string, u *url.URL, header http.Header, data goja.Value) ([]byte, error) {
	if goja.IsUndefined(data) || goja.IsNull(data) {
		return nil, nil
	}
	if b, ok := bytesOf(data); ok {
		return b, nil
	}
	obj, isObject := data.(*goja.Object)
	if method == "GET" {
		q := data.String()
		if isObject {
			q = queryString(obj)
		}
		if q != "" {
			if u.RawQuery != "" {
				q = u.RawQuery + "&" + q
			}
			u.RawQuery = q
		}
		return nil, nil
	}
	if !isObject {
		return []byte(data.String()), nil
	}
	if strings.Contains(strings.ToLower(header.Get("Content-Type")), "application/x-www-form-urlencoded") {
		return []byte(queryString(obj)), nil
	}
	s, err := a.stringifyJSON(obj)
	return []byte(s), err
}

// queryString encodes an object's own enumerable properties, each value
// converted to a string as JavaScript does.
func queryString(o *goja.Object) string {
	var parts []string
	for _, k := range o.Keys() {
		parts = append(parts, encodeURIComponent(k)+"="+encodeURIComponent(prop(o, k).String()))
	}
	return strings.Join(parts, "&")
}

// encodeURIComponent is JavaScript's: UTF-8 bytes percent-encoded, except
// letters, digits and - _ . ! ~ * ' ( ).
func encodeURIComponent(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
