// Exports a canvas every way the platform offers and loads each result
// back as an image.
var c = wx.createCanvas();
c.width = 40; c.height = 20;
var ctx = c.getContext('2d');
ctx.fillStyle = 'rgba(255, 0, 0, 0.5)'; ctx.fillRect(0, 0, 20, 20);
ctx.fillStyle = '#00f'; ctx.fillRect(20, 0, 20, 20);

function check(label, src) {
  var img = wx.createImage();
  img.onload = function () {
    var t = wx.createCanvas(); t.width = img.width; t.height = img.height;
    var tc = t.getContext('2d'); tc.drawImage(img, 0, 0);
    var p = tc.getImageData(img.width - 1, 0, 1, 1).data;
    console.log(label, img.width + 'x' + img.height, 'last pixel', p[0], p[1], p[2], p[3]);
  };
  img.onerror = function (e) { console.log(label, 'failed', e.errMsg); };
  img.src = src;
}

var url = c.toDataURL();
console.log('dataURL', url.slice(0, 22));
check('png data url', url);
check('jpeg data url', c.toDataURL('image/jpeg', 0.9));
var sync = c.toTempFilePathSync({ x: 20, width: 20, destWidth: 10, destHeight: 10 });
console.log('sync path', sync);
check('sync temp', sync);
c.toTempFilePath({ fileType: 'jpg', success: function (r) { console.log('async', r.errMsg); check('async temp', r.tempFilePath); } });
wx.canvasToTempFilePath({ canvas: c }).then(function (r) { check('wx.canvasToTempFilePath', r.tempFilePath); });
wx.canvasToTempFilePath({ fail: function (r) { console.log('no canvas:', r.errMsg); } });
setTimeout(function () { wx.exitMiniProgram(); }, 200);
