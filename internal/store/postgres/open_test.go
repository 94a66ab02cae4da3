package postgres

import (
	"sync"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/migration"
	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
)

// TestConcurrentOpen starts several "replicas" on one new database at once:
// the advisory lock makes them take turns, so every Open succeeds and each
// migration is applied once.
func TestConcurrentOpen(t *testing.T) {
	url := pgtest.URL(t)
	var wg sync.WaitGroup
	stores := make([]*Store, 6)
	errs := make([]error, len(stores))
	for i := range stores {
		wg.Go(func() { stores[i], errs[i] = Open(t.Context(), url) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Open %d: %v", i, err)
		}
		defer stores[i].Close()
	}
	var n int
	want, _ := migration.Load(migrationFiles, "migrations")
	if err := stores[0].pool.QueryRow(t.Context(), "SELECT count(*) FROM schema_migrations").Scan(&n); err != nil || n != len(want) {
		t.Fatalf("schema_migrations has %d rows (%v), want %d", n, err, len(want))
	}
	if err := stores[1].CreatePool(t.Context(), store.PoolRecord{ID: "p"}); err != nil {
		t.Fatal(err)
	}
	if _, err := stores[2].GetPool(t.Context(), "p"); err != nil {
		t.Fatal(err)
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct{ name, url string }{
		{"malformed", "postgres://%zz"},
		{"nothing listening", "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if s, err := Open(t.Context(), tc.url); err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
		})
	}
}
