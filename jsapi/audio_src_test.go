package jsapi

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/minisim/minisim/domains"
)

// clockAt is a fixed domain clock.
type clockAt struct{}

func (clockAt) Now() time.Duration { return 0 }
func (clockAt) Wall() time.Time    { return time.Unix(0, 0) }

func TestResolveAudioSrc(t *testing.T) {
	root := t.TempDir()
	d, err := domains.New(domains.Options{Root: root, Clock: clockAt{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	a := &API{loop: d, temp: newTempFiles("wechat"), files: newFileSystem(root)}
	t.Cleanup(a.temp.Cleanup)
	t.Cleanup(a.files.close)
	tmp, real, err := a.temp.create(".wav")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("RIFF"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		src            string
		file, url, rel string
		code           int
	}{
		{src: "audio/a.mp3", file: filepath.Join(root, "audio", "a.mp3"), rel: "audio/a.mp3"},
		{src: "/audio/a.mp3", file: filepath.Join(root, "audio", "a.mp3"), rel: "audio/a.mp3"},
		{src: "audio/../b.ogg", file: filepath.Join(root, "b.ogg"), rel: "b.ogg"},
		{src: "https://cdn.example.com/a.mp3", url: "https://cdn.example.com/a.mp3"},
		{src: tmp, file: real},
		{src: "../secret.wav", code: audioFileError},
		{src: "/../../etc/passwd", code: audioFileError},
		{src: "a/../../x.wav", code: audioFileError},
		{src: "wxfile://tmp_999.wav", code: audioFileError},
		{src: "cloud://env-1/a.mp3", code: audioFileError},
		{src: "ftp://host/a.mp3", code: audioFileError},
	} {
		got, err := a.resolveAudioSrc(c.src)
		if c.code != 0 {
			if ae, ok := err.(*audioError); !ok || ae.code != c.code {
				t.Errorf("%q: err %v, want errCode %d", c.src, err, c.code)
			}
			continue
		}
		if err != nil || got.file != c.file || got.url != c.url || got.rel != c.rel {
			t.Errorf("%q: %+v, %v; want file %q url %q rel %q", c.src, got, err, c.file, c.url, c.rel)
		}
	}
}
