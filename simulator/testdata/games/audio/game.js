// A 0.1 s blip, played in a loop three times by hand: the events follow
// the virtual clock of a headless run.
var blip = wx.createInnerAudioContext();
var plays = 0;
function now() { return Math.round(wx.getPerformance().now()); }
blip.onCanplay(function () { console.log('canplay', blip.duration); blip.play(); });
blip.onPlay(function () { plays++; console.log('play', plays); });
blip.onEnded(function () {
  console.log('ended', plays, 'after', now() - started, 'ms');
  if (plays < 3) { started = now(); blip.play(); }
});
var started = now();
blip.src = 'blip.wav';
