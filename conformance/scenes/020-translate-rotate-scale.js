ctx.fillStyle = 'rgba(200, 0, 0, 0.8)';
ctx.translate(100, 100);
for (var i = 0; i < 6; i++) { ctx.rotate(Math.PI / 6); ctx.fillRect(0, 0, 70, 12); }
ctx.scale(0.5, 2); ctx.fillStyle = 'navy'; ctx.fillRect(-20, -20, 40, 20);
