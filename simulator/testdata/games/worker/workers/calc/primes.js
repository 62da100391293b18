exports.count = function (n) {
  var c = 0;
  for (var i = 2; i < n; i++) {
    var p = true;
    for (var j = 2; j * j <= i; j++) if (i % j === 0) { p = false; break; }
    if (p) c++;
  }
  return c;
};
