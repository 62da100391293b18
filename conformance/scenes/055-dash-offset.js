ctx.lineWidth = 8; ctx.strokeStyle = 'blue'; ctx.setLineDash([30, 15]);
for (var i = 0; i < 4; i++) { ctx.lineDashOffset = i * 10; ctx.beginPath(); ctx.moveTo(10, 30 + i * 45); ctx.lineTo(190, 30 + i * 45); ctx.stroke(); }
