// Types a nickname into the soft keyboard and reads PC keys, from an
// --input script.
var canvas = wx.createCanvas();
var ctx = canvas.getContext('2d');
ctx.fillStyle = '#204080';
ctx.fillRect(0, 0, canvas.width, canvas.height);
wx.onKeyDown(function (e) { console.log('down', e.key, e.code, e.timeStamp.toFixed(1)); });
wx.onKeyUp(function (e) { console.log('up', e.key, e.code); });
wx.onKeyboardInput(function (r) { console.log('input', JSON.stringify(r.value)); });
wx.onKeyboardConfirm(function (r) { console.log('confirm', JSON.stringify(r.value)); });
wx.onKeyboardComplete(function (r) { console.log('complete', JSON.stringify(r.value)); });
wx.onTouchStart(function () {
  wx.showKeyboard({defaultValue: 'Bo', maxLength: 6, confirmType: 'send',
    success: function (r) { console.log(r.errMsg); }});
});
