ctx.beginPath(); ctx.rect(40, 40, 120, 120); ctx.clip();
ctx.fillStyle = 'red'; ctx.fillRect(0, 0, W, H); ctx.drawImage(img, 0, 0, 100, 100);
