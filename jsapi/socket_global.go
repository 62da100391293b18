package jsapi

import "github.com/dop251/goja"

// installGlobalSocket adds WeChat's older socket API, still documented for
// mini games: it acts on the latest socket connectSocket made (the
// platform warns that with several sockets it may not be the one meant).
// TikTok documents only SocketTask.
func (a *API) installGlobalSocket() {
	defineListeners(a.vm, a.obj, "wx", a.listeners, "onSocketOpen", "onSocketMessage", "onSocketError", "onSocketClose")
	a.setPending(sendName, func(o *goja.Object, done func(*goja.Object, string)) {
		if s := a.net.current; s != nil {
			s.send(o, done)
			return
		}
		done(nil, "WebSocket is not connected: call wx.connectSocket first")
	})
	a.setPending(closeName, func(o *goja.Object, done func(*goja.Object, string)) {
		if s := a.net.current; s != nil {
			s.close(o, done)
			return
		}
		done(nil, "WebSocket is not connected: call wx.connectSocket first")
	})
}
