package storetest

import (
	"bytes"
	"crypto/rand"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// t0 is not in UTC and has sub-microsecond digits on purpose: backends must
// return times in UTC, with at least millisecond precision.
var t0 = time.Date(2024, 2, 29, 13, 14, 15, 123456789, time.FixedZone("UTC+2", 2*60*60))

// newID returns prefix followed by random characters, so cases sharing a
// database never collide.
func newID(prefix string) string { return prefix + rand.Text()[:12] }

// newPool creates a pool with a fresh ID and returns the ID.
func newPool(t testing.TB, s store.Store) string {
	t.Helper()
	id := newID("pool-")
	p := store.PoolRecord{ID: id, Name: "pool " + id, CreatedAt: t0, UpdatedAt: t0, Data: []byte(`{"pool":1}`)}
	if err := s.CreatePool(t.Context(), p); err != nil {
		t.Fatalf("CreatePool(%q): %v", id, err)
	}
	return id
}

// newUser builds a user of pool whose Username is key; attrs are name/value
// pairs. Its one claim is "sub:<sub>".
func newUser(pool, key string, attrs ...string) store.UserRecord {
	sub := "sub-" + key
	u := store.UserRecord{
		PoolID: pool, Key: key, Username: key, Sub: sub,
		Status: "CONFIRMED", Enabled: true,
		CreatedAt: t0, UpdatedAt: t0,
		Attributes: map[string]string{},
		Claims:     []string{"sub:" + sub},
		Data:       []byte("data of " + key),
	}
	for i := 0; i+1 < len(attrs); i += 2 {
		u.Attributes[attrs[i]] = attrs[i+1]
	}
	return u
}

func createUsers(t testing.TB, s store.Store, us ...store.UserRecord) {
	t.Helper()
	for _, u := range us {
		if err := s.CreateUser(t.Context(), u); err != nil {
			t.Fatalf("CreateUser(%q): %v", u.Key, err)
		}
	}
}

func mustGetUser(t *testing.T, s store.Store, pool, key string) store.UserRecord {
	t.Helper()
	u, err := s.GetUser(t.Context(), pool, key)
	if err != nil {
		t.Fatalf("GetUser(%q): %v", key, err)
	}
	return u
}

// wantErr fails unless errors.Is(err, target); target nil wants no error.
func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	switch {
	case target == nil && err != nil:
		t.Fatalf("%s: unexpected error %v", what, err)
	case target != nil && !errors.Is(err, target):
		t.Fatalf("%s: error %v, want %v", what, err, target)
	}
}

// sameTime checks a returned timestamp: in UTC and within a millisecond.
func sameTime(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if got.Location() != time.UTC {
		t.Errorf("%s: location %v, want UTC", what, got.Location())
	}
	if d := got.Sub(want); d <= -time.Millisecond || d >= time.Millisecond {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func sameUser(t *testing.T, got, want store.UserRecord) {
	t.Helper()
	if got.PoolID != want.PoolID || got.Key != want.Key || got.Username != want.Username ||
		got.Sub != want.Sub || got.Status != want.Status || got.Enabled != want.Enabled {
		t.Errorf("user fields:\n got %+v\nwant %+v", got, want)
	}
	if got.Attributes == nil {
		t.Errorf("user %q: Attributes is nil, want a map", got.Key)
	}
	if !maps.Equal(got.Attributes, want.Attributes) && (len(got.Attributes) > 0 || len(want.Attributes) > 0) {
		t.Errorf("user %q attributes = %v, want %v", got.Key, got.Attributes, want.Attributes)
	}
	if wc := sortedSet(want.Claims); !slices.Equal(got.Claims, wc) && (len(got.Claims) > 0 || len(wc) > 0) {
		t.Errorf("user %q claims = %q, want %q (sorted, no duplicates)", got.Key, got.Claims, wc)
	}
	if !bytes.Equal(got.Data, want.Data) {
		t.Errorf("user %q data = %q, want %q", got.Key, got.Data, want.Data)
	}
	sameTime(t, "CreatedAt", got.CreatedAt, want.CreatedAt)
	sameTime(t, "UpdatedAt", got.UpdatedAt, want.UpdatedAt)
}

func sortedSet(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return slices.Compact(out)
}

func userKeys(us []store.UserRecord) []string {
	keys := []string{}
	for _, u := range us {
		keys = append(keys, u.Key)
	}
	return keys
}

func groupNames(gs []store.GroupRecord) []string {
	names := []string{}
	for _, g := range gs {
		names = append(names, g.Name)
	}
	return names
}

func sameKeys(t *testing.T, what string, got, want []string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s = [%s], want [%s]", what, strings.Join(got, " "), strings.Join(want, " "))
	}
}

var errAbort = errors.New("storetest: update aborted on purpose")
