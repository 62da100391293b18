// Counts its runs in local storage.
var runs = wx.getStorageSync('runs') || 0;
wx.setStorageSync('runs', runs + 1);
wx.setStorage({ key: 'last', data: { runs: runs + 1 }, success: function (r) {
  console.log('run ' + (runs + 1) + ' ' + r.errMsg + ' keys ' + wx.getStorageInfoSync().keys.join(','));
  wx.exitMiniProgram();
} });
