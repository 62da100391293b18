package jsapi

import (
	"github.com/dop251/goja"
)

// networkTypes are the networkType values each platform documents.
var networkTypes = map[string][]string{
	"wechat": {"wifi", "2g", "3g", "4g", "5g", "unknown", "none"},
	"tiktok": {"wifi", "2g", "3g", "4g", "unknown", "none"},
}

// NetworkTypes lists the connection types a platform's games can be told
// of (the simulator checks --network against them).
func NetworkTypes(platform string) []string {
	return append([]string(nil), networkTypes[platform]...)
}

// installNetworkStatus adds getNetworkType and on/offNetworkStatusChange.
// getNetworkType leaves out WeChat's signalStrength and hasSystemProxy: a
// simulated connection has no signal, and the desktop's proxy is not the
// phone's.
func (a *API) installNetworkStatus() {
	a.setPending("getNetworkType", func(_ *goja.Object, done func(*goja.Object, string)) {
		done(a.object("networkType", a.host.NetworkType()), "")
	})
	a.addEvent("NetworkStatusChange")
}

// DispatchNetworkStatusChange tells the game the connection changed (the
// host's NetworkType already answers the new type). Going to "none" fails
// the transfers in flight and drops the sockets, as losing the network
// does.
func (a *API) DispatchNetworkStatusChange(networkType string) {
	a.guarded(func() {
		if networkType == "none" {
			a.net.goOffline()
		}
		a.emit("NetworkStatusChange", a.object("isConnected", networkType != "none", "networkType", networkType))
	})
}
