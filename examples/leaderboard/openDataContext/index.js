// The open data domain: it alone sees the friends' data, and shows it only
// as pixels on the shared canvas.
var shared = wx.getSharedCanvas();
var ctx = shared.getContext('2d');

function roundRect(x, y, w, h, r) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

var COLORS = ['#66ccff', '#ff8899', '#99ee88', '#cc99ff', '#ffaa55', '#55ddcc'];

// rows turns getFriendCloudStorage's answer into ranking rows; friends
// who never stored a score are not players and are not in it.
function rows(data) {
  return data.map(function (u, i) {
    var kv = {};
    u.KVDataList.forEach(function (p) { kv[p.key] = p.value; });
    return { nickname: u.nickname, score: Number(kv.score) || 0, color: COLORS[i % COLORS.length] };
  });
}

function draw(list, dpr) {
  list.sort(function (a, b) { return b.score - a.score; });
  var w = shared.width / dpr, h = shared.height / dpr;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = 'rgba(10, 14, 40, 0.92)';
  roundRect(0, 0, w, h, 18);
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.font = 'bold 20px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText('Friends ranking', w / 2, 34);
  var rowH = 44;
  list.slice(0, 7).forEach(function (f, i) {
    var y = 56 + i * rowH;
    ctx.fillStyle = i < 3 ? ['#ffd700', '#c0c0c0', '#cd7f32'][i] : '#8899bb';
    ctx.textAlign = 'left';
    ctx.font = 'bold 18px sans-serif';
    ctx.fillText(String(i + 1), 22, y + 26);
    // An avatar: a disc with the initial (the default mock world's users
    // have no avatar images).
    ctx.fillStyle = f.color;
    ctx.beginPath();
    ctx.arc(64, y + 19, 15, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#10142a';
    ctx.textAlign = 'center';
    ctx.font = 'bold 15px sans-serif';
    ctx.fillText(f.nickname.charAt(0), 64, y + 24);
    ctx.fillStyle = '#fff';
    ctx.textAlign = 'left';
    ctx.font = '17px sans-serif';
    ctx.fillText(f.nickname, 90, y + 25);
    ctx.textAlign = 'right';
    ctx.fillText(String(f.score), w - 22, y + 25);
  });
  console.log('drew the ranking of ' + list.length + ' players');
}

wx.onMessage(function (msg) {
  if (msg.type !== 'ranking') return;
  wx.getFriendCloudStorage({
    keyList: ['score'],
    success: function (r) { draw(rows(r.data), msg.dpr || 1); },
    fail: function (r) { console.error('ranking: ' + r.errMsg); },
  });
});
