ctx.fillStyle = 'gray'; ctx.fillRect(0, 0, W, H);
var d = ctx.createImageData(100, 100); for (var i = 0; i < d.data.length; i += 4) { d.data[i] = 255; d.data[i + 3] = 255; }
ctx.putImageData(d, 50, 50, 25, 25, 50, 30);
