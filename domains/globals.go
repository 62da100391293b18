package domains

import (
	"github.com/dop251/goja"
)

// installGlobals sets up what every mini game domain has before its first
// line runs. As on a phone there is no window, document, Image or
// localStorage: a game that needs them brings an adapter.
func (d *Domain) installGlobals() {
	g := d.vm.GlobalObject()
	must(g.Set("GameGlobal", g))
	must(g.Set("console", d.console.object()))
	must(g.Set("setTimeout", func(c goja.FunctionCall) goja.Value { return d.setTimer(c, false) }))
	must(g.Set("setInterval", func(c goja.FunctionCall) goja.Value { return d.setTimer(c, true) }))
	must(g.Set("clearTimeout", d.clearTimer))
	must(g.Set("clearInterval", d.clearTimer))
	must(g.Set("requestAnimationFrame", d.requestAnimationFrame))
	must(g.Set("cancelAnimationFrame", d.cancelAnimationFrame))
	must(g.Set("require", d.modules.requireFrom("")))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// SetGlobal defines a global (an API object such as wx) in the domain.
func (d *Domain) SetGlobal(name string, v any) {
	must(d.vm.GlobalObject().Set(name, v))
}
