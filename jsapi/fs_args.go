package jsapi

import (
	"math"
	"strings"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gamefs"
)

// str reads a required string argument, failing as the platform's
// parameter check does.
func (x fsArgs) str(k string) (string, error) {
	v := x.get(k)
	if s, ok := v.Export().(string); ok {
		return s, nil
	}
	return "", failText("parameter.%s should be String instead of %s", k, typeName(v))
}

// optStr reads an optional string argument ("" when absent).
func (x fsArgs) optStr(k string) (string, error) {
	if v := x.get(k); goja.IsUndefined(v) || goja.IsNull(v) {
		return "", nil
	}
	return x.str(k)
}

func (x fsArgs) flag(k string) bool { return x.get(k).ToBoolean() }

// count reads an optional byte count or offset; gamefs.Unbounded when
// absent.
func (x fsArgs) count(k string) (int64, error) {
	v := x.get(k)
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return gamefs.Unbounded, nil
	}
	n := v.ToFloat()
	switch v.Export().(type) {
	case int64, float64:
	default:
		n = math.NaN()
	}
	if math.IsNaN(n) || n != math.Trunc(n) {
		return 0, failText("parameter.%s should be Number instead of %s", k, typeName(v))
	}
	if n < 0 || n > math.MaxInt64/2 {
		return 0, failText("value of %s is out of range", k)
	}
	return int64(n), nil
}

// encoding reads an encoding argument: def when absent or "".
func (x fsArgs) encoding(def string) (string, error) {
	enc, err := x.optStr("encoding")
	switch {
	case err != nil:
		return "", err
	case enc == "":
		return def, nil
	case !gamefs.ValidEncoding(enc):
		return "", failText("parameter.encoding should be one of %s instead of %q", strings.Join(gamefs.Encodings, ", "), enc)
	}
	return enc, nil
}

// data reads the data to write: a string in encoding, or the bytes of an
// ArrayBuffer (or typed array), copied for the work off the loop.
func (x fsArgs) data(encoding string) ([]byte, error) {
	v := x.get("data")
	if s, ok := v.Export().(string); ok {
		b, err := gamefs.Encode(s, encoding)
		if err != nil {
			return nil, failText("%v", err)
		}
		return b, nil
	}
	if b, ok := bytesOf(v); ok {
		return append([]byte(nil), b...), nil
	}
	return nil, failText("parameter.data should be String or ArrayBuffer instead of %s", typeName(v))
}
