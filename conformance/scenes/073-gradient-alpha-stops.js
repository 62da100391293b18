ctx.fillStyle = 'white'; ctx.fillRect(0, 0, W, H);
var g = ctx.createLinearGradient(0, 0, W, 0); g.addColorStop(0, 'rgba(255, 0, 0, 0)'); g.addColorStop(1, 'rgba(255, 0, 0, 1)');
ctx.fillStyle = g; ctx.fillRect(0, 0, W, H);
