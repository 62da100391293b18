package jsapi_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minisim/minisim/jsapi"
)

// withTempFiles hands the game temp files TEMP1…TEMPn before it runs.
func withTempFiles(t *testing.T, contents ...string) func(e *env) {
	return func(e *env) {
		for i, c := range contents {
			p, err := jsapi.NewTempFile(e.api, ".png", []byte(c))
			if err != nil {
				t.Fatal(err)
			}
			e.d.SetGlobal("TEMP"+string(rune('1'+i)), p)
		}
	}
}

func TestSaveFileMovesTempFiles(t *testing.T) {
	src := `
sync('read temp', function () { return fs.readFileSync(TEMP1, 'utf8'); });
sync('write temp', function () { return fs.writeFileSync(TEMP1, 'x'); });
sync('unlink temp', function () { return fs.unlinkSync(TEMP1); });
sync('save sync', function () { return fs.saveFileSync(TEMP3, U + '/kept.png'); });
fs.saveFile({tempFilePath: TEMP1, success: function (r) {
  console.log('saved', r.savedFilePath, r.errMsg);
  sync('read saved', function () { return fs.readFileSync(r.savedFilePath, 'utf8'); });
  sync('temp gone', function () { return fs.readFileSync(TEMP1, 'utf8'); });
  sync('write saved', function () { return fs.writeFileSync(r.savedFilePath, 'x'); });
  fs.getSavedFileList({success: function (l) {
    console.log('list', l.fileList.map(function (f) { return f.filePath + ':' + f.size + ':' + (f.createTime > 1e9); }).join(' '));
    fs.removeSavedFile({filePath: r.savedFilePath, success: log('removed')});
    fs.getSavedFileList({success: function (l) { console.log('after', l.fileList.length); }});
    fs.removeSavedFile({filePath: r.savedFilePath, fail: log('removed twice')});
  }});
}});
fs.saveFile({tempFilePath: TEMP2, filePath: U + '/no/dir.png', fail: log('no dir')});
fs.saveFile({tempFilePath: U + '/kept.png', fail: log('not temp')});
fs.saveFile({tempFilePath: TEMP2, filePath: 'pkg.png', fail: log('into package')});
`
	want := map[string]string{
		"wechat": `read temp "one"
write temp threw writeFileSync:fail permission denied, open TEMP1
unlink temp threw unlinkSync:fail permission denied, open TEMP1
save sync "wxfile://usr/kept.png"
not temp {"errMsg":"saveFile:fail tempFilePath file not exist"}
into package {"errMsg":"saveFile:fail permission denied, open \"pkg.png\""}
saved wxfile://store_saved-1.png saveFile:ok
read saved "one"
temp gone threw readFileSync:fail no such file or directory, open TEMP1
write saved threw writeFileSync:fail permission denied, open wxfile://store_saved-1.png
no dir {"errMsg":"saveFile:fail no such file or directory \"wxfile://usr/no\""}
list wxfile://store_saved-1.png:3:true
removed {"errMsg":"removeSavedFile:ok"}
after 0
removed twice {"errMsg":"removeSavedFile:fail file not exist"}`,
		"tiktok": `read temp "one"
write temp threw writeFileSync:fail permission denied, writeFile TEMP1
unlink temp threw unlinkSync:fail permission denied, unlink TEMP1
save sync "ttfile://user/kept.png"
not temp {"errMsg":"saveFile:fail params tempFilePath is invalid"}
into package {"errMsg":"saveFile:fail permission denied, saveFile pkg.png"}
saved ttfile://user/saved-1.png saveFile:ok
read saved "one"
temp gone threw readFileSync:fail no such file or directory, readFile TEMP1
write saved undefined
no dir {"errMsg":"saveFile:fail no such file or directory, saveFile ttfile://user/no/dir.png"}
list ttfile://user/kept.png:5:true ttfile://user/saved-1.png:1:true
removed {"errMsg":"removeSavedFile:ok"}
after 1
removed twice {"errMsg":"removeSavedFile:fail no such file or directory, removeSavedFile ttfile://user/saved-1.png"}`,
	}
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			var temp1 string
			e := newFSWorld(t).run(t, platform, src, func(e *env) {
				withTempFiles(t, "one", "two", "three")(e)
				temp1 = e.d.VM().Get("TEMP1").String()
			})
			wantOut(t, e, strings.ReplaceAll(want[platform], "TEMP1", temp1))
		})
	}
}

func TestUserDataSizeLimit(t *testing.T) {
	if jsapi.UserDataLimit != 200<<20 {
		t.Errorf("the user data limit is %d bytes, the platforms give 200 MB", jsapi.UserDataLimit)
	}
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	f, _ := zw.Create("big.bin")
	f.Write(make([]byte, 300))
	zw.Close()
	full := `threw writeFileSync:fail the maximum size of the file storage limit is exceeded`
	fullTT := `threw writeFileSync:fail user dir saved file size limit exceeded`
	runLimited := func(platform, src string) *env {
		w := newFSWorld(t)
		mustWrite(t, filepath.Join(w.game, "big.zip"), zipped.String())
		return w.run(t, platform, src, func(e *env) { jsapi.SetUserDataLimit(e.api, 1000) })
	}
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			e := runLimited(platform, `
sync('fill', function () { return fs.writeFileSync(U + '/a.bin', new ArrayBuffer(600)); });
sync('over', function () { return fs.writeFileSync(U + '/b.bin', new ArrayBuffer(600)); });
sync('replace', function () { return fs.writeFileSync(U + '/a.bin', new ArrayBuffer(900)); });
sync('append', function () { return fs.appendFileSync(U + '/a.bin', new ArrayBuffer(200)); });
sync('copy', function () { return fs.copyFileSync(U + '/a.bin', U + '/c.bin'); });
sync('grow', function () { return fs.truncateSync({filePath: U + '/a.bin', length: 2000}); });
sync('left', function () { return [fs.readdirSync(U), fs.statSync(U + '/a.bin').size]; });
fs.unzip({zipFilePath: 'big.zip', targetPath: U, fail: log('unzip')});
`)
			reason := strings.TrimPrefix(full, "threw writeFileSync:fail ")
			if platform == "tiktok" {
				reason = strings.TrimPrefix(fullTT, "threw writeFileSync:fail ")
			}
			unzip := `unzip {"errMsg":"unzip:fail ` + reason + `"}`
			if platform == "tiktok" {
				unzip = `unzip {"errMsg":"unzip:fail permission denied, unzip big.zip -> ttfile://user"}` // TikTok's package is closed to unzip
			}
			wantOut(t, e, `fill undefined
over threw writeFileSync:fail `+reason+`
replace undefined
append threw appendFileSync:fail `+reason+`
copy threw copyFileSync:fail `+reason+`
grow threw truncateSync:fail `+reason+`
left [["a.bin"],900]
`+unzip)
		})
	}
}

func TestUserFilesPersistAcrossRestarts(t *testing.T) {
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			w := newFSWorld(t)
			w.run(t, platform, `fs.mkdirSync(U + '/saves'); fs.writeFileSync(U + '/saves/slot1.json', '{"level":7}');`, nil)
			if b, err := os.ReadFile(filepath.Join(w.data, "usr", "saves", "slot1.json")); err != nil || string(b) != `{"level":7}` {
				t.Fatalf("not on disk under the user data folder: %q %v", b, err)
			}
			e := w.run(t, platform, `fs.readFile({filePath: U + '/saves/slot1.json', encoding: 'utf8', success: log('after restart')});`, nil)
			wantOut(t, e, `after restart {"data":"{\"level\":7}","errMsg":"readFile:ok"}`)
		})
	}
}

func TestUnzipExtractsIntoUserData(t *testing.T) {
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for name, body := range map[string]string{"levels/1.json": "one", "levels/2.json": "two", "readme.txt": "hi"} {
		f, _ := zw.Create(name)
		f.Write([]byte(body))
	}
	zw.Create("empty/")
	zw.Close()
	w := newFSWorld(t)
	mustWrite(t, filepath.Join(w.game, "pack.zip"), zipped.String())
	mustWrite(t, filepath.Join(w.game, "bad.zip"), "not a zip")
	e := w.run(t, "wechat", `
fs.unzip({zipFilePath: 'pack.zip', targetPath: U + '/pack', success: function (r) {
  console.log(r.errMsg, JSON.stringify(fs.readdirSync(U + '/pack')), fs.readFileSync(U + '/pack/levels/2.json', 'utf8'));
}});
fs.unzip({zipFilePath: 'bad.zip', targetPath: U + '/bad', fail: log('bad')});
fs.unzip({zipFilePath: 'pack.zip', targetPath: U + '/no/such', fail: log('no parent')});
fs.unzip({zipFilePath: 'missing.zip', targetPath: U, fail: log('missing')});
`, nil)
	wantOut(t, e, `unzip:ok ["empty","levels","readme.txt"] two
bad {"errMsg":"unzip:fail unzip fail, bad.zip: not a zip file (zip: not a valid zip file)"}
no parent {"errMsg":"unzip:fail no such file or directory, unzip pack.zip -> wxfile://usr/no/such"}
missing {"errMsg":"unzip:fail no such file or directory, unzip missing.zip -> wxfile://usr"}`)
}

// TestReadablePathForOtherAPIs checks the resolver createImage reads user
// data through: each folder's files resolve to themselves, and nothing
// resolves outside.
func TestReadablePathForOtherAPIs(t *testing.T) {
	w := newFSWorld(t)
	var temp string
	e := w.run(t, "wechat", `fs.writeFileSync(U + '/pic.png', 'png');`, func(e *env) {
		temp, _ = jsapi.NewTempFile(e.api, ".png", []byte("t"))
	})
	user := filepath.Join(w.data, "usr")
	if err := os.Symlink(filepath.Join(w.outside, "secret.txt"), filepath.Join(user, "out.png")); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	for p, want := range map[string]string{
		"wxfile://usr/pic.png":   filepath.Join(user, "pic.png"),
		"assets/level.json":      filepath.Join(w.game, "assets", "level.json"),
		"/assets/level.json":     filepath.Join(w.game, "assets", "level.json"),
		temp:                     "temp",
		"wxfile://usr/out.png":   "",
		"../outside/secret.txt":  "",
		"wxfile://usr/../x.png":  "",
		"https://example.com/a":  "",
		"wxfile://usr/gone.png":  "",
		"wxfile://store_../../x": "",
	} {
		got, err := jsapi.ReadablePath(e.api, p)
		switch {
		case want == "" && err == nil:
			t.Errorf("%s resolved to %s", p, got)
		case want == "temp" && (err != nil || filepath.Base(got) != filepath.Base(strings.TrimPrefix(p, "wxfile://tmp_"))):
			t.Errorf("%s: %s %v", p, got, err)
		case want != "" && want != "temp":
			if real, _ := filepath.EvalSymlinks(want); err != nil || got != real {
				t.Errorf("%s: %s %v, want %s", p, got, err, real)
			}
		}
	}
	e = w.run(t, "wechat", `var img = wx.createImage();
img.onerror = function (e) { console.log('onerror', e.errMsg.indexOf('out.png') > 0, e.errMsg.indexOf('`+secret+`') < 0); };
img.src = U + '/out.png';`, nil)
	settle(e)
	wantOut(t, e, "onerror true true")
}
