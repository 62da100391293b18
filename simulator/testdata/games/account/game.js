// Walks through login, settings, authorization, privacy and sharing, one
// step after another, printing each answer.
function show(tag) {
  return function (r) { console.log(tag, r.errMsg); };
}
wx.login().then(function (r) {
  console.log('login', r.code);
  return wx.getSetting();
}).then(function (r) {
  console.log('before', JSON.stringify(r.authSetting));
  return new Promise(function (resolve) { wx.authorize({scope: 'scope.werun', complete: function (r) { console.log(r.errMsg); resolve(); }}); });
}).then(function () {
  return new Promise(function (resolve) { wx.getUserInfo({complete: function (r) { console.log('user', r.errMsg, r.userInfo && r.userInfo.nickName); resolve(); }}); });
}).then(function () {
  return wx.getPrivacySetting();
}).then(function (r) {
  console.log('privacy needed', r.needAuthorization);
  wx.shareAppMessage({title: 'Beat Alice', imageUrl: 'share.png', query: 'from=alice'});
  return wx.getSetting();
}).then(function (r) {
  console.log('after', JSON.stringify(r.authSetting));
});
