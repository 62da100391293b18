ctx.imageSmoothingEnabled = false; ctx.drawImage(img, 0, 0, 100, 100);
ctx.imageSmoothingEnabled = true; ctx.drawImage(img, 100, 100, 100, 100);
