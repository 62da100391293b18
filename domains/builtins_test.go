package domains

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func TestBuiltinModules(t *testing.T) {
	built := 0
	h := newHarness(t, map[string]string{
		"game.js":    `var a = require('sdk'); var b = require('./js/user'); console.log(a.answer, a === b, require('./sdk').file);`,
		"js/user.js": `module.exports = require('sdk');`,
		// A file of the same name must not shadow the built-in for a bare
		// require, yet stay reachable by its path.
		"sdk.js": `exports.file = 'from file'; exports.answer = 'wrong';`,
	}, func(o *Options) {
		o.Builtins = map[string]func(*goja.Runtime) goja.Value{
			"sdk": func(vm *goja.Runtime) goja.Value {
				built++
				o := vm.NewObject()
				must(o.Set("answer", 42))
				return o
			},
		}
	})
	if err := h.d.RunMain("game.js"); err != nil {
		t.Fatalf("RunMain: %v\n%s", err, h.err.String())
	}
	if got, want := strings.TrimSpace(h.out.String()), "42 true from file"; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
	if built != 1 {
		t.Errorf("built the module %d times, want once per domain", built)
	}
	for _, f := range h.d.LoadedFiles() {
		if f == "sdk" {
			t.Errorf("LoadedFiles lists the built-in module: %v", h.d.LoadedFiles())
		}
	}
}
