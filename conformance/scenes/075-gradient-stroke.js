var g = ctx.createLinearGradient(0, 0, W, H); g.addColorStop(0, 'magenta'); g.addColorStop(1, 'cyan');
ctx.strokeStyle = g; ctx.lineWidth = 20; ctx.strokeRect(30, 30, 140, 140);
