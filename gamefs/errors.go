package gamefs

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
)

// Kind classifies a failure the way the platforms report file errors, so
// the bindings can word each one as the platform does.
type Kind int

const (
	KindIO         Kind = iota // anything else: an I/O failure of the host
	KindNotExist               // no such file or directory
	KindExist                  // file already exists
	KindNotDir                 // a directory was needed
	KindIsDir                  // a file was needed
	KindNotEmpty               // directory not empty
	KindPermission             // outside the folders, or a read-only one
	KindFull                   // the storage limit is exceeded
	KindInvalid                // a bad argument (encoding, range, zip data)
)

// Error is a failure of an operation, with its Kind.
type Error struct {
	Kind Kind
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

func fail(k Kind, format string, args ...any) error {
	return &Error{Kind: k, Err: fmt.Errorf(format, args...)}
}

// KindOf classifies any error: an *Error says its kind; errors from the
// os package are recognised by their cause.
func KindOf(err error) Kind {
	var e *Error
	switch {
	case err == nil:
		return KindIO
	case errors.As(err, &e):
		return e.Kind
	case errors.Is(err, fs.ErrNotExist):
		return KindNotExist
	case errors.Is(err, fs.ErrExist):
		return KindExist
	case errors.Is(err, fs.ErrPermission), escapes(err):
		return KindPermission
	case errors.Is(err, syscall.ENOTDIR): // a file where a directory was needed
		return KindNotDir
	}
	return KindIO
}

// escapes reports os.Root's refusal of a name or symbolic link that leads
// outside the root. The os package keeps that error unexported, so its
// text is the only way to know it.
func escapes(err error) bool { return strings.Contains(err.Error(), "path escapes from parent") }

// classify wraps an os error with its kind (nil stays nil).
func classify(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Kind: KindOf(err), Err: err}
}
