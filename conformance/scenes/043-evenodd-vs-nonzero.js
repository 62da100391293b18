function rings(cx) { ctx.beginPath(); ctx.arc(cx, 100, 45, 0, 7); ctx.arc(cx, 100, 25, 0, 7); }
ctx.fillStyle = 'indigo'; rings(52); ctx.fill(); rings(148); ctx.fill('evenodd');
