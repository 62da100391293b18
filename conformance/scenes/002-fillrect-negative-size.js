ctx.fillStyle = 'green'; ctx.fillRect(100, 100, -60, -40);
ctx.fillStyle = 'orange'; ctx.fillRect(190, 20, -50, 30);
