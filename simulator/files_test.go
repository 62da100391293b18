package simulator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUserFilesPersistAcrossRuns(t *testing.T) {
	data := t.TempDir()
	for run := 1; run <= 2; run++ {
		r := mustRunGame(t, "files", "--frames", "10", "--data", data)
		wantLines(t, r.stdout, fmt.Sprintf("run %d writeFile:ok\n", run),
			"escape: readFileSync:fail permission denied, open wxfile://usr/../../../../minisim.db\n")
		if run == 1 {
			wantLines(t, r.stdout, "first run: readFileSync:fail no such file or directory, open wxfile://usr/runs.txt\n")
		}
	}
	b, err := os.ReadFile(filepath.Join(data, "files", "local-files", "o_player", "usr", "runs.txt"))
	if err != nil || string(b) != "2" {
		t.Errorf("the user data is not in the app's and player's folder: %q %v", b, err)
	}
}

func TestFolderNamesAreSafe(t *testing.T) {
	for id, want := range map[string]string{"wx123": "wx123", "o_player": "o_player", "local-game.v2": "local-game.v2"} {
		if got := folderName(id); got != want {
			t.Errorf("folderName(%q) = %q", id, got)
		}
	}
	seen := map[string]string{"a_b": "a_b"} // a plain id the others must not collide with
	for _, id := range []string{"a/b", "a\\b", "..", ".", "", "a:b", "a b"} {
		got := folderName(id)
		if got == id || strings.ContainsAny(got, "/\\: ") || strings.Trim(got, ".") == "" || got == ".." {
			t.Errorf("folderName(%q) = %q is not a safe folder name", id, got)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("%q and %q share the folder %q", id, other, got)
		}
		seen[got] = id
	}
}
