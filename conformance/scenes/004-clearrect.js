ctx.fillStyle = '#c0c'; ctx.fillRect(0, 0, W, H);
ctx.clearRect(20, 20, 60, 60);
ctx.translate(140, 140); ctx.rotate(0.5); ctx.clearRect(-20, -20, 40, 40);
