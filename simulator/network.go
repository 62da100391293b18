package simulator

import (
	"fmt"
	"time"
)

// simNetwork is the connection the simulated phone has.
type simNetwork struct {
	kind   string          // "" is the default, wifi
	warned map[string]bool // game.json networkTimeout entries already warned about
}

// defaultNetworkTimeout is the platforms' timeout when game.json sets none.
const defaultNetworkTimeout = 60 * time.Second

// NetworkType is the simulated connection: --network (wifi by default)
// until SetNetworkType changes it.
func (s *Simulator) NetworkType() string {
	switch {
	case s.network.kind != "":
		return s.network.kind
	case s.cfg.Network != "":
		return s.cfg.Network
	}
	return "wifi"
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
	if !s.network.warned[kind] {
		if s.network.warned == nil {
			s.network.warned = map[string]bool{}
		}
		s.network.warned[kind] = true
		if s.cfg.Stderr != nil {
			fmt.Fprintf(s.cfg.Stderr, "minisim: game.json: networkTimeout.%s must be a positive number of milliseconds, not %s; using %d\n",
				kind, jsonText(v), defaultNetworkTimeout.Milliseconds())
		}
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
