package jsapi_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// fileServer serves payload as /file.png (with its length), /stream
// (chunked, length unknown), /noext (a JPEG by its type) and /missing
// (404); /check answers whether an uploaded file equals payload.
func fileServer(t *testing.T, payload []byte) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/file.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
		w.Write(payload)
	})
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < len(payload); i += 10000 {
			w.Write(payload[i:min(i+10000, len(payload))])
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/noext", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write(payload[:10])
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/check", func(w http.ResponseWriter, r *http.Request) {
		f, _, err := r.FormFile("file")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		got, _ := io.ReadAll(f)
		fmt.Fprint(w, map[bool]string{true: "same", false: "different"}[bytes.Equal(got, payload)])
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func payload(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}

const progressCheck = `
function watch(task, tag) {
  var seen = [];
  task.onProgressUpdate(function (p) { seen.push(p); });
  return function () {
    var last = seen[seen.length - 1], rising = true;
    for (var i = 1; i < seen.length; i++) rising = rising && seen[i].progress >= seen[i - 1].progress;
    console.log(tag, seen.length >= 2, rising, JSON.stringify(last), seen[0].totalBytesExpectedToWrite);
  };
}
`

func TestDownloadToTempWithProgressThenReadBack(t *testing.T) {
	srv := fileServer(t, payload(100000))
	for _, platform := range []string{"wechat", "tiktok"} {
		prefix := map[string]string{"wechat": "wxfile://tmp_", "tiktok": "ttfile://temp/"}[platform]
		denied := map[string]string{"wechat": "permission denied, open images/a.png", "tiktok": "permission denied, downloadFile images/a.png"}[platform]
		e := netEnv(t, &fakeHost{}, platform, srv.URL, map[string]string{}, progressCheck+`
var known = wx.downloadFile({url: 'BASE/file.png', success: function (r) {
  report();
  console.log('known', r.tempFilePath, r.statusCode, r.errMsg);
  wx.uploadFile({url: 'BASE/check', filePath: r.tempFilePath, name: 'file', success: function (u) {
    console.log('read back', u.data);
    var unknown = wx.downloadFile({url: 'BASE/stream', success: function () { streamed(); }});
    var streamed = watch(unknown, 'unknown');
    // Transfers run side by side: which temp file number each gets varies.
    wx.downloadFile({url: 'BASE/noext', success: function (r) { console.log('by type', r.tempFilePath.slice(-4)); }});
    wx.downloadFile({url: 'BASE/missing', success: function (r) { console.log('missing', r.statusCode); }});
    wx.downloadFile({url: 'BASE/file.png', filePath: 'images/a.png', fail: log('filePath')}); // the package is read-only
    var aborted = wx.downloadFile({url: 'BASE/file.png', fail: log('aborted'), complete: function () { console.log('done'); }});
    aborted.abort();
  }});
}});
var report = watch(known, 'known progress');
known.onHeadersReceived(function (r) { console.log('headers', r.header['Content-Length']); });
console.log(Object.keys(known).sort().join(','));
`)
		e.until(t, "done")
		methods := "abort,offHeadersReceived,offProgressUpdate,onHeadersReceived,onProgressUpdate"
		if platform == "tiktok" {
			methods = "abort,offHeadersReceived,onHeadersReceived,onProgressUpdate" // as documented
		}
		wantOut(t, e, methods+`
headers 100000
known progress true true {"progress":100,"totalBytesWritten":100000,"totalBytesExpectedToWrite":100000} 100000
known `+prefix+`1.png 200 downloadFile:ok
read back same
filePath {"errMsg":"downloadFile:fail `+denied+`"}
unknown true true {"progress":100,"totalBytesWritten":100000,"totalBytesExpectedToWrite":100000} 0
by type .jpg
missing 404
aborted {"errMsg":"downloadFile:fail abort"}
done`)
	}
}

func TestDownloadIntoTheUserDataFolder(t *testing.T) {
	srv := fileServer(t, payload(5000))
	for _, platform := range []string{"wechat", "tiktok"} {
		host := &fakeHost{}
		userDirs.Store(host, t.TempDir())
		e := netEnv(t, host, platform, srv.URL, map[string]string{}, `
var target = wx.env.USER_DATA_PATH + '/cache.png';
wx.downloadFile({url: 'BASE/file.png', filePath: target, success: function (r) {
  var fs = wx.getFileSystemManager();
  console.log(r.filePath === target, r.statusCode, fs.readFileSync(target).byteLength);
  wx.uploadFile({url: 'BASE/check', filePath: target, name: 'file', success: function (u) {
    console.log('read back', u.data, 'done');
  }});
}, fail: log('download')});
`)
		e.until(t, "done")
		wantOut(t, e, "true 200 5000\nread back same done")
	}
}
