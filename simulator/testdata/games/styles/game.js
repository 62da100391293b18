// fillStyle and strokeStyle take a gradient, a pattern or a string; any
// other value is converted to a string first, as in a browser, so a Symbol
// throws and an unparsable result keeps the previous colour.
var ctx = wx.createCanvas().getContext('2d');
ctx.fillStyle = { toString: function () { return '#ff0000'; } };
console.log('object', ctx.fillStyle);
ctx.fillStyle = 12;
console.log('number', ctx.fillStyle);
try {
  ctx.strokeStyle = Symbol('red');
  console.log('symbol accepted', ctx.strokeStyle);
} catch (e) {
  console.log('symbol', e.name, ctx.strokeStyle);
}
wx.exitMiniProgram();
