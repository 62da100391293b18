// --query score=N writes the player's score, says "saved" in the success
// callback, then has the open data domain watch the friends' scores.
var q = wx.getLaunchOptionsSync().query;
var open = wx.getOpenDataContext();
if (q.score) {
  wx.setUserCloudStorage({
    KVDataList: [{key: 'score', value: q.score}],
    success: function () {
      console.log('saved');
      open.postMessage({watch: true});
    },
    fail: function (r) { console.log('failed', r.errMsg); }
  });
} else {
  open.postMessage({watch: false});
}
