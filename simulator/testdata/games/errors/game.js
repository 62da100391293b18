var frames = 0;
wx.onError(function (res) { console.log('onError saw: ' + res.message); });
function tick() {
  requestAnimationFrame(tick);
  frames++;
  if (frames === 2) {
    var o = undefined;
    o.boom();
  }
  if (frames === 5) console.log('still running after the error');
}
requestAnimationFrame(tick);
setTimeout(function () { JSON.parse('{bad'); }, 50);
wx.drawImageNope;
try { wx.createCanvas().getContext('2d').fillRect(1, 2); } catch (e) { console.log('caught: ' + e.message); }
