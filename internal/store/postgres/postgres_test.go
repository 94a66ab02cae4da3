package postgres

import (
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
	"github.com/incognito-idp/incognito/internal/store/storetest"
)

// open opens a store on url and closes it when t ends.
func open(t testing.TB, url string) *Store {
	t.Helper()
	s, err := Open(t.Context(), url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestConformance runs the suite against one fresh database; every case
// opens its own pool of connections to it.
func TestConformance(t *testing.T) {
	url := pgtest.URL(t)
	storetest.Run(t, func(t *testing.T) store.Store { return open(t, url) })
}
