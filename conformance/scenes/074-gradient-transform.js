var g = ctx.createLinearGradient(0, 0, 50, 0); g.addColorStop(0, 'navy'); g.addColorStop(1, 'gold');
ctx.fillStyle = g; ctx.translate(100, 100); ctx.rotate(Math.PI / 4); ctx.fillRect(-60, -60, 120, 120);
