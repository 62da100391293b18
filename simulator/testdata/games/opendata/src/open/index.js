var api = typeof wx !== "undefined" ? wx : tt; // runs as a WeChat or a TikTok game
// Open data domain: draws what the main domain sends onto the shared canvas.
var util = require('./util');
var shared = api.getSharedCanvas();
var ctx = shared.getContext('2d');
console.log('open sees', typeof api.getOpenDataContext, typeof api.onMessage, util.name);
shared.width = 5; // refused: only the main domain sizes it
console.log('webgl', shared.getContext('webgl'));
try { require('../../game.js'); } catch (e) { console.log('confined:', e.message); }
try { requirePlugin('leaderboard'); } catch (e) { console.log('plugin:', e.message); }
api.onMessage(function (data) {
  console.log('got', JSON.stringify(data), 'size', shared.width + 'x' + shared.height);
  if (data.cmd !== 'rank') return;
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(0, 0, shared.width, shared.height);
});
