// The network APIs against the test's server (its address comes in the
// launch query): game.json's request timeout, a download shown by
// createImage, the connection type.
var base = wx.getLaunchOptionsSync().query.base;

wx.getNetworkType({ success: function (r) { console.log('network', r.networkType); } });

wx.request({ url: base + '/hang', fail: function (r) { console.log('request', r.errMsg); } });

wx.downloadFile({
  url: base + '/dot.png',
  success: function (r) {
    var img = wx.createImage();
    img.onload = function () { console.log('image', img.width, img.height); };
    img.onerror = function (e) { console.log('image error', e.errMsg); };
    img.src = r.tempFilePath;
  },
  fail: function (r) { console.log('download', r.errMsg); }
});

// An image straight from a URL.
var remote = wx.createImage();
remote.onload = function () { console.log('remote image', remote.width, remote.height); };
remote.onerror = function (e) { console.log('remote image error', e.errMsg); };
remote.src = base + '/dot.png';
