package simulator

import (
	"slices"
	"time"

	"github.com/minisim/minisim/jsapi"
)

// simNetwork is the connection the simulated phone has.
type simNetwork struct {
	kind   string          // "" is the default, wifi
	warned map[string]bool // what warnOnce has warned about
}

// warnOnce reports whether what has not been warned about yet, and marks
// it warned.
func (s *Simulator) warnOnce(what string) bool {
	if s.network.warned[what] {
		return false
	}
	if s.network.warned == nil {
		s.network.warned = map[string]bool{}
	}
	s.network.warned[what] = true
	return true
}

// defaultNetworkTimeout is the platforms' timeout when game.json sets none.
const defaultNetworkTimeout = 60 * time.Second

// NetworkType is the simulated connection: --network (wifi by default)
// until SetNetworkType changes it. A type the game's platform does not
// document (5g on TikTok) reads as "unknown", as TikTok says of networks
// it cannot name, with a warning the first time.
func (s *Simulator) NetworkType() string {
	kind := "wifi"
	switch {
	case s.network.kind != "":
		kind = s.network.kind
	case s.cfg.Network != "":
		kind = s.cfg.Network
	}
	if s.project == nil || s.project.Platform == "" || slices.Contains(jsapi.NetworkTypes(s.project.Platform), kind) {
		return kind
	}
	if s.warnOnce("network type " + kind) {
		s.warnf("network %s: %s games are not told of it, they read \"unknown\"", kind, s.project.Platform)
	}
	return "unknown"
}

// SetNetworkType switches the simulated connection ("none" takes the
// network away) and tells the game, as the phone's onNetworkStatusChange
// does.
func (s *Simulator) SetNetworkType(kind string) {
	if kind == s.NetworkType() {
		return
	}
	s.network.kind = kind
	if s.api != nil {
		s.api.DispatchNetworkStatusChange(kind)
	}
}

// NetworkTimeout is game.json's networkTimeout for one kind of call
// (request, connectSocket, uploadFile, downloadFile) in milliseconds, or
// the platform's 60 s. A value that is not a positive number is reported
// once and the default used.
func (s *Simulator) NetworkTimeout(kind string) time.Duration {
	timeouts, _ := s.project.GameJSON["networkTimeout"].(map[string]any)
	v, ok := timeouts[kind]
	if !ok {
		return defaultNetworkTimeout
	}
	if ms, isNumber := v.(float64); isNumber && ms > 0 {
		return time.Duration(ms * float64(time.Millisecond))
	}
	if s.warnOnce("networkTimeout." + kind) {
		s.warnf("game.json: networkTimeout.%s must be a positive number of milliseconds, not %s; using %d",
			kind, jsonText(v), defaultNetworkTimeout.Milliseconds())
	}
	return defaultNetworkTimeout
}

// networkCycle is the order the C key steps through connections.
var networkCycle = []string{"wifi", "4g", "2g", "none"}

// nextNetwork switches to the next connection in networkCycle (C key).
func (s *Simulator) nextNetwork() {
	next := networkCycle[0]
	for i, k := range networkCycle {
		if k == s.NetworkType() {
			next = networkCycle[(i+1)%len(networkCycle)]
		}
	}
	s.SetNetworkType(next)
	s.warnf("network: %s", next)
}
