ctx.font = '30px sans-serif'; var t = 'Measure'; var m = ctx.measureText(t);
ctx.fillStyle = 'rgba(0, 128, 255, 0.3)'; ctx.fillRect(20 - m.actualBoundingBoxLeft, 100 - m.actualBoundingBoxAscent, m.actualBoundingBoxLeft + m.actualBoundingBoxRight, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent);
ctx.fillStyle = 'black'; ctx.fillText(t, 20, 100); ctx.fillRect(20, 110, m.width, 4);
