package audio

import (
	"fmt"
	"sync"
)

// Cache keeps decoded clips by key (a file and its version, a URL), so a
// game that makes a new audio context for every shot decodes the sound
// once. Concurrent loads of one key wait for the first; failures are not
// kept. Clips used least recently go once the total passes the limit.
// It is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	limit   int // bytes of samples
	used    int
	clock   uint64
	entries map[string]*cacheEntry
}

type cacheEntry struct {
	done chan struct{} // closed once clip or err is set
	clip *Clip
	err  error
	used uint64 // the clock at the last Get
}

// NewCache makes a cache holding up to limit bytes of samples.
func NewCache(limit int) *Cache {
	return &Cache{limit: limit, entries: map[string]*cacheEntry{}}
}

// Get returns the clip for key, calling load when no one has it or is
// loading it.
func (c *Cache) Get(key string, load func() (*Clip, error)) (*Clip, error) {
	c.mu.Lock()
	c.clock++
	if e, ok := c.entries[key]; ok {
		e.used = c.clock
		c.mu.Unlock()
		<-e.done
		return e.clip, e.err
	}
	e := &cacheEntry{done: make(chan struct{}), used: c.clock}
	c.entries[key] = e
	c.mu.Unlock()

	clip, err := safeLoad(load)

	c.mu.Lock()
	defer c.mu.Unlock()
	e.clip, e.err = clip, err
	close(e.done)
	if err != nil || clip == nil {
		delete(c.entries, key) // the next Get tries again
		return clip, err
	}
	c.used += clip.Bytes()
	c.evictLocked(key)
	return clip, nil
}

// safeLoad calls load, turning a panic into an error so that waiters are
// always released.
func safeLoad(load func() (*Clip, error)) (clip *Clip, err error) {
	defer func() {
		if r := recover(); r != nil {
			clip, err = nil, &FormatError{Msg: fmt.Sprintf("loading failed: internal error: %v", r)}
		}
	}()
	return load()
}

// Len counts the clips kept.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, e := range c.entries {
		if e.clip != nil {
			n++
		}
	}
	return n
}

// evictLocked drops the least recently used finished clips, except keep,
// until the total fits the limit.
func (c *Cache) evictLocked(keep string) {
	for c.used > c.limit {
		var oldest string
		var at uint64
		for k, e := range c.entries {
			if k == keep || e.clip == nil {
				continue
			}
			if oldest == "" || e.used < at {
				oldest, at = k, e.used
			}
		}
		if oldest == "" {
			return // only keep is left: one clip larger than the limit stays
		}
		c.used -= c.entries[oldest].clip.Bytes()
		delete(c.entries, oldest)
	}
}
