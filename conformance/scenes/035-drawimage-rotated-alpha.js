ctx.globalAlpha = 0.6; ctx.translate(100, 100); ctx.rotate(Math.PI / 5); ctx.drawImage(img, -60, -60, 120, 120);
