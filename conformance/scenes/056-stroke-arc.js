ctx.lineWidth = 10; ctx.strokeStyle = 'rgba(255, 0, 0, 0.6)'; ctx.beginPath(); ctx.arc(100, 100, 70, 0, Math.PI * 2); ctx.stroke();
ctx.strokeStyle = 'black'; ctx.lineWidth = 3; ctx.beginPath(); ctx.arc(100, 100, 40, 0.3, 2.5); ctx.stroke();
