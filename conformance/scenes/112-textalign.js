ctx.strokeStyle = 'red'; ctx.beginPath(); ctx.moveTo(100, 0); ctx.lineTo(100, H); ctx.stroke();
ctx.fillStyle = 'black'; ctx.font = '18px sans-serif';
['left', 'center', 'right', 'start', 'end'].forEach(function (a, i) { ctx.textAlign = a; ctx.fillText(a, 100, 30 + i * 35); });
