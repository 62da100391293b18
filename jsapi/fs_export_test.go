package jsapi

import "os"

// Hooks for the file system tests (package jsapi_test).

// UserDataLimit is the storage the platforms give a game's user data.
const UserDataLimit = userDataLimit

// SetUserDataLimit lowers the storage limit, before the game first uses
// the file system.
func SetUserDataLimit(a *API, n int64) { a.files.limit = n }

// NewTempFile hands out a temp file holding data, as the APIs that make
// temp files do.
func NewTempFile(a *API, ext string, data []byte) (string, error) {
	virtual, real, err := a.temp.create(ext)
	if err != nil {
		return "", err
	}
	return virtual, os.WriteFile(real, data, 0o644)
}

// ReadablePath is the resolver other APIs read platform paths through.
func ReadablePath(a *API, p string) (string, error) { return a.readablePath(p) }
