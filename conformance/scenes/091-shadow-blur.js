ctx.shadowColor = 'blue'; ctx.shadowBlur = 15; ctx.fillStyle = 'white'; ctx.fillRect(50, 50, 100, 100);
