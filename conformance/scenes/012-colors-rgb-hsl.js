var cs = ['rgb(255, 128, 0)', 'rgba(0, 0, 255, .25)', 'rgb(100% 0% 50%)', 'rgb(10 20 30 / 50%)',
  'hsl(120, 100%, 25%)', 'hsla(240deg 100% 50% / 0.5)', 'hsl(0.5turn 60% 40%)', 'hsl(300 50% 75%)'];
cs.forEach(function (c, i) { ctx.fillStyle = c; ctx.fillRect((i % 4) * 50, Math.floor(i / 4) * 100, 50, 100); });
