package storetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

func testIdentityPools(t *testing.T, s store.Store) {
	ctx := t.Context()
	id := newIdentityPoolID()
	want := store.IdentityPoolRecord{ID: id, Name: "Ünïcode identities", CreatedAt: t0, UpdatedAt: t0.Add(time.Hour), Data: []byte{0, 1, 2, 255}}
	wantErr(t, "CreateIdentityPool", s.CreateIdentityPool(ctx, want), nil)
	wantErr(t, "CreateIdentityPool again", s.CreateIdentityPool(ctx, store.IdentityPoolRecord{ID: id, Name: "other"}), store.ErrAlreadyExists)

	got, err := s.GetIdentityPool(ctx, id)
	wantErr(t, "GetIdentityPool", err, nil)
	sameIdentityPool(t, got, want)

	_, err = s.GetIdentityPool(ctx, newIdentityPoolID())
	wantErr(t, "GetIdentityPool missing", err, store.ErrNotFound)

	// A user pool of the same ID is another thing.
	_, err = s.GetPool(ctx, id)
	wantErr(t, "GetPool of an identity pool ID", err, store.ErrNotFound)

	err = s.UpdateIdentityPool(ctx, id, func(p store.IdentityPoolRecord) (store.IdentityPoolRecord, error) {
		sameIdentityPool(t, p, want)
		p.ID = "us-east-1:renamed" // the store keeps the ID
		p.Name, p.Data, p.UpdatedAt = "new name", []byte("new"), t0.Add(2*time.Hour)
		return p, nil
	})
	wantErr(t, "UpdateIdentityPool", err, nil)
	want.Name, want.Data, want.UpdatedAt = "new name", []byte("new"), t0.Add(2*time.Hour)
	got, err = s.GetIdentityPool(ctx, id)
	wantErr(t, "GetIdentityPool after update", err, nil)
	sameIdentityPool(t, got, want)
	_, err = s.GetIdentityPool(ctx, "us-east-1:renamed")
	wantErr(t, "GetIdentityPool of the ID the update tried", err, store.ErrNotFound)

	missing := func(store.IdentityPoolRecord) (store.IdentityPoolRecord, error) {
		t.Error("UpdateIdentityPool called the function for a missing pool")
		return store.IdentityPoolRecord{}, nil
	}
	wantErr(t, "UpdateIdentityPool missing", s.UpdateIdentityPool(ctx, newIdentityPoolID(), missing), store.ErrNotFound)

	wantErr(t, "DeleteIdentityPool", s.DeleteIdentityPool(ctx, id), nil)
	_, err = s.GetIdentityPool(ctx, id)
	wantErr(t, "GetIdentityPool after delete", err, store.ErrNotFound)
	wantErr(t, "DeleteIdentityPool again", s.DeleteIdentityPool(ctx, id), store.ErrNotFound)
}

// testListIdentityPools pages through identity pools sharing a random
// prefix. Other cases' pools may sort before or after them, never between.
func testListIdentityPools(t *testing.T, s store.Store) {
	ctx := t.Context()
	prefix := newID("us-west-2:lp-") + "-"
	var ids []string
	for _, suffix := range []string{"a", "B", "b", "é", "z", "0"} {
		id := prefix + suffix
		p := store.IdentityPoolRecord{ID: id, Name: suffix, CreatedAt: t0, UpdatedAt: t0}
		wantErr(t, "CreateIdentityPool", s.CreateIdentityPool(ctx, p), nil)
		ids = append(ids, id)
	}
	want := sortedSet(ids) // byte order: "0" < "B" < "a" < "b" < "z" < "é"

	for _, limit := range []int{1, 4, 0} {
		t.Run(fmt.Sprintf("limit %d", limit), func(t *testing.T) {
			var got []string
			after := prefix
		pages:
			for range len(want) + 2 {
				page, err := s.ListIdentityPools(ctx, store.Page{After: after, Limit: limit})
				wantErr(t, "ListIdentityPools", err, nil)
				if limit > 0 && len(page) > limit {
					t.Fatalf("ListIdentityPools returned %d pools, limit %d", len(page), limit)
				}
				if len(page) == 0 {
					break
				}
				for _, p := range page {
					if !strings.HasPrefix(p.ID, prefix) {
						break pages
					}
					got = append(got, p.ID)
				}
				after = page[len(page)-1].ID
			}
			sameKeys(t, "identity pool IDs", got, want)
		})
	}
}
