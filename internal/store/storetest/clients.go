package storetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

func testClients(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	prefix := newID("client-")
	client := func(pool, suffix string) store.ClientRecord {
		return store.ClientRecord{PoolID: pool, ClientID: prefix + suffix, Name: "app " + suffix,
			CreatedAt: t0, UpdatedAt: t0, Data: []byte("secret " + suffix)}
	}
	for _, c := range []store.ClientRecord{client(pool, "b"), client(pool, "a"), client(pool, "c"), client(other, "x")} {
		wantErr(t, "CreateClient", s.CreateClient(ctx, c), nil)
	}
	wantErr(t, "CreateClient, same ID in another pool", s.CreateClient(ctx, client(other, "a")), store.ErrAlreadyExists)
	wantErr(t, "CreateClient, missing pool", s.CreateClient(ctx, client(newID("missing-"), "m")), store.ErrNotFound)

	got, err := s.GetClient(ctx, prefix+"a")
	wantErr(t, "GetClient", err, nil)
	sameClient(t, got, client(pool, "a"))
	_, err = s.GetClient(ctx, prefix+"m")
	wantErr(t, "GetClient missing", err, store.ErrNotFound)

	tests := []struct {
		name string
		pool string
		page store.Page
		want []string
		err  error
	}{
		{"all", pool, store.Page{}, []string{prefix + "a", prefix + "b", prefix + "c"}, nil},
		{"first page", pool, store.Page{Limit: 2}, []string{prefix + "a", prefix + "b"}, nil},
		{"after a key", pool, store.Page{After: prefix + "a", Limit: 2}, []string{prefix + "b", prefix + "c"}, nil},
		{"after the last", pool, store.Page{After: prefix + "c"}, nil, nil},
		{"other pool", other, store.Page{}, []string{prefix + "x"}, nil},
		{"missing pool", newID("missing-"), store.Page{}, nil, store.ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := s.ListClients(ctx, tc.pool, tc.page)
			wantErr(t, "ListClients", err, tc.err)
			var ids []string
			for _, c := range cs {
				ids = append(ids, c.ClientID)
			}
			sameKeys(t, "client IDs", ids, tc.want)
		})
	}

	err = s.UpdateClient(ctx, prefix+"a", func(c store.ClientRecord) (store.ClientRecord, error) {
		sameClient(t, c, client(pool, "a"))
		c.ClientID, c.PoolID = "renamed", other // the store keeps both
		c.Name, c.Data, c.UpdatedAt = "renamed app", nil, t0.Add(time.Minute)
		return c, nil
	})
	wantErr(t, "UpdateClient", err, nil)
	want := client(pool, "a")
	want.Name, want.Data, want.UpdatedAt = "renamed app", nil, t0.Add(time.Minute)
	got, err = s.GetClient(ctx, prefix+"a")
	wantErr(t, "GetClient after update", err, nil)
	sameClient(t, got, want)
	wantErr(t, "UpdateClient missing", s.UpdateClient(ctx, prefix+"m", func(c store.ClientRecord) (store.ClientRecord, error) {
		t.Error("UpdateClient called the function for a missing client")
		return c, nil
	}), store.ErrNotFound)

	wantErr(t, "DeleteClient", s.DeleteClient(ctx, prefix+"a"), nil)
	wantErr(t, "DeleteClient again", s.DeleteClient(ctx, prefix+"a"), store.ErrNotFound)
	_, err = s.GetClient(ctx, prefix+"a")
	wantErr(t, "GetClient after delete", err, store.ErrNotFound)
	wantErr(t, "CreateClient after delete", s.CreateClient(ctx, client(other, "a")), nil)
}

func sameClient(t *testing.T, got, want store.ClientRecord) {
	t.Helper()
	if got.PoolID != want.PoolID || got.ClientID != want.ClientID || got.Name != want.Name || !bytes.Equal(got.Data, want.Data) {
		t.Errorf("client:\n got %+v\nwant %+v", got, want)
	}
	sameTime(t, "client CreatedAt", got.CreatedAt, want.CreatedAt)
	sameTime(t, "client UpdatedAt", got.UpdatedAt, want.UpdatedAt)
}
