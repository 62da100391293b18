ctx.fillStyle = 'darkorange'; ctx.beginPath(); ctx.roundRect(20, 20, 160, 70, 20); ctx.fill();
ctx.fillStyle = 'royalblue'; ctx.beginPath(); ctx.roundRect(20, 110, 160, 70, [5, 30, 10, 40]); ctx.fill();
