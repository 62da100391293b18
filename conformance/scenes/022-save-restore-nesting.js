ctx.fillStyle = 'red';
ctx.save(); ctx.fillStyle = 'green'; ctx.translate(50, 50);
ctx.save(); ctx.fillStyle = 'blue'; ctx.globalAlpha = 0.5; ctx.scale(2, 2); ctx.fillRect(0, 0, 30, 30);
ctx.restore(); ctx.fillRect(0, 0, 20, 20);
ctx.restore(); ctx.fillRect(0, 0, 20, 20);
ctx.restore(); ctx.restore(); ctx.fillRect(170, 170, 20, 20);
