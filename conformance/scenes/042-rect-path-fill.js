ctx.fillStyle = 'steelblue'; ctx.beginPath(); ctx.rect(20, 20, 70, 70); ctx.rect(110, 110, 70, 70); ctx.fill();
ctx.fillStyle = 'tomato'; ctx.beginPath(); ctx.rect(60, 60, 80, 80); ctx.fill();
