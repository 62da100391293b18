ctx.beginPath(); ctx.arc(80, 100, 70, 0, 7); ctx.clip();
ctx.beginPath(); ctx.arc(120, 100, 70, 0, 7); ctx.clip();
ctx.fillStyle = 'green'; ctx.fillRect(0, 0, W, H);
