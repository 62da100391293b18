// Star Catch – entry point (CommonJS).
//
// The game itself lives in js/. Modules deliberately mix CommonJS
// (require/module.exports) and ES modules (import/export), like real
// mini games do.
const { start } = require('./js/main');

start().catch((err) => {
  console.error('[starcatch] failed to start: ' + (err && err.stack ? err.stack : err));
});
