ctx.lineWidth = 16; ctx.strokeStyle = 'navy';
['butt', 'round', 'square'].forEach(function (cap, i) { ctx.lineCap = cap; ctx.beginPath(); ctx.moveTo(40 + i * 60, 30); ctx.lineTo(40 + i * 60, 170); ctx.stroke(); });
