package simulator

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/minisim/minisim/mock"
	"github.com/minisim/minisim/store"
)

// benchWorld is a mock world of o_me and n friends, each with a seeded
// score.
func benchWorld(b *testing.B, n int) *mock.World {
	b.Helper()
	users := map[string]any{"o_me": map[string]string{"nickName": "Me"}}
	var friends []string
	seed := map[string]any{"o_me": map[string]string{"score": "0"}}
	for i := range n {
		id := fmt.Sprintf("o_f%02d", i)
		users[id] = map[string]string{"nickName": id}
		friends = append(friends, id)
		seed[id] = map[string]string{"score": fmt.Sprint(i), "level": "3"}
	}
	raw, err := json.Marshal(map[string]any{"appId": "wx_bench", "me": "o_me", "users": users,
		"friends": map[string]any{"o_me": friends}, "cloudStorage": seed})
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(b.TempDir(), "mock.json")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	w, err := mock.Load(file)
	if err != nil {
		b.Fatal(err)
	}
	return w
}

func benchCloud(b *testing.B, w *mock.World) *cloud {
	b.Helper()
	st, err := store.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return &cloud{st: st, app: w.AppID, world: w}
}

// BenchmarkFriendCloudStorage50 reads what getFriendCloudStorage reads:
// the player's and 50 friends' cloud storage.
func BenchmarkFriendCloudStorage50(b *testing.B) {
	c := benchCloud(b, benchWorld(b, 50))
	if err := c.seed(); err != nil {
		b.Fatal(err)
	}
	ids := []string{c.world.Me}
	for _, f := range c.Friends() {
		ids = append(ids, f.OpenID)
	}
	b.ResetTimer()
	for range b.N {
		all, err := c.UsersKV(ids, []string{"score"})
		if err != nil {
			b.Fatal(err)
		}
		if len(all) != 51 {
			b.Fatalf("%d players, want 51", len(all))
		}
	}
}

// BenchmarkCloudSeed50 seeds 51 users into a new store (the first Cloud()).
func BenchmarkCloudSeed50(b *testing.B) {
	w := benchWorld(b, 50)
	for range b.N {
		b.StopTimer()
		c := benchCloud(b, w)
		b.StartTimer()
		if err := c.seed(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCloudReseed50 seeds 51 users already seeded (Cloud() after a
// reload).
func BenchmarkCloudReseed50(b *testing.B) {
	c := benchCloud(b, benchWorld(b, 50))
	if err := c.seed(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if err := c.seed(); err != nil {
			b.Fatal(err)
		}
	}
}
