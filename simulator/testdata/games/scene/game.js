// A still scene exercising the foundation's 2D API; the test compares its
// screenshot with a golden image.
var sys = wx.getSystemInfoSync();
var canvas = wx.createCanvas();
console.log('screen canvas ' + canvas.width + 'x' + canvas.height);
canvas.width = sys.windowWidth * sys.pixelRatio;
canvas.height = sys.windowHeight * sys.pixelRatio;
var ctx = canvas.getContext('2d');
ctx.scale(sys.pixelRatio, sys.pixelRatio);

var off = wx.createCanvas();
off.width = 60; off.height = 60;
var octx = off.getContext('2d');
octx.fillStyle = 'hsl(200, 80%, 50%)';
octx.fillRect(0, 0, 60, 60);
octx.fillStyle = 'rgba(255, 255, 255, 0.5)';
octx.fillRect(15, 15, 30, 30);

var loaded = 0;
var png = wx.createImage(), jpg = wx.createImage();
png.onload = jpg.onload = function () { if (++loaded === 2) draw(); };
png.onerror = jpg.onerror = function (e) { console.error('load failed', e.errMsg); };
png.src = 'images/checker.png';
jpg.src = 'images/gradient.jpg';

function draw() {
  console.log('images ' + png.width + 'x' + png.height + ' ' + jpg.width + 'x' + jpg.height + ' complete=' + png.complete);
  ctx.fillStyle = '#223';
  ctx.fillRect(0, 0, sys.windowWidth, sys.windowHeight);
  ctx.fillStyle = 'red'; ctx.fillRect(20, 20, 100, 60);
  ctx.fillStyle = '#00ff0080'; ctx.fillRect(70, 50, 100, 60);
  ctx.strokeStyle = 'yellow'; ctx.lineWidth = 4; ctx.strokeRect(200, 20, 120, 90);
  ctx.clearRect(230, 40, 30, 30);
  ctx.drawImage(png, 20, 140);
  ctx.drawImage(jpg, 120, 140, 100, 50);
  ctx.drawImage(png, 0, 0, 16, 16, 240, 140, 64, 64);
  ctx.save();
  ctx.translate(90, 300); ctx.rotate(Math.PI / 6); ctx.globalAlpha = 0.7;
  ctx.drawImage(off, -30, -30);
  ctx.restore();
  ctx.save();
  ctx.setTransform(1, 0.2, 0, 1, 200, 260); ctx.scale(2, 2);
  ctx.fillStyle = 'orange'; ctx.fillRect(0, 0, 40, 30);
  ctx.restore();
  ctx.fillStyle = 'white'; ctx.font = 'bold 24px sans-serif';
  ctx.fillText('Hello, minisim', 20, 420);
  ctx.font = '16px serif'; ctx.fillStyle = '#9cf';
  ctx.textAlign = 'center'; ctx.fillText('centred 你好', sys.windowWidth / 2, 460);
  ctx.textAlign = 'right'; ctx.textBaseline = 'top'; ctx.font = '14px monospace';
  ctx.fillText('right/top', sys.windowWidth - 10, 480);
  ctx.fillStyle = 'transparent'; ctx.fillRect(0, 0, 10, 10);
  ctx.fillStyle = 'not a colour';
  console.log('fillStyle kept ' + ctx.fillStyle + ' font ' + ctx.font);
  ctx.beginPath(); ctx.fillStyle = '#f0f'; ctx.arc(300, 560, 40, 0, Math.PI * 2); ctx.fill();
  requestAnimationFrame(function (ts) {
    console.log('frame at ' + ts.toFixed(3));
    wx.exitMiniProgram();
  });
}
