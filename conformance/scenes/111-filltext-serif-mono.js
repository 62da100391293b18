ctx.fillStyle = '#222'; ctx.font = '24px serif'; ctx.fillText('Serif text', 10, 50);
ctx.font = '20px monospace'; ctx.fillText('mono 0O1l', 10, 110);
