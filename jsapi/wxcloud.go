package jsapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dop251/goja"
)

// CloudFunctions runs the project's cloud functions (package cloudfn
// behind the simulator). Call blocks; the bindings call it off the loop.
type CloudFunctions interface {
	Call(name string, event map[string]any, env, requestID string) (result any, err error)
}

// FunctionError is a cloud function that was found but failed; other
// errors from Call mean it was not found.
type FunctionError interface {
	error
	FunctionFailed() bool
}

// cloudIDLifetime is how long a cloudID stays valid (the cloudID seed).
const cloudIDLifetime = 5 * time.Minute

// maxCloudIDs is how many top-level CloudIDs one callFunction replaces.
const maxCloudIDs = 5

// The errCodes a replaced CloudID field carries when it cannot be
// resolved. The seed documents -601006 for expiry; an unknown id gets the
// next code, with its own message.
const (
	errCodeCloudIDExpired = -601006
	errCodeCloudIDInvalid = -601007
)

// cloudIDs are the cloudIDs this domain was handed: their open data and
// when they were issued, on the domain's clock (virtual when headless).
type cloudIDs struct {
	issued  map[string]issuedCloudID
	markers map[*goja.Object]string // wx.cloud.CloudID objects
	n       int
}

type issuedCloudID struct {
	data json.RawMessage
	at   time.Duration
}

// issue registers open data and returns its cloudID.
func (a *API) issueCloudID(data json.RawMessage) string {
	c := &a.cloudIDs
	c.n++
	// Shaped like the platform's ("<n>_<token>"); counted, so headless
	// runs repeat exactly.
	id := fmt.Sprintf("%d_minisim%06d", c.n, c.n*7919%1000000)
	c.issued[id] = issuedCloudID{data: data, at: a.loop.Now()}
	return id
}

// installWXCloud adds wx.cloud (init, CloudID, callFunction) and
// wx.getWeRunData, WeChat's cloud development open data.
func (a *API) installWXCloud() {
	if a.platform != "wechat" {
		return
	}
	a.cloudIDs = cloudIDs{issued: map[string]issuedCloudID{}, markers: map[*goja.Object]string{}}
	a.setPending("getWeRunData", func(_ *goja.Object, done func(*goja.Object, string)) {
		a.requirePrivacy("getWeRunData", done, func() {
			a.requireScope("scope.werun", done, func() {
				weRun := a.host.Account().WeRun()
				if weRun == nil {
					done(nil, `the mock file has no "weRun" data (mock.md)`)
					return
				}
				// The open data, with the watermark the platform adds.
				var fields map[string]json.RawMessage
				if err := json.Unmarshal(weRun, &fields); err != nil {
					done(nil, "the mock file's \"weRun\" is not an object")
					return
				}
				stamp := time.UnixMilli(int64(a.wallNow())).Unix()
				fields["watermark"], _ = json.Marshal(map[string]any{"appid": a.host.Account().AppID(), "timestamp": stamp})
				data, _ := json.Marshal(fields)
				// encryptedData and iv are left out: they would need the
				// session key of a real server.
				done(a.object("cloudID", a.issueCloudID(data)), "")
			})
		})
	})

	cloud := a.vm.NewObject()
	var env string
	initialized := false
	must(cloud.Set("init", Native(a.vm, "wx.cloud.init", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			switch v := prop(o, "env").Export().(type) {
			case string:
				env = v
			case map[string]any: // {database, functions, storage}
				if f, ok := v["functions"].(string); ok {
					env = f
				}
			}
		}
		initialized = true
		return goja.Undefined()
	})))
	must(cloud.Set("CloudID", Native(a.vm, "wx.cloud.CloudID", func(call goja.FunctionCall) goja.Value {
		id, ok := call.Argument(0).Export().(string)
		if !ok || id == "" {
			panic(a.vm.NewTypeError("wx.cloud.CloudID: the cloudID must be a non-empty string"))
		}
		o := a.object("cloudID", id)
		// Nested CloudIDs are not replaced; they travel as the plain id.
		must(o.Set("toJSON", func(goja.FunctionCall) goja.Value { return a.vm.ToValue(id) }))
		a.cloudIDs.markers[o] = id
		return o
	})))
	requests := 0
	must(cloud.Set("callFunction", Native(a.vm, "wx.cloud.callFunction", func(call goja.FunctionCall) goja.Value {
		opts, _ := call.Argument(0).(*goja.Object)
		return a.callback("cloud.callFunction", opts, func(done func(*goja.Object, string)) {
			if !initialized {
				done(nil, "please call wx.cloud.init first")
				return
			}
			name := stringProp(opts, "name")
			if name == "" {
				done(nil, "name is required: the cloud function's folder name")
				return
			}
			event, err := a.cloudEvent(opts)
			if err != nil {
				done(nil, err.Error())
				return
			}
			fns := a.host.CloudFunctions()
			if fns == nil {
				done(nil, `this project has no cloud functions: add "cloudfunctionRoot" to project.config.json`)
				return
			}
			requests++
			requestID := fmt.Sprintf("minisim-%d", requests)
			a.loop.Go(func() func() {
				result, err := fns.Call(name, event, env, requestID)
				raw, jerr := json.Marshal(result)
				return func() {
					var fe FunctionError
					switch {
					case errors.As(err, &fe):
						res := a.object("errCode", -404011, "requestID", requestID)
						done(res, "cloud function execution error: "+err.Error())
					case err != nil:
						done(a.object("errCode", -501000), err.Error())
					case jerr != nil:
						done(nil, "the result is not JSON: "+jerr.Error())
					default:
						parsed, perr := a.parseJSON(string(raw))
						if perr != nil {
							done(nil, perr.Error())
							return
						}
						done(a.object("result", parsed, "requestID", requestID), "")
					}
				}
			})
		})
	})))
	must(a.obj.Set("cloud", cloud))
}

// cloudEvent is callFunction's data as the function receives it: each
// top-level CloudID replaced by {cloudID, data}, or by the documented
// error object when it expired or is unknown.
func (a *API) cloudEvent(opts *goja.Object) (map[string]any, error) {
	event := map[string]any{}
	data, ok := prop(opts, "data").(*goja.Object)
	if !ok {
		return event, nil
	}
	plain := a.vm.NewObject()
	replaced := map[string]any{}
	for _, k := range data.Keys() {
		v := data.Get(k)
		id, isCloudID := a.cloudIDs.markers[asObject(v)]
		if !isCloudID {
			must(plain.Set(k, v))
			continue
		}
		if len(replaced) == maxCloudIDs {
			return nil, fmt.Errorf("at most %d CloudIDs can be replaced in one call", maxCloudIDs)
		}
		replaced[k] = a.resolveCloudID(id)
	}
	raw, err := a.stringifyJSON(plain)
	if err != nil {
		return nil, fmt.Errorf("data cannot be sent as JSON: %v", err)
	}
	if err := json.Unmarshal([]byte(raw), &event); err != nil {
		return nil, fmt.Errorf("data must be an object: %v", err)
	}
	for k, v := range replaced {
		event[k] = v
	}
	return event, nil
}

func asObject(v goja.Value) *goja.Object {
	o, _ := v.(*goja.Object)
	return o
}

// resolveCloudID is the replacement of one CloudID field.
func (a *API) resolveCloudID(id string) map[string]any {
	issued, ok := a.cloudIDs.issued[id]
	switch {
	case !ok:
		return map[string]any{"cloudID": id, "errCode": errCodeCloudIDInvalid, "errMsg": "cloudID invalid."}
	case a.loop.Now()-issued.at > cloudIDLifetime:
		return map[string]any{"cloudID": id, "errCode": errCodeCloudIDExpired, "errMsg": "cloudID expired."}
	}
	var data any
	_ = json.Unmarshal(issued.data, &data)
	return map[string]any{"cloudID": id, "data": data}
}

// wallNow is Date.now() in this domain (virtual when headless).
func (a *API) wallNow() float64 {
	now, _ := goja.AssertFunction(a.vm.Get("Date").ToObject(a.vm).Get("now"))
	v, err := now(goja.Undefined())
	if err != nil {
		return 0
	}
	return v.ToFloat()
}
