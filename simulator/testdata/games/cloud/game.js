// Writes the launch query's score to cloud storage, then asks the open
// data domain to list the friends' scores, and the group's when the game
// was opened from a group's share card.
var launch = wx.getLaunchOptionsSync();
var score = launch.query.score;
wx.setUserCloudStorage({
  KVDataList: [{ key: 'score', value: score }],
  success: function (r) {
    console.log(r.errMsg);
    console.log('scene', launch.scene);
    wx.getOpenDataContext().postMessage({ show: true, shareTicket: launch.shareTicket || '' });
  },
  fail: function (r) { console.log(r.errMsg); }
});
