ctx.fillStyle = '#3366cc'; ctx.fillRect(10, 10, 80, 60);
ctx.fillStyle = 'rgba(255, 0, 0, 0.5)'; ctx.fillRect(50, 40, 100, 100);
ctx.fillRect(150, 150, 0, 30); ctx.fillRect(NaN, 0, 10, 10);
