ctx.fillStyle = 'rgba(0, 0, 255, 0.8)'; ctx.fillRect(20, 20, 110, 110);
ctx.globalCompositeOperation = 'source-over';
ctx.fillStyle = 'rgba(255, 0, 0, 0.6)'; ctx.beginPath(); ctx.arc(120, 120, 60, 0, Math.PI * 2); ctx.fill();
