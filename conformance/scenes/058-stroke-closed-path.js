ctx.lineWidth = 8; ctx.strokeStyle = 'teal'; ctx.lineJoin = 'round';
ctx.beginPath(); ctx.moveTo(30, 30); ctx.lineTo(170, 40); ctx.lineTo(100, 170); ctx.closePath(); ctx.stroke();
