ctx.drawImage(img, 10, 10); ctx.drawImage(img, 60.5, 10.5); ctx.drawImage(img, 150, 150);
ctx.drawImage(img, -16, 100); ctx.drawImage(img, 184, 100);
