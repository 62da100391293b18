ctx.shadowColor = 'rgba(255, 0, 0, 0.7)'; ctx.shadowOffsetX = 6; ctx.shadowOffsetY = 6; ctx.shadowBlur = 4;
ctx.drawImage(img, 20, 20, 80, 80);
ctx.font = 'bold 30px sans-serif'; ctx.fillStyle = 'black'; ctx.fillText('Shadow', 30, 160);
