var c = makeCanvas(50, 50), x = c.getContext('2d');
x.fillStyle = 'rgba(0, 0, 255, 0.5)'; x.fillRect(0, 0, 50, 50); x.fillStyle = 'red'; x.fillRect(10, 10, 30, 30);
ctx.drawImage(c, 10, 10); ctx.drawImage(c, 80, 10, 100, 100); ctx.drawImage(c, 0, 0, 25, 25, 20, 130, 50, 50);
