package jsapi

import (
	"github.com/dop251/goja"
	"github.com/minisim/minisim/gamefs"
)

// fsMethods is the FileSystemManager's methods, each documented alike on
// WeChat and TikTok (saveFile, the saved file list and unzip are in
// fs_saved.go). The descriptor-based methods (open, read, write, fstat…),
// readZipEntry and readCompressedFile are not provided: absent, so games
// feature-testing for them take their other path.
func (a *API) fsMethods() []fsMethod {
	return []fsMethod{
		{name: "access", params: []string{"path"}, parse: a.fsAccess},
		{name: "readFile", params: []string{"filePath", "encoding", "position", "length"}, parse: a.fsReadFile},
		{name: "writeFile", params: []string{"filePath", "data", "encoding"}, parse: a.fsWriter("writeFile", false)},
		{name: "appendFile", params: []string{"filePath", "data", "encoding"}, parse: a.fsWriter("appendFile", true)},
		{name: "copyFile", params: []string{"srcPath", "destPath"}, parse: a.fsCopyFile},
		{name: "rename", params: []string{"oldPath", "newPath"}, parse: a.fsRename},
		{name: "unlink", params: []string{"filePath"}, parse: a.fsUnlink},
		{name: "truncate", syncObject: true, parse: a.fsTruncate},
		{name: "mkdir", params: []string{"dirPath", "recursive"}, parse: a.fsMkdir},
		{name: "readdir", params: []string{"dirPath"}, parse: a.fsReaddir},
		{name: "rmdir", params: []string{"dirPath", "recursive"}, parse: a.fsRmdir},
		{name: "stat", params: []string{"path", "recursive"}, parse: a.fsStat},
		{name: "getFileInfo", parse: a.fsGetFileInfo},
		{name: "saveFile", params: []string{"tempFilePath", "filePath"}, parse: a.fsSaveFile},
		{name: "getSavedFileList", parse: a.fsSavedFileList},
		{name: "removeSavedFile", parse: a.fsRemoveSavedFile},
		{name: "unzip", parse: a.fsUnzip},
	}
}

// pathArg reads path argument k and resolves it for method.
func (a *API) pathArg(x fsArgs, method, k string, want access) (location, error) {
	p, err := x.str(k)
	if err != nil {
		return location{}, err
	}
	return a.locateFor(method, p, want)
}

// onPaths runs an operation whose failures name its paths (two for
// "rename a -> b", as the platforms word them).
func onPaths(run func() error, paths ...string) func() (any, error) {
	return func() (any, error) {
		if err := run(); err != nil {
			return nil, failOn(err, paths...)
		}
		return nil, nil
	}
}

func (a *API) fsAccess(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "access", "path", toRead)
	if err != nil {
		return fsOp{}, err
	}
	return fsOp{run: onPaths(func() error { _, err := loc.dir.Stat(loc.name); return err }, loc.path)}, nil
}

func (a *API) fsReadFile(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "readFile", "filePath", toRead)
	if err != nil {
		return fsOp{}, err
	}
	enc, err := x.encoding("")
	if err != nil {
		return fsOp{}, err
	}
	position, err := x.count("position")
	if err != nil {
		return fsOp{}, err
	}
	length, err := x.count("length")
	if err != nil {
		return fsOp{}, err
	}
	run := func() (any, error) {
		b, err := loc.dir.ReadFile(loc.name, position, length)
		if err != nil {
			return nil, failOn(err, loc.path)
		}
		if enc == "" {
			return b, nil // no encoding: an ArrayBuffer
		}
		return gamefs.Decode(b, enc)
	}
	ret := func(v any) goja.Value {
		if b, ok := v.([]byte); ok {
			return a.vm.ToValue(a.vm.NewArrayBuffer(b))
		}
		return a.vm.ToValue(v)
	}
	return fsOp{run: run, ret: ret, field: "data"}, nil
}

// fsWriter is writeFile, or appendFile when appending; the encoding of
// string data defaults to utf8.
func (a *API) fsWriter(method string, appending bool) func(fsArgs) (fsOp, error) {
	return func(x fsArgs) (fsOp, error) {
		loc, err := a.pathArg(x, method, "filePath", toWrite)
		if err != nil {
			return fsOp{}, err
		}
		enc, err := x.encoding("utf8")
		if err != nil {
			return fsOp{}, err
		}
		data, err := x.data(enc)
		if err != nil {
			return fsOp{}, err
		}
		return fsOp{run: onPaths(func() error { return loc.dir.WriteFile(loc.name, data, appending) }, loc.path)}, nil
	}
}

func (a *API) fsCopyFile(x fsArgs) (fsOp, error) {
	src, dst, err := a.twoPathArgs(x, "copyFile", "srcPath", "destPath", toRead)
	if err != nil {
		return fsOp{}, err
	}
	return fsOp{run: onPaths(func() error {
		return gamefs.Copy(src.dir, src.name, dst.dir, dst.name)
	}, src.path, dst.path)}, nil
}

func (a *API) fsRename(x fsArgs) (fsOp, error) {
	from, to, err := a.twoPathArgs(x, "rename", "oldPath", "newPath", toWrite)
	if err != nil {
		return fsOp{}, err
	}
	return fsOp{run: onPaths(func() error { return from.dir.Rename(from.name, to.name) }, from.path, to.path)}, nil
}

// twoPathArgs reads a source (to read, or to move when want is toWrite)
// and a destination to write; a refusal names both paths.
func (a *API) twoPathArgs(x fsArgs, method, fromKey, toKey string, want access) (from, to location, err error) {
	fromPath, err := x.str(fromKey)
	if err != nil {
		return from, to, err
	}
	toPath, err := x.str(toKey)
	if err != nil {
		return from, to, err
	}
	if from, err = a.locateFor(method, fromPath, want); err == nil {
		to, err = a.locateFor(method, toPath, toWrite)
	}
	if err != nil {
		if f := failOn(err); f.text == "" {
			f.paths = []string{fromPath, toPath}
		}
	}
	return from, to, err
}

func (a *API) fsUnlink(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "unlink", "filePath", toWrite)
	if err != nil {
		return fsOp{}, err
	}
	return fsOp{run: onPaths(func() error { return loc.dir.Unlink(loc.name) }, loc.path)}, nil
}

func (a *API) fsTruncate(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "truncate", "filePath", toWrite)
	if err != nil {
		return fsOp{}, err
	}
	length, err := x.count("length")
	if err != nil {
		return fsOp{}, err
	}
	length = max(length, 0) // absent: 0, as documented
	return fsOp{run: onPaths(func() error { return loc.dir.Truncate(loc.name, length) }, loc.path)}, nil
}

func (a *API) fsMkdir(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "mkdir", "dirPath", toWrite)
	if err != nil {
		return fsOp{}, err
	}
	recursive := x.flag("recursive")
	return fsOp{run: onPaths(func() error { return loc.dir.Mkdir(loc.name, recursive) }, loc.path)}, nil
}

func (a *API) fsRmdir(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "rmdir", "dirPath", toWrite)
	if err != nil {
		return fsOp{}, err
	}
	recursive := x.flag("recursive")
	return fsOp{run: onPaths(func() error { return loc.dir.Rmdir(loc.name, recursive) }, loc.path)}, nil
}

func (a *API) fsReaddir(x fsArgs) (fsOp, error) {
	loc, err := a.pathArg(x, "readdir", "dirPath", toRead)
	if err != nil {
		return fsOp{}, err
	}
	run := func() (any, error) {
		names, err := loc.dir.ReadDir(loc.name)
		if err != nil {
			return nil, failOn(err, loc.path)
		}
		return names, nil
	}
	ret := func(v any) goja.Value { return a.stringArray(v.([]string)) }
	return fsOp{run: run, ret: ret, field: "files"}, nil
}

func (a *API) stringArray(ss []string) *goja.Object {
	items := make([]any, len(ss))
	for i, s := range ss {
		items[i] = s
	}
	return a.vm.NewArray(items...)
}
