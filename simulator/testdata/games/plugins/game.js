// Requires plugins shipped in the project, and two that cannot load.
var layout = requirePlugin('layout');
console.log('main:', layout.name, 'runs', layout.runs, 'same', requirePlugin('layout') === layout);
console.log('engine', requirePlugin('engine').version);
['online', 'missing'].forEach(function (alias) {
  try { requirePlugin(alias); } catch (e) { console.log(alias + ':', e.message); }
});
