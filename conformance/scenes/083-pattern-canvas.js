var c = makeCanvas(20, 20), x = c.getContext('2d'); x.fillStyle = 'orange'; x.fillRect(0, 0, 10, 10); x.fillRect(10, 10, 10, 10);
ctx.fillStyle = ctx.createPattern(c, 'repeat'); ctx.beginPath(); ctx.arc(100, 100, 90, 0, 7); ctx.fill();
