ctx.fillStyle = 'teal'; ctx.beginPath(); ctx.ellipse(100, 60, 80, 30, 0, 0, Math.PI * 2); ctx.fill();
ctx.fillStyle = 'maroon'; ctx.beginPath(); ctx.ellipse(100, 140, 60, 25, Math.PI / 6, 0, Math.PI * 1.5); ctx.fill();
