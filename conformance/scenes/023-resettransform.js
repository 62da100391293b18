ctx.translate(80, 80); ctx.rotate(1); ctx.resetTransform();
ctx.fillStyle = 'black'; ctx.fillRect(10, 10, 50, 50);
ctx.translate(100, 100); ctx.setTransform(); ctx.fillRect(120, 120, 50, 50);
