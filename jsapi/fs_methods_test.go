package jsapi_test

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/minisim/minisim/jsapi"
)

func TestFileSystemSyncMethods(t *testing.T) {
	runCases(t, []fsCase{
		{js: `U`, wx: `"wxfile://usr"`},
		{js: `P.getFileSystemManager() === fs`, wx: `true`},
		{js: `fs.writeFileSync(U + '/a.txt', 'héllo', 'utf8')`, wx: `undefined`},
		{js: `fs.readFileSync(U + '/a.txt', 'utf8')`, wx: `"héllo"`},
		{js: `fs.readFileSync(U + '/a.txt') instanceof ArrayBuffer && fs.readFileSync(U + '/a.txt').byteLength`, wx: `6`},
		{js: `fs.readFileSync(U + '/a.txt', 'utf8', 1, 2)`, wx: `"é"`},
		{js: `fs.readFileSync(U + '/a.txt', 'utf8', 6)`, wx: `threw readFileSync:fail value of position is out of range`},
		{js: `fs.readFileSync(U + '/a.txt', 'utf8', 0, 7)`, wx: `threw readFileSync:fail value of length is out of range`},
		{js: `(fs.appendFileSync(U + '/a.txt', '!'), fs.readFileSync(U + '/a.txt', 'utf8'))`, wx: `"héllo!"`},
		{js: `fs.appendFileSync(U + '/new.txt', '!')`,
			wx: `threw appendFileSync:fail no such file or directory, open wxfile://usr/new.txt`,
			tt: `threw appendFileSync:fail no such file or directory, appendFile ttfile://user/new.txt`},
		{js: `fs.readFileSync(U + '/nope.txt', 'utf8')`,
			wx: `threw readFileSync:fail no such file or directory, open wxfile://usr/nope.txt`,
			tt: `threw readFileSync:fail no such file or directory, readFile ttfile://user/nope.txt`},
		{js: `fs.mkdirSync(U + '/d/e', true)`, wx: `undefined`},
		{js: `fs.mkdirSync(U + '/d/e', true)`,
			wx: `threw mkdirSync:fail file already exists wxfile://usr/d/e`,
			tt: `threw mkdirSync:fail file already exists, mkdir ttfile://user/d/e`},
		{js: `fs.mkdirSync(U + '/x/y')`,
			wx: `threw mkdirSync:fail no such file or directory wxfile://usr/x/y`,
			tt: `threw mkdirSync:fail no such file or directory, mkdir ttfile://user/x/y`},
		{js: `(fs.copyFileSync(U + '/a.txt', U + '/d/b.txt'), fs.readdirSync(U + '/d'))`, wx: `["b.txt","e"]`},
		{js: `(fs.renameSync(U + '/d/b.txt', U + '/d/e/c.txt'), fs.readdirSync(U + '/d/e'))`, wx: `["c.txt"]`},
		{js: `fs.renameSync(U + '/nope', U + '/n2')`,
			wx: `threw renameSync:fail no such file or directory, rename wxfile://usr/nope -> wxfile://usr/n2`},
		{js: `fs.copyFileSync(U + '/nope', U + '/n2')`,
			wx: `threw copyFileSync:fail no such file or directory, copyFile wxfile://usr/nope -> wxfile://usr/n2`},
		{js: `(function (s) { return [s.size, s.isFile(), s.isDirectory(), (s.mode & 0xF000) === 0x8000, s.lastModifiedTime > 1e9, s.lastAccessedTime > 1e9]; })(fs.statSync(U + '/a.txt'))`,
			wx: `[7,true,false,true,true,true]`},
		{js: `(function (s) { return [s.isDirectory(), (s.mode & 0xF000) === 0x4000]; })(fs.statSync(U + '/d'))`, wx: `[true,true]`},
		{js: `fs.statSync(U + '/d', true).map(function (x) { return x.path + ':' + (x.stats || x.stat).isDirectory(); })`,
			wx: `["/:true","/e:true","/e/c.txt:false"]`},
		{js: `Object.keys(fs.statSync(U + '/d', true)[0]).join()`, wx: `"path,stats"`, tt: `"path,stat"`},
		{js: `fs.statSync(U + '/a.txt', true).isFile()`, wx: `true`},
		{js: `fs.rmdirSync(U + '/d')`, wx: `threw rmdirSync:fail directory not empty`},
		{js: `fs.rmdirSync(U + '/a.txt')`,
			wx: `threw rmdirSync:fail not a directory wxfile://usr/a.txt`,
			tt: `threw rmdirSync:fail operation not permitted, rmdir ttfile://user/a.txt`},
		{js: `fs.unlinkSync(U + '/d')`,
			wx: `threw unlinkSync:fail operation not permitted, unlink wxfile://usr/d`,
			tt: `threw unlinkSync:fail operation not permitted, unlink ttfile://user/d`},
		{js: `(fs.rmdirSync(U + '/d', true), fs.readdirSync(U))`, wx: `["a.txt"]`},
		{js: `(fs.truncateSync({filePath: U + '/a.txt', length: 2}), fs.readFileSync(U + '/a.txt', 'hex'))`, wx: `"68c3"`},
		{js: `(fs.truncateSync({filePath: U + '/a.txt'}), fs.statSync(U + '/a.txt').size)`, wx: `0`},
		{js: `fs.accessSync(U)`, wx: `undefined`},
		{js: `fs.accessSync(U + '/gone')`,
			wx: `threw accessSync:fail no such file or directory wxfile://usr/gone`,
			tt: `threw accessSync:fail no such file or directory, access ttfile://user/gone`},
		{js: `fs.readFileSync('/assets/level.json', 'utf8') + fs.readFileSync('assets/level.json', 'utf8')`, wx: `"{\"level\":1}{\"level\":1}"`},
		{js: `fs.accessSync('assets/level.json')`, wx: `undefined`},
		{js: `fs.statSync('assets/level.json').size`, wx: `11`,
			tt: `threw statSync:fail permission denied, stat assets/level.json`},
		{js: `fs.readdirSync('assets')`, wx: `["level.json"]`,
			tt: `threw readdirSync:fail permission denied, readdir assets`},
		{js: `fs.writeFileSync('assets/level.json', 'x')`,
			wx: `threw writeFileSync:fail permission denied, open assets/level.json`,
			tt: `threw writeFileSync:fail permission denied, writeFile assets/level.json`},
		{js: `fs.copyFileSync('assets/level.json', U + '/level.json')`, wx: `undefined`,
			tt: `threw copyFileSync:fail permission denied, copyFile assets/level.json -> ttfile://user/level.json`},
		{js: `fs.readdirSync(U + '/a.txt')`,
			wx: `threw readdirSync:fail not a directory wxfile://usr/a.txt`,
			tt: `threw readdirSync:fail operation not permitted, readdir ttfile://user/a.txt`},
		{js: `fs.writeFileSync(U, 'x')`,
			wx: `threw writeFileSync:fail illegal operation on a directory, open wxfile://usr`,
			tt: `threw writeFileSync:fail operation not permitted, writeFile ttfile://user`},
		{js: `(fs.mkdirSync(U + '/d2'), fs.appendFileSync(U + '/d2', 'x'))`,
			wx: `threw appendFileSync:fail illegal operation on a directory, open "wxfile://usr/d2"`,
			tt: `threw appendFileSync:fail operation not permitted, appendFile ttfile://user/d2`},
		{js: `fs.writeFileSync(U + '/nodir/f.txt', 'x')`,
			wx: `threw writeFileSync:fail no such file or directory, open wxfile://usr/nodir/f.txt`,
			tt: `threw writeFileSync:fail no such file or directory, writeFile ttfile://user/nodir/f.txt`},
		{js: `fs.rmdirSync(U, true)`,
			wx: `threw rmdirSync:fail permission denied, open wxfile://usr`,
			tt: `threw rmdirSync:fail permission denied, rmdir ttfile://user`},
		{js: `fs.writeFileSync(U + '/z', 42)`, wx: `threw writeFileSync:fail parameter.data should be String or ArrayBuffer instead of Number`},
		{js: `fs.readFileSync(U + '/a.txt', 'utf7')`,
			wx: `threw readFileSync:fail parameter.encoding should be one of ascii, base64, binary, hex, ucs2, ucs-2, utf16le, utf-16le, utf-8, utf8, latin1 instead of "utf7"`},
		{js: `fs.readFileSync()`, wx: `threw readFileSync:fail parameter.filePath should be String instead of Undefined`},
		{js: `fs.readFileSync('http://example.com/a.txt')`,
			wx: `threw readFileSync:fail permission denied, open http://example.com/a.txt`,
			tt: `threw readFileSync:fail permission denied, readFile http://example.com/a.txt`},
		{js: `(function () { try { fs.accessSync(U + '/gone'); } catch (e) { return [e instanceof Error, e.name]; } })()`, wx: `[true,"Error"]`},
		{js: `[typeof fs.openSync, typeof fs.readZipEntry, typeof fs.getFileInfoSync, typeof fs.truncateSync]`, wx: `["undefined","undefined","undefined","function"]`},
	}, nil)
}

func TestFileSystemAsyncMethods(t *testing.T) {
	src := `
fs.writeFile({filePath: U + '/async.txt', data: new Uint8Array([104, 105]).buffer, success: log('writeFile'), complete: function () {
  fs.readFile({filePath: U + '/async.txt', encoding: 'utf8', success: log('readFile')});
  fs.readFile({filePath: U + '/async.txt', success: function (r) { console.log('buffer', r.data instanceof ArrayBuffer, r.data.byteLength); }});
  fs.getFileInfo({filePath: U + '/async.txt', success: log('md5')});
  fs.getFileInfo({filePath: U + '/async.txt', digestAlgorithm: 'sha1', success: log('sha1')});
  fs.getFileInfo({filePath: U + '/async.txt', digestAlgorithm: 'sha256', success: log('sha256'), fail: log('sha256')});
  fs.getFileInfo({filePath: U + '/async.txt', digestAlgorithm: 'crc', fail: log('crc')});
  fs.stat({path: U + '/async.txt', success: function (r) { console.log('stat', r.stats.size, r.stats.isFile(), r.errMsg); }});
  fs.readdir({dirPath: U, success: log('readdir')});
  fs.unlink({filePath: U + '/async.txt', success: log('unlink')});
  fs.readFile({filePath: U + '/async.txt', fail: log('after unlink'), complete: function (r) { console.log('complete', r.errMsg.indexOf(':fail') > 0); }});
  fs.getFileInfo({filePath: U + '/async.txt', fail: log('info after unlink')});
}});
console.log('no promise', fs.access({path: U}) === undefined);
fs.mkdir({dirPath: 'pkgdir', fail: log('mkdir package')});
`
	md5sum := fmt.Sprintf("%x", md5.Sum([]byte("hi")))
	sha1sum := fmt.Sprintf("%x", sha1.Sum([]byte("hi")))
	sha256sum := fmt.Sprintf("%x", sha256.Sum256([]byte("hi"))) // WeChat only
	want := map[string]string{
		"wechat": `no promise true
mkdir package {"errMsg":"mkdir:fail permission denied, open pkgdir"}
writeFile {"errMsg":"writeFile:ok"}
crc {"errMsg":"getFileInfo:fail parameter.digestAlgorithm should be md5 or sha1 instead of \"crc\""}
readFile {"data":"hi","errMsg":"readFile:ok"}
buffer true 2
md5 {"size":2,"digest":"MD5","errMsg":"getFileInfo:ok"}
sha1 {"size":2,"digest":"SHA1","errMsg":"getFileInfo:ok"}
sha256 {"size":2,"digest":"SHA256","errMsg":"getFileInfo:ok"}
stat 2 true stat:ok
readdir {"files":["async.txt"],"errMsg":"readdir:ok"}
unlink {"errMsg":"unlink:ok"}
after unlink {"errMsg":"readFile:fail no such file or directory, open wxfile://usr/async.txt"}
complete true
info after unlink {"errMsg":"getFileInfo:fail file not exist"}`,
		"tiktok": `no promise true
mkdir package {"errMsg":"mkdir:fail permission denied, mkdir pkgdir"}
writeFile {"errMsg":"writeFile:ok"}
sha256 {"errMsg":"getFileInfo:fail parameter.digestAlgorithm should be md5 or sha1 instead of \"sha256\""}
crc {"errMsg":"getFileInfo:fail parameter.digestAlgorithm should be md5 or sha1 instead of \"crc\""}
readFile {"data":"hi","errMsg":"readFile:ok"}
buffer true 2
md5 {"size":2,"digest":"MD5","errMsg":"getFileInfo:ok"}
sha1 {"size":2,"digest":"SHA1","errMsg":"getFileInfo:ok"}
stat 2 true stat:ok
readdir {"files":["async.txt"],"errMsg":"readdir:ok"}
unlink {"errMsg":"unlink:ok"}
after unlink {"errMsg":"readFile:fail no such file or directory, readFile ttfile://user/async.txt"}
complete true
info after unlink {"errMsg":"getFileInfo:fail no such file or directory, getFileInfo ttfile://user/async.txt"}`,
	}
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			e := newFSWorld(t).run(t, platform, src, nil)
			wantOut(t, e, strings.NewReplacer("MD5", md5sum, "SHA1", sha1sum, "SHA256", sha256sum).Replace(want[platform]))
		})
	}
}

func TestFileSystemIsMainDomainOnly(t *testing.T) {
	e := newDomainEnv(t, &fakeHost{}, "wechat", jsapi.OpenDomain,
		`console.log(typeof wx.getFileSystemManager, typeof wx.env, wx.canIUse('getFileSystemManager'));`)
	wantOut(t, e, "undefined undefined false")
}

func TestFileSystemEncodingsRoundTrip(t *testing.T) {
	src := `
var texts = {hex: '00ff10ab', base64: 'aGVsbG8gd29ybGQ=', ascii: 'plain ~', latin1: 'Latin ÿé', binary: 'Latin ÿé'};
['ascii', 'base64', 'binary', 'hex', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'utf-8', 'utf8', 'latin1'].forEach(function (enc) {
  var text = texts[enc] || 'Unicode é€😀 end';
  fs.writeFileSync(U + '/' + enc, text, enc);
  console.log(enc, fs.readFileSync(U + '/' + enc, enc) === text, fs.readFileSync(U + '/' + enc).byteLength);
});
fs.writeFileSync(U + '/h', 'héllo');
console.log(['hex', 'base64', 'latin1', 'binary', 'ascii'].map(function (e) { return fs.readFileSync(U + '/h', e); }).join(' '));
fs.writeFile({filePath: U + '/b64', data: 'aGk=', encoding: 'base64', success: function () {
  fs.readFile({filePath: U + '/b64', encoding: 'utf8', success: log('b64')});
}});
fs.writeFile({filePath: U + '/bad', data: '!!!', encoding: 'base64', fail: log('bad b64')});
`
	for _, platform := range []string{"wechat", "tiktok"} {
		t.Run(platform, func(t *testing.T) {
			e := newFSWorld(t).run(t, platform, src, nil)
			wantOut(t, e, `ascii true 7
base64 true 11
binary true 8
hex true 4
ucs2 true 32
ucs-2 true 32
utf16le true 32
utf-16le true 32
utf-8 true 21
utf8 true 21
latin1 true 8
68c3a96c6c6f aMOpbGxv hÃ©llo hÃ©llo hC)llo
bad b64 {"errMsg":"writeFile:fail base64 encode error"}
b64 {"data":"hi","errMsg":"readFile:ok"}`)
		})
	}
}
