var g = ctx.createRadialGradient(80, 80, 10, 100, 100, 90); g.addColorStop(0, 'white'); g.addColorStop(0.4, 'orange'); g.addColorStop(1, 'darkred');
ctx.fillStyle = g; ctx.fillRect(0, 0, W, H);
