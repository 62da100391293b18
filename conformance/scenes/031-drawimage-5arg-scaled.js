ctx.drawImage(img, 10, 10, 100, 60); ctx.drawImage(img, 120, 10, 16, 16); ctx.drawImage(img, 20, 100, 170, 90);
