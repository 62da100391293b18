// Launch query parsing (CommonJS). Loaded from js/main.js with a bare,
// root-relative path: require('js/options.js').
const { warn } = require('./log');

function flag(v) {
  return v === '1' || v === 'true' || v === 'yes' || v === 1 || v === true;
}

// parseOptions turns wx.getLaunchOptionsSync().query into game options:
//   seed=N      deterministic star pattern (default: seeded from the clock)
//   autoplay=1  the basket plays by itself (and starts the first game)
//   exit=1      call wx.exitMiniProgram() shortly after "game over"
function parseOptions(query) {
  const q = query || {};
  const opts = { seed: 0, seeded: false, autoplay: flag(q.autoplay), exit: flag(q.exit) };
  if (q.seed !== undefined && q.seed !== '') {
    const s = String(q.seed);
    if (/^-?\d+$/.test(s)) {
      opts.seed = Number(s) >>> 0;
      opts.seeded = true;
    } else {
      warn('ignoring invalid seed "' + s + '"');
    }
  }
  if (!opts.seeded) {
    opts.seed = Date.now() % 4294967296 >>> 0;
  }
  return opts;
}

module.exports = { parseOptions };
