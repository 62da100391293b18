package domains

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/dop251/goja"
)

// browserGlobal matches the ReferenceError a browser game hits first on a
// phone, so the report can name the usual fix.
var browserGlobal = regexp.MustCompile(`ReferenceError: (window|document|Image|localStorage|sessionStorage|navigator|XMLHttpRequest|Audio|HTMLCanvasElement|HTMLElement|location|self|alert|fetch) is not defined`)

const browserGlobalHint = "hint: mini games have no browser globals; games written for the browser load an adapter " +
	"(e.g. weapp-adapter.js, required first from game.js) that defines window, document, Image and localStorage on top of wx"

// FormatError renders an error as the domain reports it (see formatError).
func (d *Domain) FormatError(err error) string { return d.formatError(err) }

// formatError renders an uncaught error as "Uncaught <message>" and a stack
// of "at fn (file:line:column)" lines, paths relative to the game folder.
func (d *Domain) formatError(err error) string {
	var b strings.Builder
	var ex *goja.Exception
	var intr *goja.InterruptedError
	var syn *SyntaxError
	var rej *UnhandledRejection
	switch {
	case errors.As(err, &rej):
		b.WriteString("Uncaught " + rej.Error() + "\n")
		if obj, ok := rej.Reason.(*goja.Object); ok && obj.ClassName() == "Error" {
			if st := obj.Get("stack"); st != nil && !goja.IsUndefined(st) {
				d.writeStackText(&b, st.String())
			}
		}
		return b.String()
	case errors.As(err, &syn):
		b.WriteString(syn.Error())
		b.WriteByte('\n')
		return b.String()
	case errors.As(err, &intr):
		fmt.Fprintf(&b, "Uncaught %v\n", intr.Value())
		d.writeStack(&b, intr.Stack())
		return b.String()
	case errors.As(err, &ex):
		msg := errorMessage(ex.Value())
		b.WriteString("Uncaught " + msg + "\n")
		d.writeStack(&b, ex.Stack())
		if browserGlobal.MatchString(msg) {
			b.WriteString("    " + browserGlobalHint + "\n")
		}
		for _, hint := range d.hints {
			if h := hint(msg); h != "" {
				b.WriteString("    " + h + "\n")
			}
		}
		return b.String()
	}
	b.WriteString("Uncaught " + err.Error() + "\n")
	return b.String()
}

// errorMessage is "Name: message" for Error objects, the inspected value
// for anything else thrown.
func errorMessage(v goja.Value) string {
	if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Error" {
		name, msg := obj.Get("name"), obj.Get("message")
		s := "Error"
		if name != nil && !goja.IsUndefined(name) {
			s = name.String()
		}
		if msg != nil && !goja.IsUndefined(msg) && msg.String() != "" {
			s += ": " + msg.String()
		}
		return s
	}
	return describeValue(v)
}

func (d *Domain) writeStack(b *strings.Builder, frames []goja.StackFrame) {
	for i := range frames {
		f := &frames[i]
		pos := f.Position()
		if pos.Filename == "" {
			continue // native frames say nothing a game developer can act on
		}
		col := pos.Column
		if pos.Line == 1 && !d.modules.transformed[pos.Filename] {
			col -= len(moduleWrapper)
		}
		name := f.FuncName()
		if name == "<anonymous>" || name == "" {
			fmt.Fprintf(b, "    at %s:%d:%d\n", pos.Filename, pos.Line, col)
		} else {
			fmt.Fprintf(b, "    at %s (%s:%d:%d)\n", name, pos.Filename, pos.Line, col)
		}
	}
}

// gojaStackLine matches a line of goja's Error#stack text:
// "\tat fn (file:line:col(pc))" or "\tat file:line:col(pc)".
var gojaStackLine = regexp.MustCompile(`^\s*at (?:(.*) \()?([^()]+):(\d+):(\d+)\(\d+\)\)?$`)

// writeStackText rewrites an Error's stack property in the same form as
// writeStack, for errors that reach us only as values (rejections).
func (d *Domain) writeStackText(b *strings.Builder, stack string) {
	for _, line := range strings.Split(stack, "\n") {
		m := gojaStackLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var ln, col int
		fmt.Sscan(m[3], &ln)
		fmt.Sscan(m[4], &col)
		if ln == 1 && !d.modules.transformed[m[2]] {
			col -= len(moduleWrapper)
		}
		if m[1] == "" {
			fmt.Fprintf(b, "    at %s:%d:%d\n", m[2], ln, col)
		} else {
			fmt.Fprintf(b, "    at %s (%s:%d:%d)\n", m[1], m[2], ln, col)
		}
	}
}
