ctx.fillStyle = 'black'; ctx.font = '24px sans-serif';
ctx.fillText('Squeezed text here', 10, 50, 120); ctx.fillText('Not squeezed', 10, 100, 500);
ctx.fillText('Hidden', 10, 150, 0);
