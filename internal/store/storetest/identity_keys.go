package storetest

import (
	"errors"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// testIdentityKeys: login keys are unique within an identity pool, found
// with GetIdentityByKey, and released by updates and deletes.
func testIdentityKeys(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newIdentityPool(t, s), newIdentityPool(t, s)
	ada, bob, adaElsewhere := newID("us-east-1:ada-"), newID("us-east-1:bob-"), newID("us-east-1:ada-")
	createIdentities(t, s,
		newIdentity(pool, ada, "accounts.google.com|ada", "dev|login.incognito|ada", "graph.facebook.com|7"),
		newIdentity(pool, bob, "accounts.google.com|bob"),
		newIdentity(other, adaElsewhere, "accounts.google.com|ada"))

	t.Run("lookup", func(t *testing.T) {
		tests := []struct{ name, pool, key, want string }{
			{"google", pool, "accounts.google.com|ada", ada},
			{"developer", pool, "dev|login.incognito|ada", ada},
			{"other identity", pool, "accounts.google.com|bob", bob},
			{"same key in another pool", other, "accounts.google.com|ada", adaElsewhere},
			{"unheld key", pool, "accounts.google.com|nobody", ""},
			{"keys are exact", pool, "accounts.google.com|ADA", ""},
			{"key of another pool", other, "accounts.google.com|bob", ""},
			{"missing pool", newIdentityPoolID(), "accounts.google.com|ada", ""},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) { byKey(t, s, tc.pool, tc.key, tc.want) })
		}
		i, err := s.GetIdentityByKey(ctx, pool, "graph.facebook.com|7")
		wantErr(t, "GetIdentityByKey", err, nil)
		sameIdentity(t, i, newIdentity(pool, ada, "accounts.google.com|ada", "dev|login.incognito|ada", "graph.facebook.com|7"))
	})
	t.Run("conflicts", func(t *testing.T) {
		carol := newIdentity(pool, newID("us-east-1:carol-"), "accounts.google.com|carol", "graph.facebook.com|7")
		tests := []struct {
			name  string
			write func() error
			key   string
		}{
			{"create", func() error { return s.CreateIdentity(ctx, carol) }, "graph.facebook.com|7"},
			{"update", func() error {
				return s.UpdateIdentity(ctx, bob, func(i store.IdentityRecord) (store.IdentityRecord, error) {
					i.Keys = append(i.Keys, "dev|login.incognito|ada")
					return i, nil
				})
			}, "dev|login.incognito|ada"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.write()
				var conflict *store.ConflictError
				if !errors.As(err, &conflict) {
					t.Fatalf("error %v, want *store.ConflictError", err)
				}
				if conflict.Claim != tc.key || conflict.Owner != ada {
					t.Errorf("conflict = %+v, want key %q held by %q", conflict, tc.key, ada)
				}
				wantErr(t, "conflict", err, store.ErrAlreadyExists)
			})
		}
	})
	t.Run("released on update", func(t *testing.T) {
		err := s.UpdateIdentity(ctx, ada, func(i store.IdentityRecord) (store.IdentityRecord, error) {
			i.Keys = []string{"accounts.google.com|ada", "dev|login.incognito|ada-new"}
			return i, nil
		})
		wantErr(t, "UpdateIdentity", err, nil)
		byKey(t, s, pool, "dev|login.incognito|ada", "")
		byKey(t, s, pool, "graph.facebook.com|7", "")
		byKey(t, s, pool, "dev|login.incognito|ada-new", ada)
		byKey(t, s, pool, "accounts.google.com|ada", ada)
		err = s.UpdateIdentity(ctx, bob, func(i store.IdentityRecord) (store.IdentityRecord, error) {
			i.Keys = append(i.Keys, "graph.facebook.com|7")
			return i, nil
		})
		wantErr(t, "UpdateIdentity taking the released key", err, nil)
		byKey(t, s, pool, "graph.facebook.com|7", bob)
		sameKeys(t, "bob's keys", mustGetIdentity(t, s, bob).Keys, []string{"accounts.google.com|bob", "graph.facebook.com|7"})
	})
	t.Run("released on delete", func(t *testing.T) {
		wantErr(t, "DeleteIdentity", s.DeleteIdentity(ctx, ada), nil)
		byKey(t, s, pool, "accounts.google.com|ada", "")
		byKey(t, s, pool, "dev|login.incognito|ada-new", "")
		dan := newID("us-east-1:dan-")
		createIdentities(t, s, newIdentity(pool, dan, "accounts.google.com|ada", "dev|login.incognito|ada-new"))
		byKey(t, s, pool, "accounts.google.com|ada", dan)
		byKey(t, s, other, "accounts.google.com|ada", adaElsewhere)
	})
}

// testIdentityKeyConflictWritesNothing: a create or update that fails on
// its last key leaves no trace of its other changes.
func testIdentityKeyConflictWritesNothing(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newIdentityPool(t, s)
	owner, bob := newID("us-east-1:owner-"), newID("us-east-1:bob-")
	bobRecord := newIdentity(pool, bob, "m|bob")
	createIdentities(t, s, newIdentity(pool, owner, "z|taken"), bobRecord)

	carol := newID("us-east-1:carol-")
	wantErr(t, "CreateIdentity", s.CreateIdentity(ctx, newIdentity(pool, carol, "a|first", "z|taken")), store.ErrAlreadyExists)
	_, err := s.GetIdentity(ctx, carol)
	wantErr(t, "GetIdentity of the failed create", err, store.ErrNotFound)
	byKey(t, s, pool, "a|first", "")
	is, err := s.ListIdentities(ctx, pool, store.Page{})
	wantErr(t, "ListIdentities", err, nil)
	sameKeys(t, "identities", identityIDs(is), sortedSet([]string{owner, bob}))

	err = s.UpdateIdentity(ctx, bob, func(i store.IdentityRecord) (store.IdentityRecord, error) {
		i.Logins, i.Data = []string{"changed"}, []byte("changed")
		i.Keys = []string{"a|first", "z|taken"} // drops m|bob
		return i, nil
	})
	wantErr(t, "UpdateIdentity", err, store.ErrAlreadyExists)
	sameIdentity(t, mustGetIdentity(t, s, bob), bobRecord)
	byKey(t, s, pool, "m|bob", bob)
	byKey(t, s, pool, "a|first", "")
	byKey(t, s, pool, "z|taken", owner)
}
