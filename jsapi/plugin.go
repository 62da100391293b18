package jsapi

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// Plugin is one entry of game.json's "plugins": the alias requirePlugin
// takes, and where the plugin's code is.
type Plugin struct {
	Alias, Provider, Version string
	// Path is the plugin's folder in the project (a slash path), "" when
	// the game uses the published plugin, which minisim cannot fetch.
	Path string
	// Main is the entry module (a slash path from the game root), from
	// the folder's plugin.json.
	Main string
	// Contexts are the domains it is declared for: "gameContext",
	// "openDataContext" or "isolatedContext"; none means the game's.
	Contexts []string
}

// pluginContexts maps each domain to the context type that reaches it.
// An isolatedContext plugin runs in the game's VM here: minisim has no
// third context to isolate it in.
var pluginContexts = map[string][]string{
	MainDomain: {"gameContext", "isolatedContext"},
	OpenDomain: {"openDataContext"},
}

// declaredFor reports whether the plugin may be required in the domain.
func (p Plugin) declaredFor(domain string) bool {
	contexts := p.Contexts
	if len(contexts) == 0 {
		contexts = []string{"gameContext"}
	}
	for _, c := range contexts {
		for _, ok := range pluginContexts[domain] {
			if c == ok {
				return true
			}
		}
	}
	return false
}

// installPlugins adds the global requirePlugin: it runs the entry of a
// plugin shipped in the project (game.json plugins.<alias>.path, as the
// engine plugins' local form) once and returns its exports.
func (a *API) installPlugins(plugins []Plugin) {
	byAlias := map[string]Plugin{}
	for _, p := range plugins {
		if p.declaredFor(a.domain) && p.Path != "" {
			a.loop.GrantModules(p.Path)
		}
		byAlias[p.Alias] = p
	}
	must(a.vm.GlobalObject().Set("requirePlugin", Native(a.vm, "requirePlugin", func(call goja.FunctionCall) goja.Value {
		alias := call.Argument(0).String()
		p, ok := byAlias[alias]
		switch {
		case !ok:
			panic(a.vm.NewGoError(fmt.Errorf("requirePlugin(%q): no such plugin in game.json \"plugins\"%s", alias, declared(plugins))))
		case !p.declaredFor(a.domain):
			panic(a.vm.NewGoError(fmt.Errorf("requirePlugin(%q): the plugin is not declared for this context: add {\"type\": %q} to game.json plugins.%s.contexts",
				alias, pluginContexts[a.domain][0], alias)))
		case p.Path == "":
			panic(a.vm.NewGoError(fmt.Errorf("requirePlugin(%q): plugin %s version %s is only published online, which minisim cannot fetch: ship it in the project and set game.json plugins.%s.path to its folder",
				alias, p.Provider, p.Version, alias)))
		}
		exports, err := a.loop.Require(p.Main)
		if err != nil {
			panic(err) // the plugin's own exception, unchanged
		}
		return exports
	})))
}

// declared lists the aliases game.json declares, for an error message.
func declared(plugins []Plugin) string {
	if len(plugins) == 0 {
		return " (it declares none)"
	}
	var names []string
	for _, p := range plugins {
		names = append(names, fmt.Sprintf("%q", p.Alias))
	}
	return " (it declares " + strings.Join(names, ", ") + ")"
}
