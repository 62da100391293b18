ctx.lineWidth = 16; ctx.beginPath(); ctx.moveTo(20, 180); ctx.lineTo(180, 20);
for (var y = 5; y < H; y += 10) for (var x = 5; x < W; x += 10) { ctx.fillStyle = ctx.isPointInStroke(x, y) ? 'red' : '#ddd'; ctx.fillRect(x - 3, y - 3, 6, 6); }
