ctx.shadowColor = 'rgba(0, 0, 0, 0.5)'; ctx.shadowOffsetX = 10; ctx.shadowOffsetY = 10;
ctx.fillStyle = 'gold'; ctx.fillRect(30, 30, 100, 80);
