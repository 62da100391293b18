var g = ctx.createConicGradient(0, 100, 100); g.addColorStop(0, 'red'); g.addColorStop(0.33, 'lime'); g.addColorStop(0.66, 'blue'); g.addColorStop(1, 'red');
ctx.fillStyle = g; ctx.beginPath(); ctx.arc(100, 100, 90, 0, 7); ctx.fill();
