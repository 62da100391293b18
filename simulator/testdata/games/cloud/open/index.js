function list(r) {
  return r.data.map(function (u) { return u.nickname + '=' + u.KVDataList[0].value; }).join(',');
}
wx.onMessage(function () {
  wx.getFriendCloudStorage({
    keyList: ['score'],
    success: function (r) {
      console.log('friends ' + list(r));
      wx.getGroupCloudStorage({
        shareTicket: 'tk_team', keyList: ['score'],
        success: function (g) { console.log('team ' + list(g)); }
      });
    },
    fail: function (r) { console.log(r.errMsg); }
  });
});
