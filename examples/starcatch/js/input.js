// Touch input (CommonJS, module.exports = class). Loaded with a bare,
// root-relative path: require('js/input.js').
//
// One finger at a time steers the basket: the first touch down becomes the
// "drag" touch; if it lifts while others are still down, the next one takes
// over. Every touch start is also reported as a press (for buttons and
// "tap to start").

class Input {
  constructor() {
    this.dragId = null; // identifier of the steering touch
    this.x = null; // its latest clientX, or null when no finger is down
    this.onPress = null; // function (x, y)
    this.onDragStart = null; // function (x)

    wx.onTouchStart((e) => this.start(e));
    wx.onTouchMove((e) => this.move(e));
    wx.onTouchEnd((e) => this.end(e));
    wx.onTouchCancel((e) => this.end(e));
  }

  start(e) {
    const changed = (e && e.changedTouches) || [];
    for (const t of changed) {
      const dragStart = this.dragId === null;
      if (dragStart) {
        this.dragId = t.identifier;
        this.x = t.clientX;
        if (this.onDragStart) this.onDragStart(t.clientX);
      }
      if (this.onPress) this.onPress(t.clientX, t.clientY);
    }
  }

  move(e) {
    if (this.dragId === null) return;
    const list = (e && (e.changedTouches || e.touches)) || [];
    for (const t of list) {
      if (t.identifier === this.dragId) this.x = t.clientX;
    }
  }

  end(e) {
    if (this.dragId === null) return;
    const changed = (e && e.changedTouches) || [];
    if (!changed.some((t) => t.identifier === this.dragId)) return;
    // Hand the basket to a finger that is still down, if any.
    const rest = ((e && e.touches) || []).filter((t) => t.identifier !== this.dragId);
    if (rest.length > 0) {
      this.dragId = rest[0].identifier;
      this.x = rest[0].clientX;
      if (this.onDragStart) this.onDragStart(this.x);
    } else {
      this.reset();
    }
  }

  reset() {
    this.dragId = null;
    this.x = null;
  }
}

module.exports = Input;
