package storetest

import (
	"bytes"
	"slices"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// newIdentityPoolID returns a fresh ID in the "<region>:<uuid>" form.
func newIdentityPoolID() string { return newID("us-east-1:pool-") }

// newIdentityPool creates an identity pool with a fresh ID and returns it.
func newIdentityPool(t testing.TB, s store.Store) string {
	t.Helper()
	id := newIdentityPoolID()
	p := store.IdentityPoolRecord{ID: id, Name: "identity pool " + id, CreatedAt: t0, UpdatedAt: t0, Data: []byte(`{"pool":1}`)}
	if err := s.CreateIdentityPool(t.Context(), p); err != nil {
		t.Fatalf("CreateIdentityPool(%q): %v", id, err)
	}
	return id
}

// newIdentity builds an identity of pool with the given ID and login keys.
func newIdentity(pool, id string, keys ...string) store.IdentityRecord {
	return store.IdentityRecord{
		PoolID: pool, ID: id, CreatedAt: t0, UpdatedAt: t0,
		Logins: []string{"cognito-idp.us-east-1.amazonaws.com/us-east-1_X", "accounts.google.com"},
		Keys:   keys,
		Data:   []byte("data of " + id),
	}
}

func createIdentities(t testing.TB, s store.Store, is ...store.IdentityRecord) {
	t.Helper()
	for _, i := range is {
		if err := s.CreateIdentity(t.Context(), i); err != nil {
			t.Fatalf("CreateIdentity(%q): %v", i.ID, err)
		}
	}
}

func mustGetIdentity(t *testing.T, s store.Store, id string) store.IdentityRecord {
	t.Helper()
	i, err := s.GetIdentity(t.Context(), id)
	if err != nil {
		t.Fatalf("GetIdentity(%q): %v", id, err)
	}
	return i
}

// sameIdentity compares identities: Keys come back sorted without
// duplicates, Logins as given; nil and empty slices are alike.
func sameIdentity(t *testing.T, got, want store.IdentityRecord) {
	t.Helper()
	if got.PoolID != want.PoolID || got.ID != want.ID {
		t.Errorf("identity = pool %q id %q, want pool %q id %q", got.PoolID, got.ID, want.PoolID, want.ID)
	}
	if !slices.Equal(got.Logins, want.Logins) && (len(got.Logins) > 0 || len(want.Logins) > 0) {
		t.Errorf("identity %q logins = %q, want %q", got.ID, got.Logins, want.Logins)
	}
	if wk := sortedSet(want.Keys); !slices.Equal(got.Keys, wk) && (len(got.Keys) > 0 || len(wk) > 0) {
		t.Errorf("identity %q keys = %q, want %q (sorted, no duplicates)", got.ID, got.Keys, wk)
	}
	if !bytes.Equal(got.Data, want.Data) {
		t.Errorf("identity %q data = %q, want %q", got.ID, got.Data, want.Data)
	}
	sameTime(t, "identity CreatedAt", got.CreatedAt, want.CreatedAt)
	sameTime(t, "identity UpdatedAt", got.UpdatedAt, want.UpdatedAt)
}

func sameIdentityPool(t *testing.T, got, want store.IdentityPoolRecord) {
	t.Helper()
	if got.ID != want.ID || got.Name != want.Name || !bytes.Equal(got.Data, want.Data) {
		t.Errorf("identity pool:\n got %+v\nwant %+v", got, want)
	}
	sameTime(t, "identity pool CreatedAt", got.CreatedAt, want.CreatedAt)
	sameTime(t, "identity pool UpdatedAt", got.UpdatedAt, want.UpdatedAt)
}

func identityIDs(is []store.IdentityRecord) []string {
	ids := []string{}
	for _, i := range is {
		ids = append(ids, i.ID)
	}
	return ids
}

// byKey checks which identity of pool holds key; want "" means none.
func byKey(t *testing.T, s store.Store, pool, key, want string) {
	t.Helper()
	i, err := s.GetIdentityByKey(t.Context(), pool, key)
	if want == "" {
		wantErr(t, "GetIdentityByKey("+key+")", err, store.ErrNotFound)
		return
	}
	wantErr(t, "GetIdentityByKey("+key+")", err, nil)
	if i.ID != want || i.PoolID != pool {
		t.Errorf("GetIdentityByKey(%q) = %q in %q, want %q in %q", key, i.ID, i.PoolID, want, pool)
	}
}
