ctx.fillStyle = 'darkgreen'; ctx.translate(100, 100); ctx.rotate(-Math.PI / 8);
ctx.font = '22px sans-serif'; ctx.textAlign = 'center'; ctx.fillText('Rotated text', 0, 0);
ctx.scale(2, 2); ctx.font = '10px serif'; ctx.fillText('Scaled', 0, 25);
