ctx.lineWidth = 14; ctx.strokeStyle = 'darkred';
['miter', 'round', 'bevel'].forEach(function (j, i) { ctx.lineJoin = j; ctx.beginPath(); ctx.moveTo(15 + i * 62, 170); ctx.lineTo(45 + i * 62, 40); ctx.lineTo(75 + i * 62, 170); ctx.stroke(); });
