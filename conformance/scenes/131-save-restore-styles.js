ctx.save(); ctx.fillStyle = 'red'; ctx.strokeStyle = 'blue'; ctx.lineWidth = 10; ctx.globalAlpha = 0.3; ctx.font = '30px serif';
ctx.restore();
ctx.fillRect(10, 10, 80, 80); ctx.strokeRect(110, 10, 80, 80); ctx.font = ctx.font; ctx.fillText('default', 10, 150);
