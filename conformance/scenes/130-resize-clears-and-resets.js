ctx.fillStyle = 'red'; ctx.translate(50, 50); ctx.fillRect(0, 0, 50, 50);
canvas.width = canvas.width;
ctx.fillRect(0, 0, 30, 30);
