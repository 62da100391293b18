// getWeRunData's cloudID read by a cloud function at once, then after the
// five minutes it is valid for.
wx.cloud.init({env: 'dev-1'});
wx.getWeRunData({success: function (r) {
  var id = r.cloudID;
  function ask(tag, data) {
    wx.cloud.callFunction({name: 'steps', data: data}).then(function (res) {
      console.log(tag, JSON.stringify(res.result));
    }, function (err) { console.log(tag, 'failed', err.errMsg); });
  }
  ask('fresh', {weRunData: wx.cloud.CloudID(id), a: 2, b: 3});
  setTimeout(function () { ask('late', {weRunData: wx.cloud.CloudID(id)}); }, 301000);
}});
