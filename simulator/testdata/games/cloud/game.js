// Writes the launch query's score to cloud storage, then asks the open
// data domain to list the friends' and the team's scores.
var score = wx.getLaunchOptionsSync().query.score;
wx.setUserCloudStorage({
  KVDataList: [{ key: 'score', value: score }],
  success: function (r) {
    console.log(r.errMsg);
    wx.getOpenDataContext().postMessage({ show: true });
  },
  fail: function (r) { console.log(r.errMsg); }
});
