var shared = GameGlobal.tt.getSharedCanvas();
var ctx = shared.getContext('2d');
console.log('open namespaces', TTMinis.game === tt, typeof tt.getOpenDataContext);
TTMinis.game.onMessage(function (m) {
  if (m.type !== 'show') return;
  ctx.fillStyle = '#00ff00';
  ctx.fillRect(0, 0, shared.width, shared.height);
});
