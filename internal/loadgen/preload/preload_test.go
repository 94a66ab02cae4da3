package preload

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/app"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
	"github.com/incognito-idp/incognito/internal/userpool"
)

const password = "Load-Test-Pass-1!"

// backend is a store the way a server is configured for it, and the
// pre-loader pointed at the same store.
type backend struct {
	name  string
	setup func(t *testing.T) (config.Config, *Store)
}

var backends = []backend{
	{"sqlite", func(t *testing.T) (config.Config, *Store) {
		cfg := config.Defaults()
		cfg.DataDir = t.TempDir()
		// Naming the database file works as well as its directory.
		return cfg, &Store{DSN: "sqlite:" + cfg.DataDir + "/incognito.db", Workers: 3, BatchSize: 2}
	}},
	{"postgres", func(t *testing.T) (config.Config, *Store) {
		cfg := config.Defaults()
		cfg.DataDir = t.TempDir()
		cfg.DatabaseURL = pgtest.URL(t)
		cfg.MasterKey = base64.StdEncoding.EncodeToString(secret.NewKey())
		return cfg, &Store{DSN: cfg.DatabaseURL, MasterKey: cfg.MasterKey, Workers: 3, BatchSize: 2}
	}},
}

// server opens the store as the server would and creates a pool in it.
func server(t *testing.T, cfg config.Config, caseSensitive bool) (*app.App, string) {
	t.Helper()
	a, err := app.New(context.Background(), cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	name := "preload"
	pool, err := a.Pools.CreatePool(context.Background(), userpool.CreatePoolInput{PoolName: &name,
		UsernameConfiguration: &userpool.UsernameConfigurationInput{CaseSensitive: &caseSensitive}})
	if err != nil {
		t.Fatal(err)
	}
	return a, pool.ID
}

func names(prefix string) func(int) string {
	return func(i int) string { return fmt.Sprintf("%s%07d", prefix, i) }
}

// TestRowsMatchTheService compares a user written straight into the store
// with one the userpool service wrote, and signs both in.
func TestRowsMatchTheService(t *testing.T) {
	for _, b := range backends {
		for _, caseSensitive := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/case-sensitive=%v", b.name, caseSensitive), func(t *testing.T) {
				rowsMatch(t, b, caseSensitive)
			})
		}
	}
}

func rowsMatch(t *testing.T, b backend, caseSensitive bool) {
	ctx := context.Background()
	cfg, s := b.setup(t)
	a, poolID := server(t, cfg, caseSensitive)
	name := names("Load-User-")
	created, err := s.Preload(ctx, poolID, 0, 6, name, password)
	if err != nil {
		t.Fatal(err)
	}
	if created != 6 {
		t.Errorf("created %d users, want 6", created)
	}
	pool, err := a.Pools.GetPool(ctx, poolID)
	if err != nil {
		t.Fatal(err)
	}
	// User 0 went through the service, the others straight in.
	ref := row(t, a, pool, name(0))
	for i := 1; i < 6; i++ {
		got := row(t, a, pool, name(i))
		compare(t, ref, got)
		if !a.Pools.CheckPassword(got, password) || a.Pools.CheckPassword(got, password+"x") {
			t.Errorf("%s: the stored verifier does not check the password", got.Username)
		}
	}
	wantKey := strings.ToLower(name(3))
	if caseSensitive {
		wantKey = name(3)
	}
	if u := row(t, a, pool, name(3)); u.Key != wantKey || u.Username != name(3) {
		t.Errorf("key %q, username %q; want %q, %q", u.Key, u.Username, wantKey, name(3))
	}
	if n, err := a.Store.CountUsers(ctx, poolID); err != nil || n != 6 {
		t.Errorf("CountUsers = %d, %v", n, err)
	}

	// Again over the same and further users: only the new ones are
	// created, the old ones keep working (batches holding an existing user
	// are written a user at a time).
	created, err = s.Preload(ctx, poolID, 4, 4, name, password)
	if err != nil {
		t.Fatal(err)
	}
	if created != 2 {
		t.Errorf("second pre-load created %d users, want 2", created)
	}
	if u := row(t, a, pool, name(5)); !a.Pools.CheckPassword(u, password) {
		t.Error("an existing user's password no longer checks")
	}
}

// row reads a user back through the service, which opens the sealed state.
func row(t *testing.T, a *app.App, pool *userpool.Pool, username string) *userpool.User {
	t.Helper()
	u, err := a.Pools.FindUser(context.Background(), pool, username)
	if err != nil {
		t.Fatalf("%s: %v", username, err)
	}
	return u
}

// compare checks that got is shaped like the service-written ref: same
// status, enablement, attribute names, claims and private state but for
// the per-user values.
func compare(t *testing.T, ref, got *userpool.User) {
	t.Helper()
	if got.Status != ref.Status || got.Enabled != ref.Enabled || got.Status != userpool.StatusConfirmed {
		t.Errorf("%s: status %s enabled %v, service wrote %s %v", got.Username, got.Status, got.Enabled, ref.Status, ref.Enabled)
	}
	if got.Attributes["sub"] != got.Sub || !slices.Equal(keys(got.Attributes), keys(ref.Attributes)) {
		t.Errorf("%s: attributes %v, service wrote %v", got.Username, got.Attributes, ref.Attributes)
	}
	if got.CreatedAt.IsZero() || got.UpdatedAt.IsZero() || time.Since(got.CreatedAt) > time.Hour {
		t.Errorf("%s: times %v %v", got.Username, got.CreatedAt, got.UpdatedAt)
	}
	gp, rp := got.Private, ref.Private
	if len(gp.PasswordSalt) != len(rp.PasswordSalt) || len(gp.PasswordVerifier) != len(rp.PasswordVerifier) || gp.PasswordSetAt.IsZero() {
		t.Errorf("%s: salt %d bytes, verifier %d bytes; service wrote %d, %d", got.Username,
			len(gp.PasswordSalt), len(gp.PasswordVerifier), len(rp.PasswordSalt), len(rp.PasswordVerifier))
	}
	gp.PasswordSalt, gp.PasswordVerifier, gp.PasswordSetAt = nil, nil, time.Time{}
	rp.PasswordSalt, rp.PasswordVerifier, rp.PasswordSetAt = nil, nil, time.Time{}
	if !reflect.DeepEqual(gp, rp) {
		t.Errorf("%s: private state %+v, service wrote %+v", got.Username, gp, rp)
	}
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestPreloadRefuses(t *testing.T) {
	cfg, _ := backends[0].setup(t)
	_, poolID := server(t, cfg, false)
	dir := cfg.DataDir
	tests := []struct {
		name     string
		store    Store
		poolID   string
		password string
		want     string
	}{
		{"weak password: the pool's policy applies", Store{DSN: "sqlite:" + dir}, poolID, "short", "InvalidPasswordException"},
		{"unknown pool", Store{DSN: "sqlite:" + dir}, "us-east-1_Nope", password, "us-east-1_Nope"},
		{"not a data directory", Store{DSN: "sqlite:" + t.TempDir()}, poolID, password, "no Incognito database"},
		{"no store kind", Store{DSN: "mysql://x"}, poolID, password, "want sqlite:"},
		{"postgres without key", Store{DSN: "postgres://u:secret@127.0.0.1/db"}, poolID, password, "master key"},
		{"bad master key", Store{DSN: "sqlite:" + dir, MasterKey: "not-base64!"}, poolID, password, "master key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.store.Log = io.Discard
			_, err := tc.store.Preload(context.Background(), tc.poolID, 0, 3, names("u-"), tc.password)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			if err != nil && strings.Contains(err.Error(), "secret@") {
				t.Errorf("error shows the database password: %v", err)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	d := (&Store{DSN: "postgres://incognito:hunter2@db/incognito", Workers: 4}).Describe()
	if !strings.Contains(d, "Incognito-only") || !strings.Contains(d, "PostgreSQL") || strings.Contains(d, "hunter2") ||
		!strings.Contains(d, fmt.Sprintf("batches of %d", DefaultBatchSize)) ||
		!strings.Contains(d, "postgres://incognito:***@db/incognito") {
		t.Errorf("Describe() = %q", d)
	}
}
