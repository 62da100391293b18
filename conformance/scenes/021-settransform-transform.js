ctx.setTransform(1, 0.3, -0.3, 1, 60, 20); ctx.fillStyle = 'green'; ctx.fillRect(0, 0, 80, 50);
ctx.transform(1, 0, 0, 1, 0, 70); ctx.fillStyle = 'blue'; ctx.fillRect(0, 0, 80, 50);
ctx.setTransform({ a: 2, d: 0.5, e: 10, f: 160 }); ctx.fillStyle = 'orange'; ctx.fillRect(0, 0, 40, 40);
