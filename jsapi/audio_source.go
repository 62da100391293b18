package jsapi

import (
	"errors"
	"fmt"
	"os"
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
	file string   // the file; its real path once loadClip checked its links
	loc  location // where the file was located
	url  string
	rel  string // the game-folder path, for hot reload
	src  string // the path as the game gave it, for messages
}

// resolveAudioSrc is the one place that maps an InnerAudioContext src to
// its bytes: an http(s) URL, or a file of the game as the file methods
// locate it (a path in the game folder, relative or from "/", never out of
// it; a temp file path the simulator handed out; a user data path).
func (a *API) resolveAudioSrc(src string) (audioSource, error) {
	switch {
	case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
		return audioSource{url: src}, nil
	case strings.HasPrefix(src, "cloud://"):
		return audioSource{}, &audioError{audioFileError, fmt.Sprintf("%s: cloud file IDs are not supported by minisim; put the sound in the game folder or use an http(s) URL", src)}
	case !a.isLocalPath(src):
		return audioSource{}, &audioError{audioFileError, fmt.Sprintf("%s: unsupported path; use a path in the game folder, a temp file path, a user data path or an http(s) URL", src)}
	}
	loc, err := a.locate(src)
	if err == nil && loc.place == inPackage && loc.name == "." {
		err = errors.New("the game folder itself") // not a sound: reported as leaving it, as before
	}
	if err != nil {
		return audioSource{}, a.audioLocateError(src, err)
	}
	s := audioSource{file: loc.file(), loc: loc, src: src}
	if loc.place == inPackage {
		s.rel = loc.name
	}
	return s, nil
}

// audioLocateError is why a local src could not be located, as onError
// reports it.
func (a *API) audioLocateError(src string, err error) error {
	switch {
	case a.temp.owns(src):
		return &audioError{audioFileError, fmt.Sprintf("file not exist: %s (no temp file of this run has that path)", src)}
	case a.isUserFilePath(src):
		return &audioError{audioFileError, fmt.Sprintf("%s: %v", src, err)}
	}
	return &audioError{audioFileError, fmt.Sprintf("file not exist: %s (the path leaves the game folder)", src)}
}

// located resolves a file source's links off the loop (they must stay in
// its folder, as for the file methods), so file is the real file.
func (s audioSource) located() (audioSource, error) {
	if s.url != "" {
		return s, nil
	}
	real, err := s.loc.realPath()
	if err != nil {
		return s, fileError(s, err)
	}
	s.file = real
	return s, nil
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
	case s.src != "":
		return s.src // never a path of this machine's
	}
	return s.file
}

func fileError(s audioSource, err error) error {
	if errors.Is(err, os.ErrNotExist) || gamefs.KindOf(err) == gamefs.KindNotExist {
		return &audioError{audioFileError, fmt.Sprintf("file not exist: %s", s.name())}
	}
	return &audioError{audioFileError, fmt.Sprintf("cannot read %s: %v", s.name(), err)}
}

// loadClip fetches and decodes a source through the cache; it runs off
// the loop. Decoding failures are format errors (10004).
func loadClip(cache *audio.Cache, s audioSource, fetch fetchFunc) (*audio.Clip, error) {
	s, err := s.located()
	if err != nil {
		return nil, err
	}
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
