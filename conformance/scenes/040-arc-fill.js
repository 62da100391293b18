ctx.fillStyle = 'crimson'; ctx.beginPath(); ctx.arc(60, 60, 40, 0, Math.PI * 2); ctx.fill();
ctx.fillStyle = 'rgba(0, 0, 255, 0.5)'; ctx.beginPath(); ctx.arc(100, 100, 60, 0, Math.PI * 2); ctx.fill();
ctx.fillStyle = 'black'; ctx.beginPath(); ctx.arc(170, 170, 2, 0, 7); ctx.fill();
