ctx.fillStyle = 'goldenrod'; ctx.beginPath();
for (var i = 0; i < 5; i++) { var a = -Math.PI / 2 + i * 4 * Math.PI / 5; var x = 100 + 90 * Math.cos(a), y = 105 + 90 * Math.sin(a); if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y); }
ctx.closePath(); ctx.fill();
