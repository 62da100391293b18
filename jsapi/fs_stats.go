package jsapi

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"hash"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gamefs"
)

// fsStat is stat: a Stats, or with recursive on a directory, one entry
// per file and directory below it ({path, stats} on WeChat, {path, stat}
// on TikTok), the directory itself first as "/".
func (a *API) fsStat(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "stat", "path", toRead)
	if err != nil {
		return fsOp{}, err
	}
	recursive := x.flag("recursive")
	run := func() (any, error) {
		var v any
		var err error
		if recursive {
			v, err = loc.dir.Walk(loc.name)
		} else {
			v, err = loc.dir.Stat(loc.name)
		}
		if err != nil {
			return nil, failOn(err, loc.path)
		}
		return v, nil
	}
	ret := func(v any) goja.Value {
		entries, ok := v.([]gamefs.Entry)
		if !ok {
			return a.statsObject(v.(gamefs.Info))
		}
		if len(entries) == 1 && !entries[0].Info.Dir {
			return a.statsObject(entries[0].Info) // a file: its Stats, recursive or not
		}
		key := "stats"
		if a.platform == "tiktok" {
			key = "stat"
		}
		items := make([]any, len(entries))
		for i, e := range entries {
			items[i] = a.object("path", e.Path, key, a.statsObject(e.Info))
		}
		return a.vm.NewArray(items...)
	}
	return fsOp{run: run, ret: ret, field: "stats"}, nil
}

// statsObject is a Stats: mode (POSIX st_mode), size in bytes, the times
// in UNIX seconds, isFile() and isDirectory().
func (a *API) statsObject(i gamefs.Info) *goja.Object {
	o := a.object("mode", i.Mode(), "size", i.Size,
		"lastAccessedTime", i.Accessed.Unix(), "lastModifiedTime", i.Modified.Unix())
	dir := i.Dir
	must(o.Set("isDirectory", Native(a.vm, "Stats.isDirectory", func(goja.FunctionCall) goja.Value { return a.vm.ToValue(dir) })))
	must(o.Set("isFile", Native(a.vm, "Stats.isFile", func(goja.FunctionCall) goja.Value { return a.vm.ToValue(!dir) })))
	return o
}

// fileInfo is getFileInfo's answer.
type fileInfo struct {
	size   int64
	digest string
}

// fsGetFileInfo is getFileInfo: the size and a digest (md5 by default,
// sha1, and on WeChat sha256) of a file the game may read.
func (a *API) fsGetFileInfo(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "getFileInfo", "filePath", toRead)
	if err != nil {
		return fsOp{}, err
	}
	algo, err := x.optStr("digestAlgorithm")
	if err != nil {
		return fsOp{}, err
	}
	var newHash func() hash.Hash
	switch {
	case algo == "" || algo == "md5":
		newHash = md5.New
	case algo == "sha1":
		newHash = sha1.New
	case algo == "sha256" && a.platform == "wechat":
		newHash = sha256.New
	default:
		return fsOp{}, failText("parameter.digestAlgorithm should be md5 or sha1 instead of %q", algo)
	}
	run := func() (any, error) {
		h := newHash()
		size, err := loc.dir.Digest(loc.name, h)
		if err != nil {
			return nil, failOn(err, loc.path)
		}
		return fileInfo{size, hex.EncodeToString(h.Sum(nil))}, nil
	}
	return fsOp{run: run, result: func(v any) *goja.Object {
		fi := v.(fileInfo)
		return a.object("size", fi.size, "digest", fi.digest)
	}}, nil
}
