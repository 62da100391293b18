ctx.translate(50, 50); ctx.rotate(0.3);
var d = ctx.createImageData(60, 60); for (var i = 0; i < d.data.length; i += 4) { d.data[i + 1] = 200; d.data[i + 3] = 255; }
ctx.putImageData(d, 10, 10);
