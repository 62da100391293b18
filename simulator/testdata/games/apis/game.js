// Prints what the platform APIs report, for an exact comparison.
var lo = wx.getLaunchOptionsSync();
console.log('launch', lo.scene, JSON.stringify(lo.query));
var s = wx.getSystemInfoSync();
console.log('system', s.brand, s.model, s.platform, s.system, s.screenWidth, s.screenHeight,
  s.windowWidth, s.windowHeight, s.pixelRatio, s.statusBarHeight, JSON.stringify(s.safeArea), s.language);
var w = wx.getWindowInfo(), d = wx.getDeviceInfo(), b = wx.getAppBaseInfo();
console.log('window', w.windowWidth, w.pixelRatio, 'device', d.brand, d.benchmarkLevel, 'base', typeof b.SDKVersion);
console.log('globals', typeof window, typeof document, typeof Image, typeof localStorage, GameGlobal === globalThis);
console.log('clock', wx.getPerformance().now(), new Date(Date.now()).toISOString());
console.log('random', Math.random());
console.log('canIUse', wx.canIUse('getSystemInfoSync'), wx.canIUse('requestMidasPayment'), typeof wx.requestMidasPayment);
var missing = wx.createImage();
missing.onerror = function (e) { console.log('onerror', e.errMsg); };
missing.onload = function () { console.log('unexpected onload'); };
missing.src = 'images/nope.png';
var remote = wx.createImage();
remote.onerror = function (e) { console.log('onerror', e.errMsg); };
remote.src = 'ftp://example.com/a.png';
setTimeout(function () {
  console.log('later', wx.getPerformance().now().toFixed(3), Date.now() % 100000);
  wx.exitMiniProgram();
}, 100);
