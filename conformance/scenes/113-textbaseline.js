ctx.strokeStyle = 'red'; ctx.beginPath(); ctx.moveTo(0, 100); ctx.lineTo(W, 100); ctx.stroke();
ctx.fillStyle = 'black'; ctx.font = '16px sans-serif';
['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom'].forEach(function (b, i) { ctx.textBaseline = b; ctx.fillText('Ag', 5 + i * 32, 100); });
