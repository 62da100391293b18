package jsapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// installUpload adds uploadFile: a multipart/form-data POST of formData's
// fields and one file. Not promisified.
func (a *API) installUpload() {
	a.setTransfer("uploadFile", "UploadTask", a.uploadTransfer)
}

func (a *API) uploadTransfer(o *goja.Object, task *netTask) (*transfer, error) {
	u, err := urlParam(o, "https", "http")
	if err != nil {
		return nil, err
	}
	filePath, err := stringParam(o, "filePath")
	if err != nil {
		return nil, err
	}
	name, err := stringParam(o, "name")
	if err != nil {
		return nil, err
	}
	file, err := a.uploadSource(filePath)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(file)
	if err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("file not found: %s", filePath)
	}
	fields, err := formDataParam(o)
	if err != nil {
		return nil, err
	}
	form, err := a.multipartForm(task, fields, name, filePath, file, st.Size())
	if err != nil {
		return nil, err
	}
	tr, err := a.newTransfer(o, task, "uploadFile", http.MethodPost, u, func(header http.Header) (io.Reader, error) {
		header.Set("Content-Type", form.contentType)
		return form.body, nil
	})
	if err != nil {
		return nil, err
	}
	tr.req.ContentLength = form.size
	tr.read = func(resp *http.Response) (func() *goja.Object, error) {
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		return func() *goja.Object { return a.object("data", string(data), "statusCode", resp.StatusCode) }, nil
	}
	return tr, nil
}

// multipartUpload is uploadFile's request body and what describes it.
type multipartUpload struct {
	body        io.Reader
	size        int64
	contentType string
}

// multipartForm frames the real file (of size bytes) between formData's
// fields and the closing boundary, posting upload progress as it is read.
func (a *API) multipartForm(task *netTask, fields [][2]string, name, filePath, file string, size int64) (multipartUpload, error) {
	prefix, suffix, contentType, err := multipartFrame(fields, name, path.Base(filepath.ToSlash(filePath)))
	if err != nil {
		return multipartUpload{}, err
	}
	total := int64(len(prefix)) + size + int64(len(suffix))
	body := &uploadBody{file: &lazyFile{path: file}}
	body.r = io.TeeReader(io.MultiReader(bytes.NewReader(prefix), body.file, bytes.NewReader(suffix)),
		&progress{a: a, task: task, total: total, names: uploadProgressNames})
	return multipartUpload{body: body, size: total, contentType: contentType}, nil
}

// uploadSource resolves filePath to a real file: a temp file of this run,
// a file in the user data folder or the game package, through the file
// system's resolver (nothing outside those folders).
func (a *API) uploadSource(p string) (string, error) {
	real, err := a.readablePath(p)
	if err != nil {
		return "", errors.New(a.fsReason("uploadFile", failOn(err, p)))
	}
	return real, nil
}

// formDataParam reads formData's fields in their order, values as
// JavaScript converts them to strings.
func formDataParam(o *goja.Object) ([][2]string, error) {
	v := prop(o, "formData")
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, nil
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("parameter.formData should be Object instead of %s", typeName(v))
	}
	var fields [][2]string
	for _, k := range obj.Keys() {
		fields = append(fields, [2]string{k, prop(obj, k).String()})
	}
	return fields, nil
}

// multipartFrame is the form around the file's bytes: the fields and the
// file part's header before, the closing boundary after. The file itself
// is streamed from disk when the request is sent, so the body's exact
// length is known ahead, for Content-Length and progress.
func multipartFrame(fields [][2]string, name, filename string) (prefix, suffix []byte, contentType string, err error) {
	var head bytes.Buffer
	w := multipart.NewWriter(&head)
	for _, f := range fields {
		if err := w.WriteField(f[0], f[1]); err != nil {
			return nil, nil, "", err
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, quoteEscaper.Replace(name), quoteEscaper.Replace(filename)))
	ct := mime.TypeByExtension(path.Ext(filename))
	if ct == "" {
		ct = "application/octet-stream"
	}
	h.Set("Content-Type", ct)
	if _, err := w.CreatePart(h); err != nil {
		return nil, nil, "", err
	}
	prefix = bytes.Clone(head.Bytes())
	head.Reset()
	if err := w.Close(); err != nil {
		return nil, nil, "", err
	}
	return prefix, head.Bytes(), w.FormDataContentType(), nil
}

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// lazyFile opens its file on the first read, in the goroutine that sends
// the request: nothing is open while the upload waits its turn.
type lazyFile struct {
	path   string
	mu     sync.Mutex // the transport may close the body from another goroutine
	f      *os.File
	closed bool
}

func (l *lazyFile) Read(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return 0, os.ErrClosed
	}
	if l.f == nil {
		f, err := os.Open(l.path)
		if errors.Is(err, fs.ErrNotExist) {
			return 0, fmt.Errorf("file not found: %s", l.path)
		}
		if err != nil {
			return 0, err
		}
		l.f = f
	}
	return l.f.Read(p)
}

func (l *lazyFile) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed || l.f == nil {
		l.closed = true
		return nil
	}
	l.closed = true
	return l.f.Close()
}

// uploadBody is an upload's body: it reports progress as the transport
// reads it (r tees into a progress) and closes the file when the
// transport is done with it.
type uploadBody struct {
	r    io.Reader
	file *lazyFile
}

func (b *uploadBody) Read(p []byte) (int, error) { return b.r.Read(p) }

func (b *uploadBody) Close() error { return b.file.Close() }
