package jsapi

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gamefs"
)

// installDownload adds downloadFile: a GET whose body goes to a temp file
// that createImage and the file APIs read back. Not promisified.
func (a *API) installDownload() {
	a.setTransfer("downloadFile", "DownloadTask", a.downloadTransfer)
}

func (a *API) downloadTransfer(o *goja.Object, task *netTask) (*transfer, error) {
	u, err := urlParam(o, "https", "http")
	if err != nil {
		return nil, err
	}
	save, err := a.downloadSaver(o)
	if err != nil {
		return nil, err
	}
	tr, err := a.newTransfer(o, task, "downloadFile", http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	tr.read = func(resp *http.Response) (func() *goja.Object, error) {
		scratch, err := a.receiveFile(task, resp)
		if err != nil {
			return nil, err
		}
		field, p, err := save(scratch, downloadExt(u, resp.Header.Get("Content-Type")))
		if err != nil {
			os.Remove(scratch)
			return nil, err
		}
		return func() *goja.Object { return a.object(field, p, "statusCode", resp.StatusCode) }, nil
	}
	return tr, nil
}

// downloadSaver decides where a finished download goes: save moves the
// downloaded scratch file there (off the loop) and names the success
// field and path. Without filePath that is a new temp file (tempFilePath);
// with it, a file in the user data folder, written through the file
// system (its permissions and storage limit apply) and returned as filePath.
func (a *API) downloadSaver(o *goja.Object) (save func(scratch, ext string) (field, path string, err error), err error) {
	if v := prop(o, "filePath"); !goja.IsUndefined(v) && !goja.IsNull(v) {
		target := v.String()
		loc, err := a.locateFor("downloadFile", target, toWrite)
		if err != nil {
			return nil, errors.New(a.fsReason("downloadFile", err))
		}
		return func(scratch, _ string) (string, string, error) {
			defer os.Remove(scratch)
			if err := copyScratch(scratch, loc); err != nil {
				return "", "", errors.New(a.fsReason("downloadFile", err))
			}
			return "filePath", target, nil
		}, nil
	}
	return func(scratch, ext string) (string, string, error) {
		virtual, real, err := a.temp.create(ext)
		if err == nil {
			err = os.Rename(scratch, real)
		}
		return "tempFilePath", virtual, err
	}, nil
}

// copyScratch streams the scratch file into loc through gamefs, so the
// user data storage limit applies without reading the download into memory.
func copyScratch(scratch string, loc location) error {
	scratchDir := gamefs.NewDir(filepath.Dir(scratch))
	defer scratchDir.Close()
	return gamefs.Copy(scratchDir, filepath.Base(scratch), loc.dir, loc.name)
}

// receiveFile writes the response body to a scratch file, posting
// progress events whenever the percentage changes. Without a
// Content-Length the total is unknown: 0 until the end, as XHR reports it.
func (a *API) receiveFile(task *netTask, resp *http.Response) (scratch string, err error) {
	f, err := os.CreateTemp("", "minisim-download-")
	if err != nil {
		return "", err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	p := progress{a: a, task: task, total: max(resp.ContentLength, 0), names: downloadProgressNames}
	if _, err := io.Copy(io.MultiWriter(f, &p), resp.Body); err != nil {
		return "", err
	}
	p.end()
	return f.Name(), nil
}

// plainExt is a file extension worth keeping from a URL.
var plainExt = regexp.MustCompile(`^\.[A-Za-z0-9]{1,8}$`)

// downloadExt is the temp file's extension: the URL's, else one for the
// Content-Type the server sent (from a fixed table, so it does not depend
// on the machine's MIME database), else none.
func downloadExt(u *url.URL, contentType string) string {
	if ext := path.Ext(u.Path); plainExt.MatchString(ext) {
		return ext
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	return map[string]string{
		"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
		"audio/mpeg": ".mp3", "audio/ogg": ".ogg", "audio/wav": ".wav", "audio/aac": ".aac", "audio/mp4": ".m4a",
		"video/mp4": ".mp4", "application/json": ".json", "text/plain": ".txt", "application/zip": ".zip",
	}[mt]
}
