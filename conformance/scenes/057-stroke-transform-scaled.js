ctx.scale(3, 1); ctx.lineWidth = 4; ctx.strokeStyle = 'purple'; ctx.beginPath(); ctx.arc(33, 100, 25, 0, Math.PI * 2); ctx.stroke();
