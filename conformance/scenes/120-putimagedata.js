var d = ctx.createImageData(100, 100);
for (var y = 0; y < 100; y++) for (var x = 0; x < 100; x++) { var i = (y * 100 + x) * 4; d.data[i] = x * 2.55; d.data[i + 1] = y * 2.55; d.data[i + 2] = 128; d.data[i + 3] = 255 - x; }
ctx.putImageData(d, 50, 50);
