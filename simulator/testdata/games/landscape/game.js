var s = wx.getSystemInfoSync();
console.log(s.windowWidth + 'x' + s.windowHeight + ' ' + s.deviceOrientation + ' safe ' + JSON.stringify(s.safeArea));
var c = wx.createCanvas();
console.log('canvas ' + c.width + 'x' + c.height);
wx.getSystemInfo({ success: function (r) { console.log('async ' + r.errMsg + ' ' + r.screenWidth); } });
wx.getSystemInfo().then(function (r) { console.log('promise ' + r.errMsg); wx.exitMiniProgram(); });
