function list(r) {
  return r.data.map(function (u) { return u.nickname + '=' + u.KVDataList[0].value; }).join(',');
}
wx.onMessage(function (m) {
  wx.getFriendCloudStorage({
    keyList: ['score'],
    success: function (r) {
      console.log('friends ' + list(r));
      r.data.forEach(function (u) {
        if (!u.avatarUrl) return;
        var img = wx.createImage();
        img.onload = function () { console.log('avatar ' + u.nickname + ' ' + img.width + 'x' + img.height); };
        img.onerror = function (e) { console.log('avatar failed ' + u.avatarUrl + ' ' + JSON.stringify(e)); };
        img.src = u.avatarUrl;
      });
      if (!m.shareTicket) return;
      wx.getGroupCloudStorage({
        shareTicket: m.shareTicket, keyList: ['score'],
        success: function (g) { console.log('team ' + list(g)); }
      });
    },
    fail: function (r) { console.log(r.errMsg); }
  });
});
