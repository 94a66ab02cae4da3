package testenv

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/store/sqlite"
)

// SQLite opens a store in a new file under t's temporary directory and
// closes it when t and its subtests have finished.
func SQLite(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "incognito.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Sealer is a sealer with a fresh random key.
func Sealer(t testing.TB) *secret.Sealer {
	t.Helper()
	sealer, err := secret.New(secret.NewKey())
	if err != nil {
		t.Fatal(err)
	}
	return sealer
}

// JWKSKids returns the kids of a JWKS document, sorted.
func JWKSKids(t testing.TB, doc []byte) []string {
	t.Helper()
	var jwks struct {
		Keys []struct {
			Kid string `json:"kid"`
		} `json:"keys"`
	}
	if err := json.Unmarshal(doc, &jwks); err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(jwks.Keys))
	for _, k := range jwks.Keys {
		out = append(out, k.Kid)
	}
	return slices.Sorted(slices.Values(out))
}

// Clock is a settable time source, safe for concurrent use, for services
// that take a Now function.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock is a Clock showing t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}
