package gamefs

import "testing"

func TestCleanKeepsNamesInsideTheirFolder(t *testing.T) {
	for p, want := range map[string]string{
		"":              ".",
		"/":             ".",
		"a.txt":         "a.txt",
		"/a/b.txt":      "a/b.txt",
		"./a//b/":       "a/b",
		"a/../b":        "b",
		"a/./b/..":      "a",
		"a\\b":          "a/b",
		"%2e%2e/x":      "%2e%2e/x", // taken literally, as the platforms do
		"...":           "...",
		"a/C:/b":        "a/C:/b",
		"\\\\srv\\s\\x": "srv/s/x",
	} {
		if got, err := Clean(p); err != nil || got != want {
			t.Errorf("Clean(%q) = %q, %v; want %q", p, got, err, want)
		}
	}
	for _, p := range []string{"..", "../a", "a/../..", "/../a", "..\\a", "a\\..\\..\\b", "C:\\Windows", "c:", "a\x00b", "./../a"} {
		if got, err := Clean(p); KindOf(err) != KindPermission {
			t.Errorf("Clean(%q) = %q, %v; want a refusal", p, got, err)
		}
	}
}
