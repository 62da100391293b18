package gamefs

import (
	"errors"
	"strings"
)

// errOutside is a name that climbs out of its folder or is not a plain
// name inside it.
var errOutside = &Error{Kind: KindPermission, Err: errors.New("the path leaves its folder")}

// Clean turns the part of a platform path after its folder's prefix
// ("a/b.txt" of wxfile://usr/a/b.txt, or a game file's path) into a name
// inside the folder, or refuses it: one that climbs above the folder
// ("../x", "a/../../x"), holds a NUL, or names a Windows drive. A
// backslash counts as a separator, so "..\\x" climbs too on every host.
// A leading "/" means the folder itself, as the platforms read "/a" in the
// game package. The folder itself is ".".
func Clean(p string) (string, error) {
	if strings.ContainsRune(p, 0) {
		return "", errOutside
	}
	p = strings.ReplaceAll(p, "\\", "/")
	var parts []string
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(parts) == 0 {
				return "", errOutside
			}
			parts = parts[:len(parts)-1]
		default:
			parts = append(parts, seg)
		}
	}
	if len(parts) == 0 {
		return ".", nil
	}
	// "C:" would make the name absolute on Windows.
	if first := parts[0]; len(first) == 2 && first[1] == ':' {
		return "", errOutside
	}
	return strings.Join(parts, "/"), nil
}
