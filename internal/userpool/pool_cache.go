package userpool

import (
	"bytes"
	"sync"

	"github.com/incognito-idp/incognito/internal/store"
)

// poolCache keeps each pool's decoded settings next to the stored row they
// came from. GetPool still reads the row on every call, so a change made by
// this process or by another replica is seen at once; only the JSON
// decoding, which profiles of GetUser and sign-in put at 3-18% of the
// server's CPU, is skipped while the row is unchanged.
type poolCache struct {
	mu sync.RWMutex
	m  map[string]cachedPool
}

type cachedPool struct {
	rec  store.PoolRecord
	pool *Pool
}

// get returns a copy of the pool decoded from a row equal to r, if any.
// The copy is shallow: callers may set its fields but must not modify the
// slices and maps it shares with the cached value (no caller does; pools
// are changed only through updatePool, which decodes its own).
func (c *poolCache) get(r store.PoolRecord) (*Pool, bool) {
	c.mu.RLock()
	e, ok := c.m[r.ID]
	c.mu.RUnlock()
	if !ok || !sameRow(e.rec, r) {
		return nil, false
	}
	cp := *e.pool
	return &cp, true
}

// put remembers p as decoded from r and returns a copy of it.
func (c *poolCache) put(r store.PoolRecord, p *Pool) *Pool {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]cachedPool{}
	}
	c.m[r.ID] = cachedPool{rec: r, pool: p}
	c.mu.Unlock()
	cp := *p
	return &cp
}

// forget drops a pool that no longer exists.
func (c *poolCache) forget(id string) {
	c.mu.Lock()
	delete(c.m, id)
	c.mu.Unlock()
}

func sameRow(a, b store.PoolRecord) bool {
	return a.Name == b.Name && a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt) &&
		bytes.Equal(a.Data, b.Data)
}
