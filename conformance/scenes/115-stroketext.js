ctx.strokeStyle = 'blue'; ctx.lineWidth = 2; ctx.font = 'bold 40px sans-serif'; ctx.strokeText('Stroke', 10, 80);
ctx.fillStyle = 'yellow'; ctx.fillText('Both', 10, 150); ctx.strokeText('Both', 10, 150);
