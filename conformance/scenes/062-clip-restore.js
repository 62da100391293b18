ctx.save(); ctx.beginPath(); ctx.rect(0, 0, 100, 100); ctx.clip();
ctx.fillStyle = 'blue'; ctx.fillRect(0, 0, W, H); ctx.restore();
ctx.fillStyle = 'rgba(255, 165, 0, 0.5)'; ctx.fillRect(50, 50, 150, 150);
