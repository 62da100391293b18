package jsapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// formServer answers with what a multipart form brought: its fields, and
// the file's field name, filename, type and content.
func formServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out := map[string]any{"fields": r.MultipartForm.Value, "game": r.Header.Get("X-Game"), "length": r.ContentLength}
		for name, files := range r.MultipartForm.File {
			f, _ := files[0].Open()
			content, _ := io.ReadAll(f)
			out["file"] = []string{name, files[0].Filename, files[0].Header.Get("Content-Type"), string(content)}
		}
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestUploadMultipartFieldsAndFile(t *testing.T) {
	srv := formServer(t)
	for _, platform := range []string{"wechat", "tiktok"} {
		host := &fakeHost{}
		userDirs.Store(host, t.TempDir())
		e := netEnv(t, host, platform, srv.URL, map[string]string{"score.json": `{"score":1}`}, `
var task = wx.uploadFile({url: 'BASE/up', filePath: 'score.json', name: 'doc', formData: {user: 'alice', n: 5},
  header: {'X-Game': 'up'}, success: function (r) {
    console.log('uploaded', r.statusCode, typeof r.data, r.data.trim(), r.errMsg);
    console.log('progress', JSON.stringify(last), last.totalBytesSent === JSON.parse(r.data).length);
  }});
var last;
task.onProgressUpdate(function (p) { last = p; });
wx.uploadFile({url: 'BASE/up', filePath: 'missing.txt', name: 'doc', fail: log('missing')});
wx.uploadFile({url: 'BASE/up', filePath: wx.env.USER_DATA_PATH + '/save.txt', name: 'doc', fail: log('user data')});
wx.uploadFile({url: 'BASE/up', filePath: 'score.json', fail: log('no name')});
wx.uploadFile({url: 'BASE/up', filePath: 'score.json', name: 'doc', formData: 'a=b', fail: log('bad form')});
var aborted = wx.uploadFile({url: 'BASE/up', filePath: 'score.json', name: 'doc', fail: log('aborted'),
  complete: function () { console.log('done'); }});
aborted.abort();
`)
		e.until(t, "done")
		missing := map[string][2]string{
			"wechat": {"no such file or directory missing.txt", "no such file or directory wxfile://usr/save.txt"},
			"tiktok": {"no such file or directory, uploadFile missing.txt", "no such file or directory, uploadFile ttfile://user/save.txt"},
		}[platform]
		wantOut(t, e, `missing {"errMsg":"uploadFile:fail `+missing[0]+`"}
user data {"errMsg":"uploadFile:fail `+missing[1]+`"}
no name {"errMsg":"uploadFile:fail parameter.name should be String instead of Undefined"}
bad form {"errMsg":"uploadFile:fail parameter.formData should be Object instead of String"}
uploaded 201 string {"fields":{"n":["5"],"user":["alice"]},"file":["doc","score.json","application/json","{\"score\":1}"],"game":"up","length":473} uploadFile:ok
progress {"progress":100,"totalBytesSent":473,"totalBytesExpectedToSend":473} true
aborted {"errMsg":"uploadFile:fail abort"}
done`)
	}
}
