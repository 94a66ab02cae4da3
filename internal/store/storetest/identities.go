package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

func testIdentities(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newIdentityPool(t, s), newIdentityPool(t, s)
	prefix := newID("us-east-1:id-")
	ada := newIdentity(pool, prefix+"ada", "dev|login.incognito|ada", "accounts.google.com|123", "dev|login.incognito|ada")
	ada.Logins = []string{"login.incognito", "accounts.google.com"} // kept in the order given
	bare := store.IdentityRecord{PoolID: pool, ID: prefix + "bare"}
	createIdentities(t, s, ada, bare)

	t.Run("get", func(t *testing.T) {
		sameIdentity(t, mustGetIdentity(t, s, ada.ID), ada)
		sameIdentity(t, mustGetIdentity(t, s, bare.ID), bare)
	})
	t.Run("not found", func(t *testing.T) {
		for _, id := range []string{prefix + "nobody", prefix + "ADA", pool} {
			_, err := s.GetIdentity(ctx, id)
			wantErr(t, "GetIdentity("+id+")", err, store.ErrNotFound)
		}
	})
	t.Run("create", func(t *testing.T) {
		tests := []struct {
			name     string
			identity store.IdentityRecord
			err      error
		}{
			{"same ID", newIdentity(pool, ada.ID), store.ErrAlreadyExists},
			{"same ID in another pool", newIdentity(other, ada.ID), store.ErrAlreadyExists},
			{"missing pool", newIdentity(newIdentityPoolID(), prefix+"orphan"), store.ErrNotFound},
			{"a user pool is not an identity pool", newIdentity(newPool(t, s), prefix+"lost"), store.ErrNotFound},
			{"same key in another pool", newIdentity(other, prefix+"ada2", "accounts.google.com|123"), nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				wantErr(t, "CreateIdentity", s.CreateIdentity(ctx, tc.identity), tc.err)
			})
		}
		sameIdentity(t, mustGetIdentity(t, s, ada.ID), ada) // unchanged by the failed creates
		for _, id := range []string{prefix + "orphan", prefix + "lost"} {
			_, err := s.GetIdentity(ctx, id)
			wantErr(t, "GetIdentity of a failed create", err, store.ErrNotFound)
		}
	})
	t.Run("update", func(t *testing.T) {
		want := ada
		want.Logins = []string{"accounts.google.com"}
		want.Keys = []string{"accounts.google.com|123", "graph.facebook.com|9"}
		want.Data, want.CreatedAt, want.UpdatedAt = []byte{}, t0.Add(-time.Hour), t0.Add(time.Hour)
		err := s.UpdateIdentity(ctx, ada.ID, func(i store.IdentityRecord) (store.IdentityRecord, error) {
			sameIdentity(t, i, ada)
			i.PoolID, i.ID = other, prefix+"moved" // the store keeps both
			i.Logins, i.Keys, i.Data = want.Logins, want.Keys, want.Data
			i.CreatedAt, i.UpdatedAt = want.CreatedAt, want.UpdatedAt
			return i, nil
		})
		wantErr(t, "UpdateIdentity", err, nil)
		sameIdentity(t, mustGetIdentity(t, s, ada.ID), want)
		_, err = s.GetIdentity(ctx, prefix+"moved")
		wantErr(t, "GetIdentity of the ID the update tried", err, store.ErrNotFound)
		byKey(t, s, pool, "graph.facebook.com|9", ada.ID)
		byKey(t, s, other, "graph.facebook.com|9", "")

		err = s.UpdateIdentity(ctx, prefix+"nobody", func(i store.IdentityRecord) (store.IdentityRecord, error) {
			t.Error("UpdateIdentity called the function for a missing identity")
			return i, nil
		})
		wantErr(t, "UpdateIdentity missing", err, store.ErrNotFound)
	})
	t.Run("delete", func(t *testing.T) {
		wantErr(t, "DeleteIdentity", s.DeleteIdentity(ctx, ada.ID), nil)
		_, err := s.GetIdentity(ctx, ada.ID)
		wantErr(t, "GetIdentity after delete", err, store.ErrNotFound)
		wantErr(t, "DeleteIdentity again", s.DeleteIdentity(ctx, ada.ID), store.ErrNotFound)
		is, err := s.ListIdentities(ctx, pool, store.Page{})
		wantErr(t, "ListIdentities", err, nil)
		sameKeys(t, "identities after delete", identityIDs(is), []string{bare.ID})
		mustGetIdentity(t, s, prefix+"ada2") // the other pool's identity stays
	})
}

// testListIdentities pages through a pool's identities. IDs mix case and
// non-ASCII: lists are in byte order of the ID.
func testListIdentities(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newIdentityPool(t, s), newIdentityPool(t, s)
	prefix := newID("eu-west-1:")
	var ids []string
	for i := range 13 {
		ids = append(ids, fmt.Sprintf("%s%02d", prefix, i))
	}
	ids = append(ids, prefix+"A", prefix+"Z", prefix+"a", prefix+"é", prefix+"日本")
	for i, id := range ids {
		createIdentities(t, s, newIdentity(pool, id, fmt.Sprintf("dev|p|%d", i)))
	}
	createIdentities(t, s, newIdentity(other, prefix+"other"), newIdentity(other, newID("eu-west-1:")))
	want := sortedSet(ids)

	for _, limit := range []int{1, 5, len(ids), 0} {
		t.Run(fmt.Sprintf("limit %d", limit), func(t *testing.T) {
			var got []string
			after := ""
			for range len(ids) + 2 {
				page, err := s.ListIdentities(ctx, pool, store.Page{After: after, Limit: limit})
				wantErr(t, "ListIdentities", err, nil)
				if limit > 0 && len(page) > limit {
					t.Fatalf("page of %d identities, limit %d", len(page), limit)
				}
				if len(page) == 0 {
					break
				}
				for _, i := range page {
					if i.PoolID != pool {
						t.Errorf("identity %q of pool %q listed in %q", i.ID, i.PoolID, pool)
					}
				}
				got = append(got, identityIDs(page)...)
				after = page[len(page)-1].ID
			}
			sameKeys(t, "identity IDs", got, want)
		})
	}
	t.Run("after an ID that does not exist", func(t *testing.T) {
		after := prefix + "05x"
		page, err := s.ListIdentities(ctx, pool, store.Page{After: after, Limit: 2})
		wantErr(t, "ListIdentities", err, nil)
		var want2 []string
		for _, id := range want {
			if id > after && len(want2) < 2 {
				want2 = append(want2, id)
			}
		}
		sameKeys(t, "identity IDs", identityIDs(page), want2)
	})
	t.Run("records are whole", func(t *testing.T) {
		page, err := s.ListIdentities(ctx, pool, store.Page{Limit: 1})
		wantErr(t, "ListIdentities", err, nil)
		if len(page) != 1 {
			t.Fatalf("ListIdentities returned %d identities, want 1", len(page))
		}
		sameIdentity(t, page[0], newIdentity(pool, ids[0], "dev|p|0"))
	})
	t.Run("empty pool", func(t *testing.T) {
		is, err := s.ListIdentities(ctx, newIdentityPool(t, s), store.Page{})
		wantErr(t, "ListIdentities", err, nil)
		sameKeys(t, "identities of an empty pool", identityIDs(is), nil)
	})
	t.Run("missing pool", func(t *testing.T) {
		_, err := s.ListIdentities(ctx, newIdentityPoolID(), store.Page{})
		wantErr(t, "ListIdentities", err, store.ErrNotFound)
	})
}

// testDeleteIdentityPoolCascades: deleting an identity pool removes its
// identities and their keys, and nothing of other pools; credentials vended
// for its identities stay until they expire.
func testDeleteIdentityPoolCascades(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newIdentityPool(t, s), newIdentityPool(t, s)
	id, otherID := newID("us-east-1:"), newID("us-east-1:")
	createIdentities(t, s, newIdentity(pool, id, "dev|p|u"), newIdentity(other, otherID, "dev|p|u"))
	cred := newCredential(id, t0.Add(time.Hour))
	wantErr(t, "CreateCredential", s.CreateCredential(ctx, cred), nil)

	wantErr(t, "DeleteIdentityPool", s.DeleteIdentityPool(ctx, pool), nil)

	gone := []struct {
		name string
		call func() error
	}{
		{"GetIdentityPool", func() error { _, err := s.GetIdentityPool(ctx, pool); return err }},
		{"GetIdentity", func() error { _, err := s.GetIdentity(ctx, id); return err }},
		{"GetIdentityByKey", func() error { _, err := s.GetIdentityByKey(ctx, pool, "dev|p|u"); return err }},
		{"ListIdentities", func() error { _, err := s.ListIdentities(ctx, pool, store.Page{}); return err }},
		{"UpdateIdentity", func() error {
			return s.UpdateIdentity(ctx, id, func(i store.IdentityRecord) (store.IdentityRecord, error) { return i, nil })
		}},
		{"DeleteIdentity", func() error { return s.DeleteIdentity(ctx, id) }},
	}
	for _, tc := range gone {
		t.Run(tc.name, func(t *testing.T) { wantErr(t, tc.name, tc.call(), store.ErrNotFound) })
	}

	t.Run("other pool untouched", func(t *testing.T) {
		byKey(t, s, other, "dev|p|u", otherID)
		is, err := s.ListIdentities(ctx, other, store.Page{})
		wantErr(t, "ListIdentities", err, nil)
		sameKeys(t, "identities of the other pool", identityIDs(is), []string{otherID})
	})
	t.Run("credentials stay", func(t *testing.T) {
		got, err := s.GetCredential(ctx, cred.AccessKeyID)
		wantErr(t, "GetCredential", err, nil)
		sameCredential(t, got, cred)
	})
	t.Run("recreated pool starts empty", func(t *testing.T) {
		wantErr(t, "CreateIdentityPool", s.CreateIdentityPool(ctx, store.IdentityPoolRecord{ID: pool, Name: "again"}), nil)
		is, err := s.ListIdentities(ctx, pool, store.Page{})
		wantErr(t, "ListIdentities", err, nil)
		sameKeys(t, "identities", identityIDs(is), nil)
		byKey(t, s, pool, "dev|p|u", "")
		// The old ID and key are free.
		createIdentities(t, s, newIdentity(pool, id, "dev|p|u"))
		byKey(t, s, pool, "dev|p|u", id)
	})
}

// testIdentityUpdateAborts: an error from an identity update function is
// returned as is and nothing is written.
func testIdentityUpdateAborts(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newIdentityPool(t, s)
	id := newID("us-east-1:")
	orig := newIdentity(pool, id, "dev|p|kept")
	createIdentities(t, s, orig)

	err := s.UpdateIdentityPool(ctx, pool, func(p store.IdentityPoolRecord) (store.IdentityPoolRecord, error) {
		p.Name = "changed"
		return p, errAbort
	})
	if err != errAbort {
		t.Fatalf("UpdateIdentityPool error = %v, want errAbort returned unchanged", err)
	}
	if p, _ := s.GetIdentityPool(ctx, pool); p.Name == "changed" {
		t.Error("identity pool changed")
	}

	err = s.UpdateIdentity(ctx, id, func(i store.IdentityRecord) (store.IdentityRecord, error) {
		i.Logins, i.Keys, i.Data = []string{"changed"}, []string{"dev|p|new"}, []byte("changed")
		return i, errAbort
	})
	if err != errAbort {
		t.Fatalf("UpdateIdentity error = %v, want errAbort returned unchanged", err)
	}
	sameIdentity(t, mustGetIdentity(t, s, id), orig)
	byKey(t, s, pool, "dev|p|kept", id)
	byKey(t, s, pool, "dev|p|new", "")
}
