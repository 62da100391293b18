ctx.fillStyle = 'seagreen'; ctx.beginPath(); ctx.moveTo(20, 180);
ctx.bezierCurveTo(20, 20, 180, 20, 180, 180); ctx.bezierCurveTo(120, 100, 80, 100, 20, 180); ctx.fill();
