package cloudfn

import (
	"github.com/dop251/goja"
)

// serverSDK builds the wx-server-sdk module a function requires. It has
// only what works without Tencent's cloud services: init,
// DYNAMIC_CURRENT_ENV and getWXContext. database(), callFunction,
// openapi, uploadFile and the rest are left undefined, so a function that
// needs them fails where it calls them instead of getting answers that
// no real service gave.
func serverSDK(ctx Context) func(*goja.Runtime) goja.Value {
	return func(vm *goja.Runtime) goja.Value {
		sdk := vm.NewObject()
		// The real SDK's marker is an opaque object; a symbol is as opaque.
		must(sdk.Set("DYNAMIC_CURRENT_ENV", goja.NewSymbol("DYNAMIC_CURRENT_ENV")))
		// init selects the environment that database() and storage talk to;
		// with neither here there is nothing to select, so it only checks
		// its argument as the SDK does.
		must(sdk.Set("init", func(call goja.FunctionCall) goja.Value {
			opts := call.Argument(0)
			if !goja.IsUndefined(opts) && !goja.IsNull(opts) {
				if _, ok := opts.(*goja.Object); !ok {
					panic(vm.NewTypeError("cloud.init: options should be an object, like {env: cloud.DYNAMIC_CURRENT_ENV}"))
				}
			}
			return goja.Undefined()
		}))
		must(sdk.Set("getWXContext", func(goja.FunctionCall) goja.Value {
			wx := vm.NewObject()
			// As with the real SDK, the caller's ids are there only when
			// known; UNIONID often is not.
			for _, kv := range [][2]string{{"OPENID", ctx.OpenID}, {"APPID", ctx.AppID}, {"UNIONID", ctx.UnionID}} {
				if kv[1] != "" {
					must(wx.Set(kv[0], kv[1]))
				}
			}
			must(wx.Set("ENV", ctx.Env))
			must(wx.Set("SOURCE", ctx.Source))
			return wx
		}))
		return sdk
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
