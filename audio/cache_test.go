package audio

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestCacheLoadsOnceForConcurrentGets(t *testing.T) {
	c := NewCache(1 << 20)
	var loads atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	clips := make([]*Clip, 8)
	for i := range clips {
		wg.Add(1)
		go func() {
			defer wg.Done()
			clips[i], _ = c.Get("a.mp3", func() (*Clip, error) {
				loads.Add(1)
				<-release
				return constClip(10, 1), nil
			})
		}()
	}
	close(release)
	wg.Wait()
	if loads.Load() != 1 {
		t.Fatalf("loaded %d times", loads.Load())
	}
	for _, clip := range clips {
		if clip != clips[0] || clip == nil {
			t.Fatal("the waiters got different clips")
		}
	}
}

func TestCacheForgetsFailures(t *testing.T) {
	c := NewCache(1 << 20)
	fail := errors.New("offline")
	if _, err := c.Get("u", func() (*Clip, error) { return nil, fail }); err != fail {
		t.Fatalf("err %v", err)
	}
	clip, err := c.Get("u", func() (*Clip, error) { return constClip(1, 0), nil })
	if err != nil || clip == nil || c.Len() != 1 {
		t.Fatalf("retry: %v, %v, %d kept", clip, err, c.Len())
	}
	if _, err := c.Get("p", func() (*Clip, error) { panic("decoder bug") }); err == nil {
		t.Fatal("a panicking load gave no error")
	}
}

func TestCacheEvictsTheLeastRecentlyUsed(t *testing.T) {
	c := NewCache(2 * constClip(100, 0).Bytes())
	load := func() (*Clip, error) { return constClip(100, 0), nil }
	a, _ := c.Get("a", load)
	c.Get("b", load)
	c.Get("a", load) // a is now more recent than b
	c.Get("c", load) // over the limit: b goes
	if c.Len() != 2 {
		t.Fatalf("%d kept, want 2", c.Len())
	}
	if got, _ := c.Get("a", func() (*Clip, error) { t.Fatal("a was evicted"); return nil, nil }); got != a {
		t.Fatal("a changed")
	}
	reloaded := false
	c.Get("b", func() (*Clip, error) { reloaded = true; return constClip(100, 0), nil })
	if !reloaded {
		t.Fatal("b was kept over the limit")
	}
	big := NewCache(10)
	if clip, _ := big.Get("huge", load); clip == nil || big.Len() != 1 {
		t.Fatal("a clip over the limit must still be returned (and kept alone)")
	}
}
