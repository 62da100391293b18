ctx.lineWidth = 6; ctx.strokeStyle = 'black';
ctx.setLineDash([20, 10]); ctx.beginPath(); ctx.moveTo(10, 40); ctx.lineTo(190, 40); ctx.stroke();
ctx.setLineDash([5, 5, 15]); ctx.beginPath(); ctx.moveTo(10, 100); ctx.lineTo(190, 100); ctx.stroke();
ctx.setLineDash([]); ctx.beginPath(); ctx.moveTo(10, 160); ctx.lineTo(190, 160); ctx.stroke();
