package jsapi

import (
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/dop251/goja"
	"github.com/minisim/minisim/gamefs"
)

// fsSaveFile is saveFile: it moves a temp file to filePath in the user
// data, or without one to a new saved file (WeChat: wxfile://store_…;
// TikTok keeps saved files in its user folder). The temp path is gone
// afterwards, as documented.
func (a *API) fsSaveFile(x fsArgs) (fsOp, error) {
	tempPath, err := x.str("tempFilePath")
	if err != nil {
		return fsOp{}, err
	}
	filePath, err := x.optStr("filePath")
	if err != nil {
		return fsOp{}, err
	}
	noTemp := failText("tempFilePath file not exist")
	if a.platform == "tiktok" {
		noTemp = failText("params tempFilePath is invalid")
	}
	if !a.temp.owns(tempPath) {
		return fsOp{}, noTemp
	}
	src, err := a.locate(tempPath)
	if err != nil {
		if a.platform == "tiktok" {
			return fsOp{}, failOn(err, tempPath)
		}
		return fsOp{}, noTemp
	}
	var dst location
	if filePath == "" {
		dst, err = a.newSavedFile(path.Ext(tempPath))
	} else {
		dst, err = a.locateFor("saveFile", filePath, toWrite)
	}
	if err != nil {
		return fsOp{}, err
	}
	temp := a.temp
	run := func() (any, error) {
		if _, err := src.dir.Stat(src.name); err != nil {
			if a.platform == "tiktok" {
				return nil, failOn(err, tempPath)
			}
			return nil, noTemp
		}
		if err := gamefs.Move(src.dir, src.name, dst.dir, dst.name); err != nil {
			if gamefs.KindOf(err) == gamefs.KindNotExist && a.platform == "wechat" {
				return nil, failOn(err, parentPath(dst.path)) // "no such file or directory ${dirPath}"
			}
			return nil, failOn(err, dst.path)
		}
		temp.release(tempPath)
		return dst.path, nil
	}
	return fsOp{run: run, ret: func(v any) goja.Value { return a.vm.ToValue(v) }, field: "savedFilePath"}, nil
}

// parentPath is a platform path's directory.
func parentPath(p string) string {
	if i := strings.LastIndex(p, "/"); i > 0 && !strings.HasSuffix(p[:i], ":/") {
		return p[:i]
	}
	return p
}

// newSavedFile picks a free name for a saved file with extension ext.
func (a *API) newSavedFile(ext string) (location, error) {
	if err := a.userDirs(); err != nil {
		return location{}, failOn(err, a.userDataPath())
	}
	prefix, dir := a.savedFolder()
	if err := os.MkdirAll(dir.Path(), 0o755); err != nil {
		return location{}, failOn(&gamefs.Error{Kind: gamefs.KindIO, Err: err}, prefix)
	}
	for {
		a.files.nextSaveName++
		name := fmt.Sprintf("saved-%d%s", a.files.nextSaveName, ext)
		if !dir.Exists(name) {
			return a.locate(prefix + name)
		}
	}
}

// savedFolder is where saved files go and the prefix that, followed by a
// name there, is a saved file's path: WeChat's store, or on TikTok the user
// folder (its saved files are user files).
func (a *API) savedFolder() (prefix string, dir *gamefs.Dir) {
	if a.platform == "tiktok" {
		return ttUserDataPath + "/", a.files.user
	}
	return wxSavedPrefix, a.files.saved
}

// savedFile is one entry of getSavedFileList.
type savedFile struct {
	path    string
	size    int64
	created int64
}

// fsSavedFileList is getSavedFileList: WeChat's saved files, or on TikTok
// every file in the user folder (its docs: the user directory's files).
func (a *API) fsSavedFileList(fsArgs) (fsOp, error) {
	if err := a.userDirs(); err != nil {
		return fsOp{}, failOn(err, a.userDataPath())
	}
	prefix, dir := a.savedFolder()
	run := func() (any, error) {
		if _, err := os.Stat(dir.Path()); os.IsNotExist(err) {
			return []savedFile(nil), nil // nothing saved yet
		}
		entries, err := dir.Walk(".")
		if err != nil {
			return nil, failOn(err, strings.TrimSuffix(prefix, "/")) // the folder itself
		}
		var out []savedFile
		for _, e := range entries {
			if e.Info.Dir {
				continue
			}
			p := prefix + strings.TrimPrefix(e.Path, "/")
			out = append(out, savedFile{p, e.Info.Size, e.Info.Modified.Unix()})
		}
		return out, nil
	}
	return fsOp{run: run, result: func(v any) *goja.Object {
		files := v.([]savedFile)
		items := make([]any, len(files))
		for i, f := range files {
			items[i] = a.object("filePath", f.path, "size", f.size, "createTime", f.created)
		}
		return a.object("fileList", a.vm.NewArray(items...))
	}}, nil
}

// fsRemoveSavedFile is removeSavedFile: a saved file, or a file in the
// user data (where TikTok keeps its saved files).
func (a *API) fsRemoveSavedFile(x fsArgs) (fsOp, error) {
	p, err := x.str("filePath")
	if err != nil {
		return fsOp{}, err
	}
	loc, err := a.locate(p)
	if err != nil {
		return fsOp{}, failOn(err, p)
	}
	if loc.place != inUser && loc.place != inSaved {
		return fsOp{}, &fsFail{kind: gamefs.KindPermission, paths: []string{p}}
	}
	return fsOp{run: onPaths(func() error { return loc.dir.Unlink(loc.name) }, loc.path)}, nil
}

// fsUnzip is unzip: a zip file the game may read, into a directory of the
// user data.
func (a *API) fsUnzip(x fsArgs) (fsOp, error) {
	zip, target, err := a.twoPathArgs(x, "unzip", "zipFilePath", "targetPath", toRead)
	if err != nil {
		return fsOp{}, err
	}
	return fsOp{run: func() (any, error) {
		err := gamefs.Unzip(zip.dir, zip.name, target.dir, target.name)
		switch {
		case err == nil:
			return nil, nil
		case gamefs.KindOf(err) == gamefs.KindInvalid:
			return nil, failText("unzip fail, %s: %v", zip.path, err)
		}
		return nil, failOn(err, zip.path, target.path)
	}}, nil
}
