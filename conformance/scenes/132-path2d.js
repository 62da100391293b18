var p = new Path2D(); p.rect(20, 20, 60, 60); p.arc(140, 50, 30, 0, Math.PI * 2);
ctx.fillStyle = 'olive'; ctx.fill(p);
var q = new Path2D('M 20 120 L 180 120 L 100 190 Z'); ctx.strokeStyle = 'black'; ctx.lineWidth = 4; ctx.stroke(q);
