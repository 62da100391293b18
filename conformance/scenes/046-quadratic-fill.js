ctx.fillStyle = 'slateblue'; ctx.beginPath(); ctx.moveTo(20, 100);
ctx.quadraticCurveTo(100, -40, 180, 100); ctx.quadraticCurveTo(100, 240, 20, 100); ctx.fill();
