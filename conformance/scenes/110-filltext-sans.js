ctx.fillStyle = 'black'; ctx.font = '20px sans-serif'; ctx.fillText('Hello, world', 10, 40);
ctx.font = 'bold 28px Arial'; ctx.fillText('Bold 28px', 10, 90);
ctx.font = '12px sans-serif'; ctx.fillText('small text 0123456789', 10, 130);
