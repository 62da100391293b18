package jsapi

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/minisim/minisim/audio"

	"github.com/minisim/minisim/gamefs"
)

// The errCodes of InnerAudioContext.onError (WeChat documents them;
// TikTok documents none, so it gets the same).
const (
	audioSystemError  = 10001
	audioNetworkError = 10002
	audioFileError    = 10003
	audioFormatError  = 10004
)

// audioError is a failure to load a src, with the errCode onError gives.
type audioError struct {
	code int
	msg  string
}

func (e *audioError) Error() string { return e.msg }

// audioSource is where a src's bytes are: a file on disk or a URL.
type audioSource struct {
	file string // real path
	url  string
	rel  string // the game-folder path, for hot reload
}

// resolveAudioSrc is the one place that maps an InnerAudioContext src to
// its bytes: a path in the game folder (relative or from "/", never out
// of it), a temp file path the simulator handed out, or an http(s) URL.
// Other schemes (user data files, cloud file IDs) plug in here.
func (a *API) resolveAudioSrc(src string) (audioSource, error) {
	switch {
	case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
		return audioSource{url: src}, nil
	case a.temp.owns(src):
		f, ok := a.temp.file(src)
		if !ok {
			return audioSource{}, &audioError{audioFileError, fmt.Sprintf("file not exist: %s (no temp file of this run has that path)", src)}
		}
		return audioSource{file: f}, nil
	case strings.HasPrefix(src, "cloud://"):
		return audioSource{}, &audioError{audioFileError, fmt.Sprintf("%s: cloud file IDs are not supported by minisim; put the sound in the game folder or use an http(s) URL", src)}
	case strings.Contains(src, "://"):
		if a.isUserFilePath(src) {
			real, err := a.readablePath(src)
			if err != nil {
				return audioSource{}, &audioError{audioFileError, fmt.Sprintf("%s: %v", src, err)}
			}
			return audioSource{file: real}, nil
		}
		return audioSource{}, &audioError{audioFileError, fmt.Sprintf("%s: unsupported path; use a path in the game folder, a temp file path, a user data path or an http(s) URL", src)}
	}
	rel, err := gamefs.Clean(src)
	if err != nil || rel == "." {
		return audioSource{}, &audioError{audioFileError, fmt.Sprintf("file not exist: %s (the path leaves the game folder)", src)}
	}
	return audioSource{file: filepath.Join(a.loop.Root(), filepath.FromSlash(rel)), rel: rel}, nil
}

// audioFetchLimit bounds a sound file's size (a long BGM is a few MB).
const audioFetchLimit = 256 << 20

// cacheKey names the source's current content for the clip cache: a
// file by its path, size and modification time (so an edited file is
// decoded again), a URL by itself. It runs off the loop (it stats).
func (s audioSource) cacheKey() (string, error) {
	if s.url != "" {
		return "url:" + s.url, nil
	}
	st, err := os.Stat(s.file)
	if err != nil {
		return "", fileError(s, err)
	}
	if st.IsDir() {
		return "", &audioError{audioFileError, fmt.Sprintf("file not exist: %s is a folder", s.name())}
	}
	return fmt.Sprintf("file:%s:%d:%d", s.file, st.Size(), st.ModTime().UnixNano()), nil
}

// read returns the source's bytes, fetching a URL with fetch. It runs off
// the loop.
func (s audioSource) read(fetch fetchFunc) ([]byte, error) {
	if s.url != "" {
		data, err := fetch(s.url)
		if err != nil {
			return nil, &audioError{audioNetworkError, "download failed: " + err.Error()}
		}
		return data, nil
	}
	data, err := os.ReadFile(s.file)
	if err != nil {
		return nil, fileError(s, err)
	}
	return data, nil
}

func (s audioSource) name() string {
	switch {
	case s.url != "":
		return s.url
	case s.rel != "":
		return s.rel
	}
	return s.file
}

func fileError(s audioSource, err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return &audioError{audioFileError, fmt.Sprintf("file not exist: %s", s.name())}
	}
	return &audioError{audioFileError, fmt.Sprintf("cannot read %s: %v", s.name(), err)}
}

// loadClip fetches and decodes a source through the cache; it runs off
// the loop. Decoding failures are format errors (10004).
func loadClip(cache *audio.Cache, s audioSource, fetch fetchFunc) (*audio.Clip, error) {
	key, err := s.cacheKey()
	if err != nil {
		return nil, err
	}
	return cache.Get(key, func() (*audio.Clip, error) {
		data, err := s.read(fetch)
		if err != nil {
			return nil, err
		}
		clip, err := audio.Decode(data)
		if err != nil {
			return nil, &audioError{audioFormatError, fmt.Sprintf("%s: %v", s.name(), strings.TrimPrefix(err.Error(), "audio: "))}
		}
		return clip, nil
	})
}
