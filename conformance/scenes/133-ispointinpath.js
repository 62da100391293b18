ctx.beginPath(); ctx.arc(100, 100, 60, 0, 7); ctx.rect(70, 70, 60, 60);
for (var y = 5; y < H; y += 10) for (var x = 5; x < W; x += 10) {
  ctx.fillStyle = ctx.isPointInPath(x, y) ? (ctx.isPointInPath(x, y, 'evenodd') ? 'green' : 'blue') : 'lightgray';
  ctx.fillRect(x - 3, y - 3, 6, 6);
}
