package jsapi_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot is every file and directory under root with its content, to
// prove a test changed nothing there.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "link:" + target
		case d.IsDir():
			out[rel] = "dir"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for k, v := range after {
		if before[k] != v {
			t.Errorf("%s: %s changed or appeared: %q", what, k, v)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			t.Errorf("%s: %s disappeared", what, k)
		}
	}
}

// hostileZip is an archive whose entries try to leave the target folder.
func hostileZip(t *testing.T, names ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		h := &zip.FileHeader{Name: n, Method: zip.Store}
		if strings.HasPrefix(n, "symlink:") {
			h.Name = strings.TrimPrefix(n, "symlink:")
			h.SetMode(fs.ModeSymlink | 0o777)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(w, "escaped via %s", n)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestFileSystemRefusesEveryWayOut tries hostile paths with reads, writes
// and the two-path operations, and proves by the errMsg, the output and
// the folders on disk that nothing outside the game's folders was read,
// created or changed.
func TestFileSystemRefusesEveryWayOut(t *testing.T) {
	// Each path fails as permission denied ('d') or, taken literally or as
	// a game package path that finds nothing, as no such file ('n'): on
	// WeChat, then TikTok (whose user path replaces wxfile://usr).
	hostile := []struct{ path, kinds string }{
		{"../outside/secret.txt", "dd"},
		{"./../outside/secret.txt", "dd"},
		{"assets/../../outside/secret.txt", "dd"},
		{"wxfile://usr/../../outside/secret.txt", "dd"},
		{"wxfile://usr/a/../../..", "dd"},
		{"wxfile://usr/./../store_x", "dd"},
		{"..\\outside\\secret.txt", "dd"},
		{"wxfile://usr\\..\\..\\outside\\secret.txt", "dd"},
		{"wxfile://usr/..\\..\\outside\\secret.txt", "dd"},
		{"C:\\Windows\\win.ini", "dd"},
		{"wxfile://usr/x\x00/../../secret.txt", "dd"},
		{"file:///etc/passwd", "dd"},
		{"http://usr/secret.txt", "dd"},
		{"wxfile://", "dd"},
		{"wxfile://usrx/secret.txt", "dd"},
		{"wxfile://store_../outside/secret.txt", "dd"},
		{"wxfile://tmp_../../outside/secret.txt", "nd"},
		{"ttfile://temp/../../outside/secret.txt", "dn"},
		{"/etc/passwd", "nn"},
		{"%2e%2e%2foutside%2fsecret.txt", "nn"},
		{"wxfile://usr/%2e%2e/secret.txt", "nn"},
		{"\\\\server\\share\\secret.txt", "nn"},
		// Symbolic links that lead out of their folder.
		{"wxfile://usr/link/secret.txt", "dd"},
		{"wxfile://usr/abslink", "dd"},
		{"wxfile://usr/uplink", "dd"},
		{"pkglink/secret.txt", "dd"},
	}
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			w := newFSWorld(t)
			user := filepath.Join(w.data, "usr")
			mustWrite(t, filepath.Join(user, "mine.txt"), "mine")
			mustWrite(t, filepath.Join(w.data, "store", "x"), "saved")
			links := map[string]string{
				filepath.Join(user, "link"):      filepath.Join("..", "..", "outside"),
				filepath.Join(user, "abslink"):   filepath.Join(w.outside, "secret.txt"),
				filepath.Join(user, "uplink"):    filepath.Join("..", "store", "x"),
				filepath.Join(user, "inlink"):    "mine.txt",
				filepath.Join(w.game, "pkglink"): filepath.Join("..", "outside"),
			}
			for link, target := range links {
				if err := os.Symlink(target, link); err != nil {
					t.Skipf("symbolic links: %v", err)
				}
			}
			if err := os.WriteFile(filepath.Join(user, "evil.zip"),
				hostileZip(t, "ok.txt", "../evil.txt", "../../outside/evil.txt", "/abs.txt", "..\\win.txt", "C:\\evil.txt", "symlink:sneaky"), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"slip.zip", "abs.zip", "win.zip", "sym.zip"} {
				entry := map[string]string{"slip.zip": "../../outside/slip.txt", "abs.zip": "/abs.txt", "win.zip": "..\\..\\outside\\win.txt", "sym.zip": "symlink:sneaky"}[name]
				if err := os.WriteFile(filepath.Join(user, name), hostileZip(t, entry), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			mustWrite(t, filepath.Join(w.game, "pack.zip"), string(hostileZip(t, "fine.txt")))

			outsideBefore, gameBefore := snapshot(t, w.outside), snapshot(t, w.game)
			var src strings.Builder
			var want []string
			for i, h := range hostile {
				p := h.path
				if platform == "tiktok" {
					p = strings.ReplaceAll(p, "wxfile://usr", "ttfile://user")
				}
				js := fmt.Sprintf("%q", p)
				fmt.Fprintf(&src, "sync('r%d', function () { return fs.readFileSync(%s, 'utf8'); });\n", i, js)
				fmt.Fprintf(&src, "sync('w%d', function () { return fs.writeFileSync(%s, 'pwned'); });\n", i, js)
				fmt.Fprintf(&src, "sync('m%d', function () { return fs.mkdirSync(%s + '/d', true); });\n", i, js)
				kind := h.kinds[0]
				method := "open"
				if platform == "tiktok" {
					kind, method = h.kinds[1], "readFile"
				}
				reason := "permission denied, " + method + " " + p
				if kind == 'n' {
					reason = "no such file or directory, " + method + " " + p
				}
				want = append(want, fmt.Sprintf("r%d threw readFileSync:fail %s", i, reason))
			}
			src.WriteString(`
sync('inlink', function () { return fs.readFileSync(U + '/inlink', 'utf8'); });
sync('rename out', function () { return fs.renameSync(U + '/mine.txt', U + '/../../outside/mine.txt'); });
sync('rename in', function () { return fs.renameSync(U + '/link/secret.txt', U + '/stolen.txt'); });
sync('copy out', function () { return fs.copyFileSync(U + '/mine.txt', '../outside/copied.txt'); });
sync('copy via link', function () { return fs.copyFileSync(U + '/link/secret.txt', U + '/stolen.txt'); });
sync('copy in', function () { return fs.copyFileSync(U + '/mine.txt', U + '/link/copied.txt'); });
sync('unlink via link', function () { return fs.unlinkSync(U + '/link/secret.txt'); });
sync('rmdir link', function () { return fs.rmdirSync(U + '/link', true); });
sync('readdir link', function () { return fs.readdirSync(U + '/link'); });
sync('stat link', function () { return fs.statSync(U + '/link', true); });
sync('truncate via link', function () { return fs.truncateSync({filePath: U + '/link/secret.txt'}); });
sync('append via abslink', function () { return fs.appendFileSync(U + '/abslink', 'x'); });
sync('save out', function () { return fs.saveFileSync('wxfile://tmp_1.png', '../outside/s.png'); });
fs.unzip({zipFilePath: U + '/evil.zip', targetPath: U + '/unz', fail: log('unzip evil')});
fs.unzip({zipFilePath: U + '/slip.zip', targetPath: U, fail: log('unzip slip')});
fs.unzip({zipFilePath: U + '/abs.zip', targetPath: U, fail: log('unzip abs')});
fs.unzip({zipFilePath: U + '/win.zip', targetPath: U, fail: log('unzip win')});
fs.unzip({zipFilePath: U + '/sym.zip', targetPath: U, fail: log('unzip sym')});
fs.unzip({zipFilePath: 'pack.zip', targetPath: U + '/link', fail: log('unzip into link')});
fs.unzip({zipFilePath: 'pack.zip', targetPath: '../outside', fail: log('unzip out')});
fs.unzip({zipFilePath: U + '/link/secret.txt', targetPath: U, fail: log('unzip from link')});
`)
			e := w.run(t, platform, src.String(), nil)
			out := e.out.String()
			for _, line := range want {
				if !strings.Contains(out, line+"\n") {
					t.Errorf("missing: %q", line)
				}
			}
			u := platformText(platform, "wxfile://usr")
			tt := platform == "tiktok"
			pick := func(wx, ttText string) string {
				if tt {
					return ttText
				}
				return wx
			}
			for _, line := range []string{
				`inlink "mine"`,
				"rename out threw renameSync:fail permission denied, rename U/mine.txt -> U/../../outside/mine.txt",
				"rename in threw renameSync:fail permission denied, rename U/link/secret.txt -> U/stolen.txt",
				"copy out threw copyFileSync:fail permission denied, copyFile U/mine.txt -> ../outside/copied.txt",
				"copy via link threw copyFileSync:fail permission denied, copyFile U/link/secret.txt -> U/stolen.txt",
				"copy in threw copyFileSync:fail permission denied, copyFile U/mine.txt -> U/link/copied.txt",
				pick("unlink via link threw unlinkSync:fail permission denied, open U/link/secret.txt",
					"unlink via link threw unlinkSync:fail permission denied, unlink U/link/secret.txt"),
				pick("rmdir link threw rmdirSync:fail not a directory U/link",
					"rmdir link threw rmdirSync:fail operation not permitted, rmdir U/link"),
				pick("readdir link threw readdirSync:fail permission denied, open U/link",
					"readdir link threw readdirSync:fail permission denied, readdir U/link"),
				pick("stat link threw statSync:fail permission denied, open U/link",
					"stat link threw statSync:fail permission denied, stat U/link"),
				pick("truncate via link threw truncateSync:fail permission denied, open U/link/secret.txt",
					"truncate via link threw truncateSync:fail permission denied, truncate U/link/secret.txt"),
				pick(`append via abslink threw appendFileSync:fail permission denied, open U/abslink`,
					`append via abslink threw appendFileSync:fail permission denied, appendFile U/abslink`),
				pick(`save out threw saveFileSync:fail tempFilePath file not exist`,
					`save out threw saveFileSync:fail params tempFilePath is invalid`),
				`unzip evil {"errMsg":"unzip:fail permission denied, unzip U/evil.zip -> U/unz"}`,
				`unzip slip {"errMsg":"unzip:fail permission denied, unzip U/slip.zip -> U"}`,
				`unzip abs {"errMsg":"unzip:fail permission denied, unzip U/abs.zip -> U"}`,
				`unzip win {"errMsg":"unzip:fail permission denied, unzip U/win.zip -> U"}`,
				`unzip sym {"errMsg":"unzip:fail permission denied, unzip U/sym.zip -> U"}`,
				`unzip into link {"errMsg":"unzip:fail permission denied, unzip pack.zip -> U/link"}`,
				`unzip out {"errMsg":"unzip:fail permission denied, unzip pack.zip -> ../outside"}`,
				`unzip from link {"errMsg":"unzip:fail permission denied, unzip U/link/secret.txt -> U"}`,
			} {
				if !strings.Contains(out, strings.ReplaceAll(line, "U", u)+"\n") {
					t.Errorf("missing: %q", strings.ReplaceAll(line, "U", u))
				}
			}
			if strings.Contains(out, secret) || strings.Contains(e.err.String(), secret) {
				t.Errorf("the secret reached the game:\n%s", out)
			}
			if strings.Contains(out, "BAD THROW") || e.err.Len() > 0 {
				t.Errorf("output:\n%s\nstderr: %s", out, e.err.String())
			}
			sameTree(t, "outside", outsideBefore, snapshot(t, w.outside))
			gameAfter := snapshot(t, w.game)
			delete(gameAfter, "game.js") // the test's own
			sameTree(t, "game", gameBefore, gameAfter)
			if names, _ := os.ReadDir(w.base); len(names) != 3 {
				t.Errorf("something appeared beside the folders: %v", names)
			}
			for _, name := range []string{"unz", "ok.txt", "evil.txt", "abs.txt", "stolen.txt", "d"} {
				if _, err := os.Lstat(filepath.Join(user, name)); err == nil {
					t.Errorf("%s was created in the user folder", name)
				}
			}
			if t.Failed() || os.Getenv("FS_SHOW") != "" {
				t.Logf("output:\n%s", out)
			}
		})
	}
}
