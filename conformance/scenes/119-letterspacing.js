ctx.fillStyle = 'black'; ctx.font = '20px sans-serif'; ctx.fillText('Spacing', 10, 50);
ctx.letterSpacing = '6px'; ctx.fillText('Spacing', 10, 100);
