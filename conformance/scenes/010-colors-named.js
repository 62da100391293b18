var names = ['red', 'lime', 'blue', 'cornflowerblue', 'papayawhip', 'rebeccapurple', 'teal', 'salmon',
  'gold', 'indigo', 'khaki', 'crimson', 'darkslategray', 'hotpink', 'chartreuse', 'transparent'];
names.forEach(function (n, i) { ctx.fillStyle = n; ctx.fillRect((i % 4) * 50, Math.floor(i / 4) * 50, 50, 50); });
