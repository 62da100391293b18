var api = typeof tt !== 'undefined' ? tt : wx; // the same suite runs for WeChat and TikTok
// Every way main-domain code could try to read the open domain's data or
// pixels. Each attempt prints "blocked N" or "LEAK N".
var n = 0;
function attempt(name, fn) {
  n++;
  var leaked = false, why = 'nothing to read';
  try { leaked = fn() === true; } catch (e) { why = String(e.message).slice(0, 70); }
  console.log((leaked ? 'LEAK ' : 'blocked ') + n + ' ' + name + ' (' + why + ')');
}
var screen = api.createCanvas();
var sctx = screen.getContext('2d');
var odc = api.getOpenDataContext();
var shared = odc.canvas;
var off = api.createCanvas();
var offCtx = off.getContext('2d');
var SECRET = 'friend-score-4242';
sctx.drawImage(shared, 0, 0); // allowed: shows it on screen

attempt('shared getContext', function () { return !!shared.getContext('2d'); });
attempt('shared toDataURL', function () { return shared.toDataURL().length > 10; });
attempt('shared toTempFilePathSync', function () { return !!shared.toTempFilePathSync(); });
attempt('shared toTempFilePath', function () { shared.toTempFilePath({}); return true; });
attempt('screen toDataURL', function () { return screen.toDataURL().length > 10; });
attempt('screen getImageData', function () { return sctx.getImageData(0, 0, 1, 1).data[3] > 0; });
attempt('screen toTempFilePathSync', function () { return !!screen.toTempFilePathSync(); });
attempt('api.canvasToTempFilePath(screen)', function () { api.canvasToTempFilePath({ canvas: screen }); return true; });
attempt('offscreen drawImage(shared)', function () { offCtx.drawImage(shared, 0, 0); return offCtx.getImageData(0, 0, 1, 1).data[3] > 0; });
attempt('offscreen drawImage(screen)', function () { offCtx.drawImage(screen, 0, 0); return offCtx.getImageData(0, 0, 1, 1).data[3] > 0; });
attempt('createPattern(shared)', function () { return !!sctx.createPattern(shared, 'repeat'); });
attempt('createPattern(screen)', function () { return !!offCtx.createPattern(screen, 'repeat'); });
attempt('require open entry', function () { return !!require('open/index.js'); });
attempt('require open helper via ..', function () { return require('./x/../open/helper') === SECRET; });
attempt('require open by absolute path', function () { return require('/open/helper.js') === SECRET; });
attempt('GameGlobal.secret', function () { return GameGlobal.secret === SECRET; });
attempt('Object.prototype pollution', function () { return ({}).leaked === SECRET; });
attempt('Array.prototype pollution', function () { return [].leakedToo === SECRET; });
attempt('open-only APIs', function () { return typeof api.getSharedCanvas === 'function' || typeof api.onMessage === 'function' || api.canIUse('getSharedCanvas'); });
var msg = { ask: 1 };
odc.postMessage(msg);
attempt('message written back', function () { return msg.reply === SECRET; });
attempt('postMessage returns data', function () { return odc.postMessage({}) !== undefined; });
attempt('shared canvas properties', function () { return JSON.stringify(Object.keys(shared)).indexOf('data') >= 0 || shared.data !== undefined; });
var guessed = api.createImage();
guessed.onload = function () { console.log('LEAK guessed temp file of the open domain'); };
guessed.onerror = function () { console.log('blocked guessed temp file of the open domain'); };
guessed.src = typeof tt !== 'undefined' ? 'ttfile://temp/1.png' : 'wxfile://tmp_1.png';
attempt('shared canvas object reused as image', function () {
  var img = api.createImage(); img.src = shared; return img.width > 0;
});
setTimeout(function () {
  attempt('delayed reply after the open domain ran', function () { return msg.reply === SECRET || GameGlobal.secret === SECRET; });
  console.log('attempts ' + n);
  api.exitMiniProgram();
}, 100);
