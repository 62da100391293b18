// Web-style game code over the adapter (js/adapter.js): counts runs in
// localStorage, plays a chime with new Audio(), and fills the screen with
// scores fetched by XMLHttpRequest from the launch query's server
// (minisim --query 'server=http://127.0.0.1:8080' examples/adapter).
require('./js/adapter');

var ctx = canvas.getContext('2d');
var runs = Number(localStorage.getItem('runs') || 0) + 1;
localStorage.setItem('runs', runs);
console.log('run', runs);

var status = 'loading scores…';
var scores = [];
var chime = new Audio('audio/chime.wav');
var started = 0;
chime.addEventListener('play', function () { started = performance.now(); });
chime.addEventListener('ended', function () {
  console.log('chime ended after', Math.round(performance.now() - started), 'ms of', Math.round(chime.duration * 1000));
});
chime.addEventListener('error', function (e) { console.log('chime error', e.detail.errMsg); });
chime.play();

var query = (wx.getLaunchOptionsSync().query || {});
if (query.server) {
  var xhr = new XMLHttpRequest();
  xhr.open('GET', query.server + '/scores.json');
  xhr.onload = function () {
    if (xhr.status !== 200) { status = 'server said ' + xhr.status; return; }
    scores = JSON.parse(xhr.responseText);
    status = scores.length + ' scores from ' + query.server;
    console.log(status + ':', scores.map(function (s) { return s.name + ' ' + s.score; }).join(', '));
  };
  xhr.onerror = function (e) { status = 'request failed'; console.log('request failed:', e.message); };
  xhr.send();
} else {
  status = 'no server: run with --query server=http://…';
}

function draw() {
  var w = innerWidth, h = innerHeight;
  ctx.fillStyle = '#10243e';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#ffd54f';
  ctx.font = 'bold 26px sans-serif';
  ctx.fillText('Adapter demo', 24, 60);
  ctx.fillStyle = '#ffffff';
  ctx.font = '16px sans-serif';
  ctx.fillText('run #' + runs + ' (localStorage)', 24, 92);
  ctx.fillText(status, 24, 120, w - 48);
  scores.forEach(function (s, i) {
    var y = 160 + i * 44;
    ctx.fillStyle = i % 2 ? '#1d3a5f' : '#24507f';
    ctx.fillRect(16, y, w - 32, 38);
    ctx.fillStyle = '#ffffff';
    ctx.font = '18px sans-serif';
    ctx.fillText((i + 1) + '. ' + s.name, 28, y + 25);
    ctx.textAlign = 'right';
    ctx.fillText(String(s.score), w - 28, y + 25);
    ctx.textAlign = 'left';
  });
  requestAnimationFrame(draw);
}
requestAnimationFrame(draw);
