var cs = ['#f00', '#0f08', '#00f', '#ff000080', '#123456', '#abcdef', '#ABC', '#fedcba98'];
cs.forEach(function (c, i) { ctx.fillStyle = c; ctx.fillRect((i % 4) * 50, Math.floor(i / 4) * 100, 50, 100); });
