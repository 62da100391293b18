ctx.fillStyle = ctx.createPattern(img, 'repeat'); ctx.fillRect(10, 10, 180, 180);
