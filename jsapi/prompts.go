package jsapi

// The host answers its prompts whenever it likes: at once, inside the API
// call, under --headless, or later from its window. ask, choose and
// openSettings post the answer so it always runs as a turn of its own.

// ask puts p to the player through the host; answer runs on the loop.
func (a *API) ask(p Prompt, answer func(allow bool)) {
	a.host.Ask(p, func(allow bool) { a.loop.Post(func() { answer(allow) }) })
}

// choose shows an action sheet through the host; answer runs on the loop
// with the index picked, -1 for cancel.
func (a *API) choose(title string, items []string, answer func(index int)) {
	a.host.Choose(title, items, func(index int) { a.loop.Post(func() { answer(index) }) })
}

// openSettings shows the settings panel through the host; done runs on the
// loop with the scopes the player changed.
func (a *API) openSettings(decided map[string]bool, done func(changed map[string]bool)) {
	a.host.OpenSettings(decided, func(changed map[string]bool) { a.loop.Post(func() { done(changed) }) })
}
