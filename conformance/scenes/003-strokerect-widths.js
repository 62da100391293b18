ctx.strokeStyle = 'navy'; ctx.lineWidth = 1; ctx.strokeRect(10.5, 10.5, 60, 40);
ctx.lineWidth = 6; ctx.strokeRect(100, 20, 80, 50);
ctx.strokeStyle = 'rgba(0, 128, 0, 0.5)'; ctx.lineWidth = 10; ctx.strokeRect(30, 100, 120, 70);
ctx.lineWidth = 4; ctx.strokeStyle = 'purple'; ctx.strokeRect(170, 100, 0, 60);
