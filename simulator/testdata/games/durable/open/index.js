var seen = {};
function look() {
  wx.getFriendCloudStorage({keyList: ['score'], success: function (r) {
    r.data.forEach(function (p) {
      var line = p.nickname + '=' + (p.KVDataList[0] ? p.KVDataList[0].value : '-');
      if (!seen[line]) {
        seen[line] = true;
        console.log('saw', line);
      }
    });
  }});
}
wx.onMessage(function (m) {
  look();
  if (m.watch) setInterval(look, 100);
});
