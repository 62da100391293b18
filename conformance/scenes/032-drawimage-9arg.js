ctx.drawImage(img, 0, 0, 16, 16, 10, 10, 80, 80);
ctx.drawImage(img, 8, 8, 16, 16, 110, 10, 80, 80);
ctx.drawImage(img, -8, -8, 32, 32, 10, 110, 80, 80);
ctx.drawImage(img, 16, 16, -16, -16, 110, 110, 80, 80);
