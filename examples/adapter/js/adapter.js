// A small weapp-adapter: the browser globals that web-style game code
// expects (window, document, Image, Audio, XMLHttpRequest, localStorage),
// built on the platform's APIs, as the official template's adapter does.
// Written for this example; it covers what the example uses, and a little
// more, not the whole DOM.
var api = typeof tt !== 'undefined' ? tt : wx;
var info = api.getSystemInfoSync();
var screenCanvas = api.createCanvas();

function EventTarget() { this._listeners = {}; }
EventTarget.prototype.addEventListener = function (type, fn) {
  (this._listeners[type] = this._listeners[type] || []).push(fn);
};
EventTarget.prototype.removeEventListener = function (type, fn) {
  var ls = this._listeners[type] || [];
  var i = ls.indexOf(fn);
  if (i >= 0) ls.splice(i, 1);
};
EventTarget.prototype.dispatchEvent = function (ev) {
  ev.target = this;
  var handler = this['on' + ev.type];
  if (typeof handler === 'function') handler.call(this, ev);
  (this._listeners[ev.type] || []).slice().forEach(function (fn) { fn.call(this, ev); }, this);
};

// Audio: an HTMLAudioElement over an InnerAudioContext.
function Audio(src) {
  EventTarget.call(this);
  var self = this;
  var ctx = this._ctx = api.createInnerAudioContext();
  ['canplay', 'play', 'pause', 'ended', 'error', 'timeupdate', 'waiting', 'seeked'].forEach(function (type) {
    var on = 'on' + type.charAt(0).toUpperCase() + type.slice(1);
    if (type === 'canplay') on = 'onCanplay';
    if (type === 'timeupdate') on = 'onTimeUpdate';
    ctx[on](function (r) { self.dispatchEvent({type: type, detail: r}); });
  });
  if (src) this.src = src;
}
Audio.prototype = Object.create(EventTarget.prototype);
['src', 'loop', 'volume', 'currentTime', 'autoplay'].forEach(function (k) {
  Object.defineProperty(Audio.prototype, k, {
    get: function () { return this._ctx[k]; },
    set: function (v) { if (k === 'currentTime') this._ctx.seek(v); else this._ctx[k] = v; }
  });
});
['duration', 'paused'].forEach(function (k) {
  Object.defineProperty(Audio.prototype, k, {get: function () { return this._ctx[k]; }});
});
Audio.prototype.play = function () { this._ctx.play(); };
Audio.prototype.pause = function () { this._ctx.pause(); };
Audio.prototype.load = function () {};

// XMLHttpRequest over request.
function XMLHttpRequest() {
  EventTarget.call(this);
  this.readyState = 0;
  this.status = 0;
  this.responseType = '';
  this.response = null;
  this.responseText = '';
  this._headers = {};
}
XMLHttpRequest.prototype = Object.create(EventTarget.prototype);
XMLHttpRequest.prototype.open = function (method, url) {
  this._method = method;
  this._url = url;
  this._setState(1);
};
XMLHttpRequest.prototype.setRequestHeader = function (k, v) { this._headers[k] = v; };
XMLHttpRequest.prototype.getAllResponseHeaders = function () {
  var h = this._responseHeaders || {};
  return Object.keys(h).map(function (k) { return k + ': ' + h[k]; }).join('\r\n');
};
XMLHttpRequest.prototype._setState = function (n) {
  this.readyState = n;
  this.dispatchEvent({type: 'readystatechange'});
};
XMLHttpRequest.prototype.send = function (body) {
  var self = this;
  this._task = api.request({
    url: this._url, method: this._method, header: this._headers, data: body,
    dataType: 'text', responseType: this.responseType === 'arraybuffer' ? 'arraybuffer' : 'text',
    success: function (r) {
      self.status = r.statusCode;
      self._responseHeaders = r.header;
      self.response = r.data;
      if (typeof r.data === 'string') self.responseText = r.data;
      self._setState(4);
      self.dispatchEvent({type: 'load'});
      self.dispatchEvent({type: 'loadend'});
    },
    fail: function (r) {
      self._setState(4);
      self.dispatchEvent({type: 'error', message: r.errMsg});
      self.dispatchEvent({type: 'loadend'});
    }
  });
};
XMLHttpRequest.prototype.abort = function () { if (this._task) this._task.abort(); };

// localStorage over the storage APIs (strings, as in a browser).
var localStorage = {
  getItem: function (k) { var v = api.getStorageSync(k); return v === '' ? null : String(v); },
  setItem: function (k, v) { api.setStorageSync(k, String(v)); },
  removeItem: function (k) { api.removeStorageSync(k); },
  clear: function () { api.clearStorageSync(); },
  key: function (i) { return api.getStorageInfoSync().keys[i] || null; }
};
Object.defineProperty(localStorage, 'length', {get: function () { return api.getStorageInfoSync().keys.length; }});

var document = {
  createElement: function (tag) {
    if (tag === 'canvas') return api.createCanvas();
    if (tag === 'img') return api.createImage();
    if (tag === 'audio') return new Audio();
    throw new Error('adapter: document.createElement(' + JSON.stringify(tag) + ') is not supported');
  },
  getElementById: function () { return screenCanvas; }
};

var window = globalThis;
window.window = window;
window.innerWidth = info.windowWidth;
window.innerHeight = info.windowHeight;
window.devicePixelRatio = info.pixelRatio;
window.canvas = screenCanvas;
window.document = document;
window.Audio = Audio;
window.XMLHttpRequest = XMLHttpRequest;
window.localStorage = localStorage;
window.navigator = {userAgent: 'minigame ' + info.platform, language: info.language};
window.Image = function () { return api.createImage(); };
window.performance = api.getPerformance();
