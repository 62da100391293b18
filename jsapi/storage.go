package jsapi

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// KV is one scope of the persistent store (package store), as local
// storage uses it: this app's and this player's keys.
type KV interface {
	Put(key string, value []byte) error
	Get(key string) (value []byte, ok bool, err error)
	Delete(keys ...string) error
	Keys() ([]string, error)
	Clear() error
	Size() (bytes int, err error)
}

// The platform's local storage limits.
const (
	storageItemLimit  = 1 << 20  // one key's data
	storageTotalLimit = 10 << 20 // everything
)

// errStorageFull and friends carry the platform's failure reasons.
var (
	errItemTooLarge = errors.New("exceed storage item max length")
	errStorageFull  = errors.New("exceed storage max size 10Mb")
	errNotFound     = errors.New("data not found")
)

// installStorage adds setStorage, getStorage, removeStorage, clearStorage
// and getStorageInfo, each sync and async. The store opens on first use.
func (a *API) installStorage() {
	kv := func() (KV, error) {
		s, err := a.host.LocalStorage()
		if err != nil {
			return nil, fmt.Errorf("the store cannot be opened: %v", err)
		}
		return s, nil
	}
	key := func(v goja.Value, method string) string {
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			panic(a.vm.NewTypeError("%s: key must be a string", a.apiName(method)))
		}
		return v.String()
	}

	set := func(k string, data goja.Value) error {
		encoded, err := a.encodeStored(data)
		if err != nil {
			return err
		}
		if len(encoded)+len(k) > storageItemLimit {
			return errItemTooLarge
		}
		s, err := kv()
		if err != nil {
			return err
		}
		size, err := s.Size()
		if err != nil {
			return err
		}
		if old, ok, _ := s.Get(k); ok {
			size -= len(k) + len(old)
		}
		if size+len(k)+len(encoded) > storageTotalLimit {
			return errStorageFull
		}
		return s.Put(k, encoded) // durable before success runs
	}
	get := func(k string) (goja.Value, error) {
		s, err := kv()
		if err != nil {
			return nil, err
		}
		raw, ok, err := s.Get(k)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, errNotFound
		}
		return a.decodeStored(raw)
	}
	remove := func(k string) error {
		s, err := kv()
		if err != nil {
			return err
		}
		return s.Delete(k)
	}
	clearAll := func() error {
		s, err := kv()
		if err != nil {
			return err
		}
		return s.Clear()
	}
	info := func() (*goja.Object, error) {
		s, err := kv()
		if err != nil {
			return nil, err
		}
		keys, err := s.Keys()
		if err != nil {
			return nil, err
		}
		size, err := s.Size()
		if err != nil {
			return nil, err
		}
		list := make([]any, len(keys))
		for i, k := range keys {
			list[i] = k
		}
		return a.object("keys", a.vm.NewArray(list...), "currentSize", (size+1023)/1024, "limitSize", storageTotalLimit/1024), nil
	}

	// The sync forms throw on failure; the async ones report to fail.
	syncFail := func(method string, err error) {
		if err != nil {
			panic(a.vm.NewGoError(fmt.Errorf("%s:fail %v", method, err)))
		}
	}
	a.set("setStorageSync", func(c goja.FunctionCall) goja.Value {
		syncFail("setStorageSync", set(key(c.Argument(0), "setStorageSync"), c.Argument(1)))
		return goja.Undefined()
	})
	a.set("getStorageSync", func(c goja.FunctionCall) goja.Value {
		v, err := get(key(c.Argument(0), "getStorageSync"))
		if errors.Is(err, errNotFound) {
			return a.vm.ToValue("") // the platform returns "" for a missing key
		}
		syncFail("getStorageSync", err)
		return v
	})
	a.set("removeStorageSync", func(c goja.FunctionCall) goja.Value {
		syncFail("removeStorageSync", remove(key(c.Argument(0), "removeStorageSync")))
		return goja.Undefined()
	})
	a.set("clearStorageSync", func(goja.FunctionCall) goja.Value {
		syncFail("clearStorageSync", clearAll())
		return goja.Undefined()
	})
	a.set("getStorageInfoSync", func(goja.FunctionCall) goja.Value {
		o, err := info()
		syncFail("getStorageInfoSync", err)
		return o
	})

	async := func(name string, run func(opts *goja.Object) (*goja.Object, error)) {
		a.set(name, func(c goja.FunctionCall) goja.Value {
			opts, _ := c.Argument(0).(*goja.Object)
			return a.callback(name, opts, func(done func(*goja.Object, string)) {
				res, err := run(opts)
				if err != nil {
					done(nil, err.Error())
					return
				}
				done(res, "")
			})
		})
	}
	optKey := func(opts *goja.Object) (string, error) {
		if opts == nil {
			return "", errors.New("parameter.key should be String instead of Undefined")
		}
		v := prop(opts, "key")
		if goja.IsUndefined(v) || goja.IsNull(v) {
			return "", errors.New("parameter.key should be String instead of Undefined")
		}
		return v.String(), nil
	}
	async("setStorage", func(o *goja.Object) (*goja.Object, error) {
		k, err := optKey(o)
		if err != nil {
			return nil, err
		}
		return nil, set(k, prop(o, "data"))
	})
	async("getStorage", func(o *goja.Object) (*goja.Object, error) {
		k, err := optKey(o)
		if err != nil {
			return nil, err
		}
		v, err := get(k)
		if err != nil {
			return nil, err
		}
		return a.object("data", v), nil
	})
	async("removeStorage", func(o *goja.Object) (*goja.Object, error) {
		k, err := optKey(o)
		if err != nil {
			return nil, err
		}
		return nil, remove(k)
	})
	async("clearStorage", func(*goja.Object) (*goja.Object, error) { return nil, clearAll() })
	async("getStorageInfo", func(*goja.Object) (*goja.Object, error) { return info() })
}

// encodeStored keeps what JSON can say (objects, arrays, strings, numbers,
// booleans, null), as the platform stores it.
func (a *API) encodeStored(v goja.Value) ([]byte, error) {
	if v == nil || goja.IsUndefined(v) {
		return nil, errors.New("data cannot be undefined")
	}
	s, err := a.stringifyJSON(v)
	if err != nil {
		return nil, fmt.Errorf("data cannot be stored: %v", err)
	}
	if s == "undefined" {
		return nil, errors.New("data cannot be stored: only values JSON can represent are supported")
	}
	return []byte(s), nil
}

func (a *API) decodeStored(raw []byte) (goja.Value, error) {
	v, err := a.parseJSON(string(raw))
	if err != nil {
		return nil, fmt.Errorf("stored data is unreadable: %v", err)
	}
	return v, nil
}
