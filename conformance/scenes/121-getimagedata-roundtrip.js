ctx.fillStyle = 'rgba(200, 100, 50, 0.5)'; ctx.fillRect(0, 0, 100, 100);
var d = ctx.getImageData(0, 0, 100, 100); ctx.putImageData(d, 100, 100);
for (var i = 0; i < d.data.length; i += 4) { d.data[i + 2] = 255; } ctx.putImageData(d, 100, 0);
