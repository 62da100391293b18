ctx.lineWidth = 10; ctx.strokeStyle = 'green'; ctx.lineJoin = 'miter';
ctx.miterLimit = 10; ctx.beginPath(); ctx.moveTo(20, 80); ctx.lineTo(100, 60); ctx.lineTo(20, 40); ctx.stroke();
ctx.miterLimit = 2; ctx.beginPath(); ctx.moveTo(20, 170); ctx.lineTo(100, 150); ctx.lineTo(20, 130); ctx.stroke();
