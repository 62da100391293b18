ctx.lineWidth = 6; ctx.strokeStyle = 'black'; ctx.beginPath(); ctx.moveTo(20, 20);
ctx.arcTo(180, 20, 180, 180, 50); ctx.arcTo(180, 180, 20, 180, 30); ctx.lineTo(20, 180); ctx.stroke();
