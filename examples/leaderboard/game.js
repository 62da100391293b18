// leaderboard: a tapping game whose friends' ranking is drawn by the open
// data domain on the shared canvas, which this main domain shows on screen.
//
// Tap the coloured disc as often as you can in 10 seconds; then the
// ranking appears. Launch query: autoplay=1 plays by itself, seconds=N
// makes a round last N seconds (both for tests).
var sys = wx.getSystemInfoSync();
var W = sys.windowWidth, H = sys.windowHeight, DPR = sys.pixelRatio;
var screen = wx.createCanvas();
screen.width = W * DPR;
screen.height = H * DPR;
var ctx = screen.getContext('2d');
ctx.scale(DPR, DPR);

var query = wx.getLaunchOptionsSync().query || {};
var autoplay = query.autoplay === '1';

var odc = wx.getOpenDataContext();
var shared = odc.canvas;
// Only the main domain sizes the shared canvas (in device pixels, so the
// ranking stays sharp); resizing clears it, so the open domain is told to
// redraw afterwards.
var PANEL = { x: 30, y: 140, w: W - 60, h: 360 };
shared.width = PANEL.w * DPR;
shared.height = PANEL.h * DPR;

var ROUND_MS = (Number(query.seconds) > 0 ? Number(query.seconds) : 10) * 1000;
var state = 'title', score = 0, endsAt = 0, target = { x: W / 2, y: H / 2, r: 36 };
var seed = 7, lastAutoTap = 0;
// The main domain cannot read cloud storage back (only the open domain
// can), so it remembers its best score in local storage.
var bestScore = Number(wx.getStorageSync('best')) || 0;
function rnd() { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; }

function moveTarget() {
  target.r = 24 + rnd() * 20;
  target.x = target.r + rnd() * (W - 2 * target.r);
  target.y = 120 + target.r + rnd() * (H - 240 - 2 * target.r);
}

function start(now) {
  state = 'play';
  score = 0;
  endsAt = now + ROUND_MS;
  moveTarget();
  console.log('leaderboard: start');
}

function finish() {
  state = 'ranking';
  console.log('leaderboard: over score=' + score);
  // The score goes to cloud storage (on disk before success); the open
  // domain then reads it back with the friends' scores.
  var best = Math.max(score, bestScore);
  wx.setUserCloudStorage({
    KVDataList: [{ key: 'score', value: String(best) }],
    success: function () {
      bestScore = best;
      wx.setStorageSync('best', best);
      odc.postMessage({ type: 'ranking', dpr: DPR });
    },
    fail: function (r) { console.error('leaderboard: ' + r.errMsg); },
  });
}

function hit(x, y) {
  var dx = x - target.x, dy = y - target.y;
  return dx * dx + dy * dy <= target.r * target.r;
}

wx.onTouchStart(function (e) {
  var t = e.changedTouches[0];
  var now = wx.getPerformance().now();
  if (state === 'title' || state === 'ranking') { start(now); return; }
  if (hit(t.clientX, t.clientY)) { score++; moveTarget(); }
});

function drawTitle() {
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'center';
  ctx.font = 'bold 34px sans-serif';
  ctx.fillText('Tap Rush', W / 2, H / 2 - 20);
  ctx.font = '18px sans-serif';
  ctx.fillText('Tap the disc as often as you can', W / 2, H / 2 + 20);
  ctx.fillText('Tap anywhere to start', W / 2, H / 2 + 50);
}

function drawPlay(now) {
  var left = Math.max(0, endsAt - now);
  ctx.fillStyle = '#ffcc33';
  ctx.beginPath();
  ctx.arc(target.x, target.y, target.r, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 3;
  ctx.stroke();
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'left';
  ctx.font = 'bold 22px sans-serif';
  ctx.fillText('Score ' + score, 20, sys.safeArea.top + 30);
  ctx.textAlign = 'right';
  ctx.fillText((left / 1000).toFixed(1) + 's', W - 20, sys.safeArea.top + 30);
  if (autoplay && now - lastAutoTap >= 400) { lastAutoTap = now; score++; moveTarget(); }
  if (left === 0) finish();
}

function drawRanking() {
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'center';
  ctx.font = 'bold 26px sans-serif';
  ctx.fillText('Your score: ' + score, W / 2, 100);
  // The ranking itself is pixels of the shared canvas: the main domain
  // never sees the friends' data.
  ctx.drawImage(shared, PANEL.x, PANEL.y, PANEL.w, PANEL.h);
  ctx.font = '16px sans-serif';
  ctx.fillText('Tap to play again', W / 2, PANEL.y + PANEL.h + 40);
}

function frame(now) {
  var g = ctx.createLinearGradient(0, 0, 0, H);
  g.addColorStop(0, '#1d2b53');
  g.addColorStop(1, '#3a1d53');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, W, H);
  if (state === 'title') {
    drawTitle();
    if (autoplay) start(now);
  } else if (state === 'play') drawPlay(now);
  else drawRanking();
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
