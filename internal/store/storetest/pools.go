package storetest

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

func testPools(t *testing.T, s store.Store) {
	ctx := t.Context()
	id := newID("pool-")
	want := store.PoolRecord{ID: id, Name: "Ünïcode pool", CreatedAt: t0, UpdatedAt: t0.Add(time.Hour), Data: []byte{0, 1, 2, 255}}
	wantErr(t, "CreatePool", s.CreatePool(ctx, want), nil)
	wantErr(t, "CreatePool again", s.CreatePool(ctx, store.PoolRecord{ID: id, Name: "other"}), store.ErrAlreadyExists)

	got, err := s.GetPool(ctx, id)
	wantErr(t, "GetPool", err, nil)
	samePool(t, got, want)

	_, err = s.GetPool(ctx, newID("missing-"))
	wantErr(t, "GetPool missing", err, store.ErrNotFound)

	err = s.UpdatePool(ctx, id, func(p store.PoolRecord) (store.PoolRecord, error) {
		samePool(t, p, want)
		p.ID = "renamed" // the store keeps the ID
		p.Name, p.Data, p.UpdatedAt = "new name", []byte("new"), t0.Add(2*time.Hour)
		return p, nil
	})
	wantErr(t, "UpdatePool", err, nil)
	want.Name, want.Data, want.UpdatedAt = "new name", []byte("new"), t0.Add(2*time.Hour)
	got, err = s.GetPool(ctx, id)
	wantErr(t, "GetPool after update", err, nil)
	samePool(t, got, want)
	_, err = s.GetPool(ctx, "renamed")
	wantErr(t, "GetPool of the ID the update tried", err, store.ErrNotFound)

	missing := func(store.PoolRecord) (store.PoolRecord, error) {
		t.Error("UpdatePool called the function for a missing pool")
		return store.PoolRecord{}, nil
	}
	wantErr(t, "UpdatePool missing", s.UpdatePool(ctx, newID("missing-"), missing), store.ErrNotFound)

	wantErr(t, "DeletePool", s.DeletePool(ctx, id), nil)
	_, err = s.GetPool(ctx, id)
	wantErr(t, "GetPool after delete", err, store.ErrNotFound)
	wantErr(t, "DeletePool again", s.DeletePool(ctx, id), store.ErrNotFound)
}

func samePool(t *testing.T, got, want store.PoolRecord) {
	t.Helper()
	if got.ID != want.ID || got.Name != want.Name || !bytes.Equal(got.Data, want.Data) {
		t.Errorf("pool:\n got %+v\nwant %+v", got, want)
	}
	sameTime(t, "pool CreatedAt", got.CreatedAt, want.CreatedAt)
	sameTime(t, "pool UpdatedAt", got.UpdatedAt, want.UpdatedAt)
}

// testListPools pages through pools sharing a random prefix. Other cases'
// pools may sort before or after them, never between.
func testListPools(t *testing.T, s store.Store) {
	ctx := t.Context()
	prefix := newID("lp-") + "-"
	var ids []string
	for _, suffix := range []string{"a", "B", "b", "é", "z", "0"} {
		id := prefix + suffix
		wantErr(t, "CreatePool", s.CreatePool(ctx, store.PoolRecord{ID: id, Name: suffix, CreatedAt: t0, UpdatedAt: t0}), nil)
		ids = append(ids, id)
	}
	want := sortedSet(ids) // byte order: "0" < "B" < "a" < "b" < "z" < "é"

	tests := []struct {
		name  string
		limit int
	}{
		{"one per page", 1},
		{"pages of four", 4},
		{"no limit", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			after := prefix
		pages:
			for range len(want) + 2 {
				page, err := s.ListPools(ctx, store.Page{After: after, Limit: tc.limit})
				wantErr(t, "ListPools", err, nil)
				if tc.limit > 0 && len(page) > tc.limit {
					t.Fatalf("ListPools returned %d pools, limit %d", len(page), tc.limit)
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
			sameKeys(t, "pool IDs", got, want)
		})
	}
}
