package simulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/minisim/minisim/gamefs"
	"github.com/minisim/minisim/internal/jsonpos"
	"github.com/minisim/minisim/jsapi"
)

// Platforms the simulator can play host to.
const (
	PlatformWeChat = "wechat"
	PlatformTikTok = "tiktok"
)

// Project is a mini game folder as its config files describe it.
type Project struct {
	// Dir is the folder given on the command line; Root is where game.js
	// lives (Dir, or Dir/miniprogramRoot).
	Dir, Root string
	Platform  string
	Landscape bool
	// OpenDataContext is the open data domain's folder relative to Root
	// ("" when the game has none).
	OpenDataContext string
	// GameJSON is game.json as parsed (nil without one).
	GameJSON map[string]any
	// AppID names the game in the store (project.config.json's id, or the
	// folder's name).
	AppID string
	// CloudFunctionRoot is project.config.json's "cloudfunctionRoot" as a
	// path under Dir; "" when the project has no cloud functions.
	CloudFunctionRoot string
	// Subpackages are game.json's "subpackages" (or "subPackages").
	Subpackages []jsapi.Subpackage
	// Plugins are game.json's "plugins", sorted by alias.
	Plugins []jsapi.Plugin
	// Workers is game.json's "workers" folder relative to Root ("" for none).
	Workers string
}

// ProjectError is a project folder that cannot run; the command exits 2.
type ProjectError struct{ Msg string }

func (e *ProjectError) Error() string { return e.Msg }

func projectErrorf(format string, args ...any) error {
	return &ProjectError{Msg: fmt.Sprintf(format, args...)}
}

// LoadProject reads a game folder's config. platform may force "wechat" or
// "tiktok"; "" detects it: a project.config.json with TikTok's "app_id"
// makes a TikTok project, game.json a WeChat one.
func LoadProject(dir, platform string) (*Project, error) {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, projectErrorf("%s: no such folder", dir)
		}
		return nil, projectErrorf("%s: %v", dir, err)
	}
	if !st.IsDir() {
		return nil, projectErrorf("%s: not a folder (give the mini game's folder, the one with game.json)", dir)
	}
	p := &Project{Dir: dir, Root: dir}

	projectConfig, err := readJSONObject(filepath.Join(dir, "project.config.json"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if sub, ok := projectConfig["miniprogramRoot"].(string); ok && strings.Trim(sub, "./") != "" {
		p.Root = filepath.Join(dir, filepath.FromSlash(sub))
	}
	gameJSON, err := readJSONObject(filepath.Join(p.Root, "game.json"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	p.GameJSON = gameJSON
	p.AppID = appID(projectConfig, dir)
	if cf, ok := projectConfig["cloudfunctionRoot"].(string); ok && strings.Trim(cf, "./") != "" {
		p.CloudFunctionRoot = filepath.Join(dir, filepath.FromSlash(cf))
	}

	switch platform {
	case PlatformWeChat, PlatformTikTok:
		p.Platform = platform
	case "":
		_, tiktok := projectConfig["app_id"]
		switch {
		case tiktok:
			p.Platform = PlatformTikTok
		case gameJSON != nil:
			p.Platform = PlatformWeChat
		default:
			return nil, projectErrorf("%s: not a mini game folder: no game.json (WeChat) or project.config.json with \"app_id\" (TikTok)", dir)
		}
	default:
		return nil, projectErrorf("--platform %q: must be wechat or tiktok", platform)
	}

	if o, ok := gameJSON["deviceOrientation"]; ok {
		s, _ := o.(string)
		switch s {
		case "portrait":
		case "landscape", "landscapeLeft", "landscapeRight":
			p.Landscape = true
		default:
			return nil, projectErrorf("%s: \"deviceOrientation\" must be \"portrait\" or \"landscape\", not %v",
				filepath.Join(p.Root, "game.json"), jsonText(o))
		}
	}

	odc, err := openDataContext(p, gameJSON, projectConfig)
	if err != nil {
		return nil, err
	}
	p.OpenDataContext = odc
	if p.Subpackages, err = subpackages(gameJSON); err != nil {
		return nil, err
	}
	if p.Workers, err = workersFolder(gameJSON); err != nil {
		return nil, err
	}
	if p.Plugins, err = plugins(p.Root, gameJSON); err != nil {
		return nil, err
	}

	entry := filepath.Join(p.Root, "game.js")
	if st, err := os.Stat(entry); err != nil || !st.Mode().IsRegular() {
		return nil, projectErrorf("%s: missing: the main domain's entry file game.js is not there", entry)
	}
	return p, nil
}

// openDataContext reads "openDataContext" from game.json (WeChat) or
// project.config.json (TikTok), accepting a trailing slash.
func openDataContext(p *Project, gameJSON, projectConfig map[string]any) (string, error) {
	src, file := gameJSON, "game.json"
	if _, ok := src["openDataContext"]; !ok {
		src, file = projectConfig, "project.config.json"
	}
	v, ok := src["openDataContext"]
	if !ok {
		return "", nil
	}
	s, _ := v.(string)
	s, ok = pathInGame(s)
	if !ok {
		return "", projectErrorf("%s: \"openDataContext\" must name a folder inside the game, not %v", file, jsonText(v))
	}
	st, err := os.Stat(filepath.Join(p.Root, filepath.FromSlash(s)))
	if err != nil || !st.IsDir() {
		return "", projectErrorf("%s: \"openDataContext\" names %s/, which is not a folder", file, s)
	}
	return s, nil
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// readJSONObject reads a config file that must hold one JSON object; a
// syntax error is reported with its line and column.
func readJSONObject(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, jsonError(path, data, err, "malformed JSON")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, projectErrorf("%s: must hold a JSON object, not %s", path, jsonText(v))
	}
	return obj, nil
}

// jsonError reports a JSON file that does not parse, with the line and
// column of a syntax error.
func jsonError(path string, data []byte, err error, what string) error {
	if line, col, ok := jsonpos.Of(data, err); ok {
		return projectErrorf("%s:%d:%d: malformed JSON: %v", path, line, col, err)
	}
	return projectErrorf("%s: %s: %v", path, what, err)
}

// pathInGame cleans a config's path to a folder (or file) of the game, as
// a slash path relative to its root: false for one that climbs out of the
// game (gamefs.Clean's rules) or names the game itself.
func pathInGame(p string) (string, bool) {
	clean, err := gamefs.Clean(p)
	if err != nil || clean == "." {
		return "", false
	}
	return clean, true
}

// subpackages reads game.json's "subpackages": [{name, root}], root being a
// folder or a .js file inside the game.
func subpackages(gameJSON map[string]any) ([]jsapi.Subpackage, error) {
	v, ok := gameJSON["subpackages"]
	if !ok {
		v, ok = gameJSON["subPackages"]
	}
	if !ok {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, projectErrorf("game.json: \"subpackages\" must be an array of {name, root}, not %v", jsonText(v))
	}
	var out []jsapi.Subpackage
	for i, item := range list {
		o, _ := item.(map[string]any)
		root, _ := o["root"].(string)
		root, ok := pathInGame(root)
		if !ok {
			return nil, projectErrorf("game.json: subpackages[%d] needs a \"root\" inside the game (a folder or a .js file), not %v", i, jsonText(item))
		}
		name, _ := o["name"].(string)
		if name == "" {
			name = root
		}
		out = append(out, jsapi.Subpackage{Name: name, Root: root})
	}
	return out, nil
}

// workersFolder reads game.json's "workers": a folder name, or {path}.
func workersFolder(gameJSON map[string]any) (string, error) {
	v, ok := gameJSON["workers"]
	if !ok {
		return "", nil
	}
	dir, _ := v.(string)
	if o, isObj := v.(map[string]any); isObj {
		dir, _ = o["path"].(string)
	}
	dir, ok = pathInGame(dir)
	if !ok {
		return "", projectErrorf("game.json: \"workers\" must name a folder inside the game, not %v", jsonText(v))
	}
	return dir, nil
}
