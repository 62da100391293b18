// The open data domain reaches the layout plugin, declared for it, but not
// the engine, declared for the game only.
var layout = requirePlugin('layout');
console.log('open:', layout.name, 'runs', layout.runs);
try { requirePlugin('engine'); } catch (e) { console.log('open engine:', e.message); }
