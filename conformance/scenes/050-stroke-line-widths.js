ctx.strokeStyle = 'black';
[1, 2, 3, 5, 8, 13].forEach(function (w, i) { ctx.lineWidth = w; ctx.beginPath(); ctx.moveTo(20, 20 + i * 30); ctx.lineTo(180, 30 + i * 30); ctx.stroke(); });
