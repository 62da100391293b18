var g = ctx.createLinearGradient(0, 0, W, 0); g.addColorStop(0, 'red'); g.addColorStop(0.5, 'yellow'); g.addColorStop(1, 'blue');
ctx.fillStyle = g; ctx.fillRect(0, 0, W, 100);
var v = ctx.createLinearGradient(0, 100, 0, 200); v.addColorStop(0, 'black'); v.addColorStop(1, 'white');
ctx.fillStyle = v; ctx.fillRect(0, 100, W, 100);
