// Log helpers (CommonJS, exports.* style).
//
// event() prints the machine-readable lines the end-to-end tests look for,
// e.g. "starcatch: catch score=3". Everything else uses a "[starcatch]"
// prefix so it can never be mistaken for an event.
exports.event = function event(msg) {
  console.log('starcatch: ' + msg);
};

exports.info = function info(msg) {
  console.info('[starcatch] ' + msg);
};

exports.warn = function warn(msg) {
  console.warn('[starcatch] ' + msg);
};

exports.error = function error(msg) {
  console.error('[starcatch] ' + msg);
};
