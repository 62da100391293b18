// Calls every 2D context method and sets every property with hostile
// arguments. Browser-like errors are fine; a Go panic (reported as an
// "internal error") is not.
var canvas = wx.createCanvas();
var ctx = canvas.getContext('2d');
var img = wx.createImage();
var other = wx.createCanvas();
var values = [undefined, null, NaN, Infinity, -Infinity, -1, 0, 1e9, -1e9, 1.5, '12', 'abc', '', true, {}, [], [1, 2],
  function () {}, img, other, ctx, new Path2D(), { a: 1, x: 'y' }, Symbol ? 'sym' : 0];
var internal = 0, thrown = 0, calls = 0;
function tryCall(fn) {
  calls++;
  try { fn(); } catch (e) {
    thrown++;
    if (String(e && e.message).indexOf('internal error') >= 0) { internal++; console.log('INTERNAL', e.message); }
  }
}
var methods = [];
for (var k in ctx) if (typeof ctx[k] === 'function') methods.push(k);
methods.forEach(function (m) {
  tryCall(function () { ctx[m](); });
  values.forEach(function (v) {
    tryCall(function () { ctx[m](v); });
    tryCall(function () { ctx[m](v, v, v, v); });
    tryCall(function () { ctx[m](v, 1, 2, 3, 4, 5, 6, 7, 8); });
    tryCall(function () { ctx[m](img, v, v, v, v, v, v, v, v); });
  });
});
var props = ['fillStyle', 'strokeStyle', 'globalAlpha', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'lineDashOffset',
  'font', 'textAlign', 'textBaseline', 'direction', 'letterSpacing', 'imageSmoothingEnabled', 'imageSmoothingQuality',
  'globalCompositeOperation', 'shadowColor', 'shadowBlur', 'shadowOffsetX', 'shadowOffsetY'];
props.forEach(function (p) { values.forEach(function (v) { tryCall(function () { ctx[p] = v; }); }); });
['width', 'height'].forEach(function (p) { values.forEach(function (v) { tryCall(function () { other[p] = v; }); }); });
var p = new Path2D('M 0 0 L 10 10 Q 5 5 A 1 2 3 4 5 6 7 Z m -1e9 1e9 c garbage');
for (var k2 in p) if (typeof p[k2] === 'function') values.forEach(function (v) { tryCall(function () { p[k2](v, v, v, v, v, v, v, v); }); });
values.forEach(function (v) { tryCall(function () { new Path2D(v); }); });
tryCall(function () { ctx.putImageData({ width: 1e9, height: 1e9, data: [] }, 0, 0); });
tryCall(function () { ctx.getImageData(0, 0, 1e6, 1e6); });
tryCall(function () { ctx.createImageData(-1e9, NaN); });
tryCall(function () { canvas.toDataURL('image/jpeg', 'x'); });
tryCall(function () { canvas.toTempFilePathSync({ x: NaN, y: Infinity, width: -5, destWidth: 1e9 }); });
var apis = 0;
for (var name in wx) {
  if (typeof wx[name] !== 'function' || name === 'exitMiniProgram') continue;
  apis++;
  tryCall(function () { wx[name](); });
  values.forEach(function (v) {
    tryCall(function () { wx[name](v); });
    tryCall(function () { wx[name]({ success: v, fail: v, complete: v, canvas: v, x: v, width: v, fileType: v }); });
  });
}
console.log('wx methods tried ' + apis);
ctx.fillRect(0, 0, 10, 10);
console.log('survived ' + methods.length + ' methods, ' + calls + ' calls, internal errors ' + internal);
wx.exitMiniProgram();
