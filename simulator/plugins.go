package simulator

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/minisim/minisim/jsapi"
)

// plugins reads game.json's "plugins": {alias: {provider, version, path,
// contexts}}. A plugin with a path is a folder of the project whose
// plugin.json names its entry ("main"); one without is only published
// online (requirePlugin then says so).
func plugins(root string, gameJSON map[string]any) ([]jsapi.Plugin, error) {
	v, ok := gameJSON["plugins"]
	if !ok {
		return nil, nil
	}
	entries, ok := v.(map[string]any)
	if !ok {
		return nil, projectErrorf("game.json: \"plugins\" must be an object of {alias: {provider, version, path}}, not %v", jsonText(v))
	}
	var out []jsapi.Plugin
	for alias, e := range entries {
		p, err := plugin(root, alias, e)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Alias < out[j].Alias })
	return out, nil
}

func plugin(root, alias string, entry any) (jsapi.Plugin, error) {
	o, ok := entry.(map[string]any)
	if !ok {
		return jsapi.Plugin{}, projectErrorf("game.json: plugins.%s must be an object {provider, version, path}, not %v", alias, jsonText(entry))
	}
	p := jsapi.Plugin{Alias: alias}
	p.Provider, _ = o["provider"].(string)
	p.Version, _ = o["version"].(string)
	contexts, _ := o["contexts"].([]any)
	for _, c := range contexts {
		kind, _ := c.(map[string]any)["type"].(string)
		switch kind {
		case "gameContext", "openDataContext", "isolatedContext":
			p.Contexts = append(p.Contexts, kind)
		default:
			return p, projectErrorf("game.json: plugins.%s.contexts: %v is not {\"type\": \"gameContext\"}, \"openDataContext\" or \"isolatedContext\"", alias, jsonText(c))
		}
	}
	raw, hasPath := o["path"]
	if !hasPath {
		return p, nil
	}
	dir, _ := raw.(string)
	dir, ok = pathInGame(dir)
	if !ok {
		return p, projectErrorf("game.json: plugins.%s.path must name a folder inside the game, not %v", alias, jsonText(raw))
	}
	config := filepath.Join(root, filepath.FromSlash(dir), "plugin.json")
	pluginJSON, err := readJSONObject(config)
	if err != nil {
		return p, projectErrorf("game.json: plugins.%s.path: %v", alias, err)
	}
	main, _ := pluginJSON["main"].(string)
	main = strings.TrimPrefix(filepath.ToSlash(main), "./")
	if main == "" || !filepath.IsLocal(filepath.FromSlash(main)) {
		return p, projectErrorf("%s: \"main\" must name the plugin's entry file inside its folder, not %v", config, jsonText(pluginJSON["main"]))
	}
	p.Path, p.Main = dir, path.Join(dir, main)
	if st, err := os.Stat(filepath.Join(root, filepath.FromSlash(p.Main))); err != nil || !st.Mode().IsRegular() {
		return p, projectErrorf("%s: \"main\" names %s, which is not a file", config, p.Main)
	}
	return p, nil
}
