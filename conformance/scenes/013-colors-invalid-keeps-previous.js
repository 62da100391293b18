ctx.fillStyle = 'teal';
ctx.fillStyle = 'not-a-colour'; ctx.fillStyle = 'rgb(1, 2)'; ctx.fillStyle = 42;
ctx.fillRect(20, 20, 160, 160);
