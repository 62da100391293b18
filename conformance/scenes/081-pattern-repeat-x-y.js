ctx.fillStyle = ctx.createPattern(img, 'repeat-x'); ctx.fillRect(0, 0, W, 100);
ctx.fillStyle = ctx.createPattern(img, 'repeat-y'); ctx.fillRect(0, 100, 100, 100);
