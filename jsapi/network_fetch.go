package jsapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// fetchTimeout bounds a resource's download (a sound or an image), as the
// platforms' network APIs time out after 60 s by default.
const fetchTimeout = 60 * time.Second

// fetchFunc downloads one URL into memory (off the loop).
type fetchFunc func(url string) ([]byte, error)

// fetcher downloads resources for other APIs (InnerAudioContext's src,
// an image's src) with the network's client and under its context, so
// closing the domain cancels them as it does transfers. It is made on the
// loop, where the simulated connection is read: offline, every fetch
// fails. referer, when set, goes with the request; limit bounds the size.
func (n *network) fetcher(referer string, limit int64) fetchFunc {
	ctx, client, offline := n.ctx, n.client, n.a.offline()
	return func(url string) ([]byte, error) {
		if offline {
			return nil, errOffline
		}
		return fetch(ctx, client, url, referer, limit)
	}
}

func fetch(ctx context.Context, client *http.Client, url, referer string, limit int64) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %v", err)
	}
	if referer != "" {
		req.Header.Set("Referer", referer)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("%s answered %s", url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is over %d MB", url, limit>>20)
	}
	return data, nil
}
