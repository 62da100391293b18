var api = typeof tt !== 'undefined' ? tt : wx; // the same suite runs for WeChat and TikTok
// The open data domain holds a secret and draws it; main-domain code must
// never get it back.
var SECRET = 'friend-score-4242';
GameGlobal.secret = SECRET;
Object.prototype.leaked = SECRET;
Array.prototype.leakedToo = SECRET;
var shared = api.getSharedCanvas();
var ctx = shared.getContext('2d');
ctx.fillStyle = '#123456';
ctx.fillRect(0, 0, shared.width, shared.height);
try { GameGlobal.tempPath = shared.toTempFilePathSync(); } catch (e) {}
api.onMessage(function (m) {
  // Tries to write back into the message or reach the main domain.
  if (m && typeof m === 'object') m.reply = SECRET;
  if (typeof api.postMessage === 'function') api.postMessage(SECRET);
});
