package testenv

import (
	"context"
	"path/filepath"
	"testing"

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
