package domains

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// console prints one line per call, as a browser's devtools would show
// it, prefixed for the open data domain.
type console struct {
	d      *Domain
	counts map[string]int
	timers map[string]float64
}

func newConsole(d *Domain) *console {
	return &console{d: d, counts: map[string]int{}, timers: map[string]float64{}}
}

func (c *console) object() *goja.Object {
	o := c.d.vm.NewObject()
	out := func(prefix string, toErr bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			c.print(prefix, toErr, formatArgs(call.Arguments))
			return goja.Undefined()
		}
	}
	must(o.Set("log", out("", false)))
	must(o.Set("info", out("", false)))
	must(o.Set("debug", out("", false)))
	must(o.Set("warn", out("", false)))
	must(o.Set("error", out("", false)))
	must(o.Set("trace", out("Trace: ", false)))
	must(o.Set("assert", func(call goja.FunctionCall) goja.Value {
		if !call.Argument(0).ToBoolean() {
			msg := "Assertion failed"
			if len(call.Arguments) > 1 {
				msg += ": " + formatArgs(call.Arguments[1:])
			}
			c.print("", false, msg)
		}
		return goja.Undefined()
	}))
	must(o.Set("count", func(call goja.FunctionCall) goja.Value {
		label := labelOf(call)
		c.counts[label]++
		c.print("", false, fmt.Sprintf("%s: %d", label, c.counts[label]))
		return goja.Undefined()
	}))
	must(o.Set("time", func(call goja.FunctionCall) goja.Value {
		c.timers[labelOf(call)] = c.nowMs()
		return goja.Undefined()
	}))
	must(o.Set("timeEnd", func(call goja.FunctionCall) goja.Value {
		label := labelOf(call)
		if start, ok := c.timers[label]; ok {
			delete(c.timers, label)
			c.print("", false, fmt.Sprintf("%s: %s ms", label, formatNumber(c.nowMs()-start)))
		}
		return goja.Undefined()
	}))
	must(o.Set("group", out("", false)))
	must(o.Set("groupEnd", func(goja.FunctionCall) goja.Value { return goja.Undefined() }))
	must(o.Set("table", out("", false)))
	return o
}

func labelOf(call goja.FunctionCall) string {
	if a := call.Argument(0); !goja.IsUndefined(a) {
		return a.String()
	}
	return "default"
}

func (c *console) nowMs() float64 {
	return float64(c.d.opts.Clock.Now().Nanoseconds()) / 1e6
}

func (c *console) print(prefix string, toErr bool, text string) {
	w := c.d.opts.Stdout
	if toErr {
		w = c.d.opts.Stderr
	}
	fmt.Fprint(w, prefixLines(c.d.opts.LinePrefix, prefix+text+"\n"))
}

// prefixLines puts p in front of every line of s (s ends with a newline).
func prefixLines(p, s string) string {
	if p == "" {
		return s
	}
	return p + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+p) + "\n"
}

// formatArgs joins console arguments as a browser does: strings as they
// are, other values inspected; a leading format string takes %s %d %i %f
// %o %O %j %c substitutions.
func formatArgs(args []goja.Value) string {
	var b strings.Builder
	rest := args
	if len(args) > 0 {
		if s, ok := args[0].Export().(string); ok && strings.Contains(s, "%") {
			rest = args[1:]
			for i := 0; i < len(s); i++ {
				if s[i] != '%' || i+1 == len(s) {
					b.WriteByte(s[i])
					continue
				}
				verb := s[i+1]
				if verb == '%' {
					b.WriteByte('%')
					i++
					continue
				}
				if !strings.ContainsRune("sdifoOjc", rune(verb)) || len(rest) == 0 {
					b.WriteByte(s[i])
					continue
				}
				v := rest[0]
				rest = rest[1:]
				i++
				switch verb {
				case 's':
					b.WriteString(describeTop(v))
				case 'd', 'i':
					b.WriteString(formatNumber(math.Trunc(v.ToFloat())))
				case 'f':
					b.WriteString(formatNumber(v.ToFloat()))
				case 'c': // CSS styling has no meaning in a terminal
				default:
					b.WriteString(describeValue(v))
				}
			}
		}
	}
	if len(rest) < len(args) && len(rest) > 0 {
		b.WriteByte(' ')
	}
	for i, v := range rest {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(describeTop(v))
	}
	return b.String()
}

// describeTop prints a top-level console argument: strings without quotes.
func describeTop(v goja.Value) string {
	if v != nil {
		if s, ok := v.Export().(string); ok {
			return s
		}
	}
	return describeValue(v)
}

// describeValue renders any JS value as JSON-like text, safe against
// cycles and getters that throw.
func describeValue(v goja.Value) string {
	var b strings.Builder
	inspect(&b, v, 0, nil)
	return b.String()
}

const maxInspectDepth = 4

func inspect(b *strings.Builder, v goja.Value, depth int, seen []*goja.Object) {
	defer func() {
		if r := recover(); r != nil {
			b.WriteString("[unreadable]")
		}
	}()
	if v == nil || goja.IsUndefined(v) {
		b.WriteString("undefined")
		return
	}
	if goja.IsNull(v) {
		b.WriteString("null")
		return
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		switch x := v.Export().(type) {
		case string:
			b.WriteString(strconv.Quote(x))
		case float64:
			b.WriteString(formatNumber(x))
		case int64:
			b.WriteString(strconv.FormatInt(x, 10))
		default:
			b.WriteString(v.String())
		}
		return
	}
	for _, s := range seen {
		if s == obj {
			b.WriteString("[Circular]")
			return
		}
	}
	seen = append(seen, obj)
	switch obj.ClassName() {
	case "Function":
		name := obj.Get("name")
		if name == nil || name.String() == "" {
			b.WriteString("[Function (anonymous)]")
		} else {
			b.WriteString("[Function: " + name.String() + "]")
		}
		return
	case "Error":
		if st := obj.Get("stack"); st != nil && !goja.IsUndefined(st) {
			b.WriteString(st.String())
		} else {
			b.WriteString(obj.String())
		}
		return
	case "Date", "RegExp":
		b.WriteString(obj.String())
		return
	case "Array":
		if depth >= maxInspectDepth {
			b.WriteString("[Array]")
			return
		}
		n := obj.Get("length").ToInteger()
		b.WriteByte('[')
		for i := int64(0); i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			if i >= 100 {
				fmt.Fprintf(b, "... %d more items", n-i)
				break
			}
			inspect(b, obj.Get(strconv.FormatInt(i, 10)), depth+1, seen)
		}
		b.WriteByte(']')
		return
	}
	if depth >= maxInspectDepth {
		b.WriteString("[Object]")
		return
	}
	keys := obj.Keys()
	if obj.ClassName() == "Map" || obj.ClassName() == "Set" {
		b.WriteString(obj.ClassName() + " ")
	}
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k)
		b.WriteString(": ")
		inspect(b, obj.Get(k), depth+1, seen)
	}
	b.WriteByte('}')
}

// formatNumber prints a number as JS's Number#toString does.
func formatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	if a := math.Abs(f); a >= 1e-6 && a < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	// JS writes exponents without padding: 1e+21, 1e-7.
	s := strconv.FormatFloat(f, 'e', -1, 64)
	return strings.Replace(strings.Replace(s, "e+0", "e+", 1), "e-0", "e-", 1)
}
