function show(name) {
  return function (e) {
    var t = e.changedTouches[0];
    console.log(name + ' id=' + t.identifier + ' x=' + t.clientX + ' y=' + t.clientY +
      ' touches=' + e.touches.length + ' ts=' + e.timeStamp.toFixed(1));
  };
}
wx.onTouchStart(show('start'));
wx.onTouchMove(show('move'));
wx.onTouchEnd(show('end'));
wx.onTouchCancel(show('cancel'));
var removed = show('never');
wx.onTouchStart(removed);
wx.offTouchStart(removed);
