ctx.fillStyle = 'black'; ctx.fillRect(Infinity, 0, 10, 10); ctx.translate(NaN, 5); ctx.scale(Infinity, 1); ctx.rotate(NaN);
ctx.beginPath(); ctx.moveTo(10, 10); ctx.lineTo(NaN, 50); ctx.lineTo(190, 10); ctx.lineTo(100, 190); ctx.fill();
ctx.globalAlpha = NaN; ctx.lineWidth = -5; ctx.strokeRect(50, 50, 100, 100);
