ctx.fillStyle = 'lightgray'; ctx.fillRect(0, 0, W, H);
ctx.fillStyle = ctx.createPattern(img, 'no-repeat'); ctx.translate(50, 50); ctx.fillRect(0, 0, 150, 150);
