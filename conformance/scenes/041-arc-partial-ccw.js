ctx.fillStyle = 'darkgreen'; ctx.beginPath(); ctx.moveTo(60, 60); ctx.arc(60, 60, 50, 0, Math.PI / 2); ctx.closePath(); ctx.fill();
ctx.fillStyle = 'orange'; ctx.beginPath(); ctx.moveTo(150, 60); ctx.arc(150, 60, 45, 0, Math.PI / 2, true); ctx.closePath(); ctx.fill();
ctx.fillStyle = 'purple'; ctx.beginPath(); ctx.arc(100, 150, 40, Math.PI, 0); ctx.fill();
