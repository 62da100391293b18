ctx.fillStyle = 'blue';
for (var i = 0; i < 10; i++) { ctx.globalAlpha = i / 10; ctx.fillRect(i * 20, 0, 20, H); }
ctx.globalAlpha = 2; ctx.fillStyle = 'yellow'; ctx.fillRect(0, 90, W, 20);
