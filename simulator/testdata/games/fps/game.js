// Halves its frame rate after a few frames; the rAF timestamps show it.
var last = 0, n = 0;
function tick(ts) {
  n++;
  if (n > 1) console.log('dt=' + (ts - last).toFixed(3));
  last = ts;
  if (n === 3) wx.setPreferredFramesPerSecond(30);
  if (n < 6) requestAnimationFrame(tick);
  else wx.exitMiniProgram();
}
requestAnimationFrame(tick);
