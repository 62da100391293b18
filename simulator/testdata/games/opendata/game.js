var api = typeof wx !== "undefined" ? wx : tt; // runs as a WeChat or a TikTok game
// Main domain: sizes the shared canvas, sends the leaderboard data, and
// shows the shared canvas on screen.
var screen = api.createCanvas();
var ctx = screen.getContext('2d');
var odc = api.getOpenDataContext();
var shared = odc.canvas;
console.log('main sees', typeof api.getSharedCanvas, typeof api.onMessage, 'shared', shared.width + 'x' + shared.height);
shared.width = 200;
shared.height = 100;

function attempt(label, fn) {
  try { fn(); console.log('ALLOWED', label); } catch (e) { console.log('refused', label + ':', e.message); }
}
attempt('post function', function () { odc.postMessage({ f: function () {} }); });
var cyc = { a: 1 }; cyc.self = cyc;
attempt('post cycle', function () { odc.postMessage(cyc); });
attempt('post canvas', function () { odc.postMessage({ c: screen }); });

odc.postMessage({ cmd: 'rank', list: [{ name: 'Ann', score: 30 }, { name: '小明', score: 20 }], skip: undefined });
odc.postMessage({ cmd: 'second' });
console.log('posted');

var frames = 0;
requestAnimationFrame(function draw() {
  ctx.fillStyle = '#000'; ctx.fillRect(0, 0, screen.width, screen.height);
  ctx.drawImage(shared, 50, 100);
  if (++frames === 4) {
    attempt('getSharedCanvas in main', function () { api.getSharedCanvas(); });
    api.exitMiniProgram();
  }
  requestAnimationFrame(draw);
});
