ctx.beginPath(); ctx.rect(20, 20, 160, 160); ctx.rect(60, 60, 80, 80); ctx.clip('evenodd');
ctx.fillStyle = 'darkviolet'; ctx.fillRect(0, 0, W, H);
