package storetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// testKeys covers CreateKey, ListKeys (oldest first, ties by key ID) and
// UpdateKey, including retiring a key and keeping its identity.
func testKeys(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	key := func(pool, id, use string, created time.Time) store.KeyRecord {
		return store.KeyRecord{PoolID: pool, KeyID: id, Use: use, CreatedAt: created, Data: []byte("sealed " + id)}
	}
	// Created out of order; "b" and "a" share a creation time.
	keys := []store.KeyRecord{
		key(pool, "c", "access", t0.Add(2*time.Hour)),
		key(pool, "b", "id", t0),
		key(pool, "d", "id", t0.Add(time.Hour)),
		key(pool, "a", "access", t0),
		key(other, "a", "id", t0.Add(-time.Hour)),
	}
	for _, k := range keys {
		wantErr(t, "CreateKey", s.CreateKey(ctx, k), nil)
	}
	wantErr(t, "CreateKey again", s.CreateKey(ctx, key(pool, "a", "id", t0)), store.ErrAlreadyExists)
	wantErr(t, "CreateKey missing pool", s.CreateKey(ctx, key(newID("missing-"), "a", "id", t0)), store.ErrNotFound)

	got, err := s.ListKeys(ctx, pool)
	wantErr(t, "ListKeys", err, nil)
	sameKeyList(t, got, []store.KeyRecord{keys[3], keys[1], keys[2], keys[0]})
	got, err = s.ListKeys(ctx, other)
	wantErr(t, "ListKeys other pool", err, nil)
	sameKeyList(t, got, keys[4:])
	got, err = s.ListKeys(ctx, newPool(t, s))
	wantErr(t, "ListKeys empty pool", err, nil)
	sameKeyList(t, got, nil)
	_, err = s.ListKeys(ctx, newID("missing-"))
	wantErr(t, "ListKeys missing pool", err, store.ErrNotFound)

	t.Run("retire", func(t *testing.T) {
		retired := t0.Add(3 * time.Hour)
		err := s.UpdateKey(ctx, pool, "b", func(k store.KeyRecord) (store.KeyRecord, error) {
			sameKey(t, k, keys[1])
			k.PoolID, k.KeyID = other, "moved" // the store keeps both
			k.RetiredAt = &retired
			return k, nil
		})
		wantErr(t, "UpdateKey", err, nil)
		want := keys[1]
		want.RetiredAt = &retired
		got, err := s.ListKeys(ctx, pool)
		wantErr(t, "ListKeys", err, nil)
		sameKeyList(t, got, []store.KeyRecord{keys[3], want, keys[2], keys[0]})
		got, err = s.ListKeys(ctx, other)
		wantErr(t, "ListKeys other pool", err, nil)
		sameKeyList(t, got, keys[4:])

		// Every other field can change too, and RetiredAt can be cleared.
		err = s.UpdateKey(ctx, pool, "b", func(k store.KeyRecord) (store.KeyRecord, error) {
			sameKey(t, k, want)
			k.Use, k.Data, k.CreatedAt, k.RetiredAt = "access", []byte("resealed"), t0.Add(4*time.Hour), nil
			return k, nil
		})
		wantErr(t, "UpdateKey", err, nil)
		want.Use, want.Data, want.CreatedAt, want.RetiredAt = "access", []byte("resealed"), t0.Add(4*time.Hour), nil
		got, err = s.ListKeys(ctx, pool)
		wantErr(t, "ListKeys", err, nil)
		sameKeyList(t, got, []store.KeyRecord{keys[3], keys[2], keys[0], want})
	})

	t.Run("missing", func(t *testing.T) {
		called := func(k store.KeyRecord) (store.KeyRecord, error) {
			t.Error("UpdateKey called the function for a missing key")
			return k, nil
		}
		wantErr(t, "UpdateKey missing key", s.UpdateKey(ctx, pool, "nope", called), store.ErrNotFound)
		wantErr(t, "UpdateKey key of another pool", s.UpdateKey(ctx, other, "c", called), store.ErrNotFound)
		wantErr(t, "UpdateKey missing pool", s.UpdateKey(ctx, newID("missing-"), "a", called), store.ErrNotFound)
	})
}

func sameKey(t *testing.T, got, want store.KeyRecord) {
	t.Helper()
	if got.PoolID != want.PoolID || got.KeyID != want.KeyID || got.Use != want.Use || !bytes.Equal(got.Data, want.Data) {
		t.Errorf("key:\n got %+v\nwant %+v", got, want)
	}
	sameTime(t, "key CreatedAt", got.CreatedAt, want.CreatedAt)
	sameOptTime(t, "key RetiredAt", got.RetiredAt, want.RetiredAt)
}

func sameKeyList(t *testing.T, got, want []store.KeyRecord) {
	t.Helper()
	ids := func(ks []store.KeyRecord) []string {
		out := []string{}
		for _, k := range ks {
			out = append(out, k.PoolID+"/"+k.KeyID)
		}
		return out
	}
	sameKeys(t, "keys", ids(got), ids(want))
	if len(got) == len(want) {
		for i := range got {
			sameKey(t, got[i], want[i])
		}
	}
}

// sameOptTime checks an optional timestamp: both nil, or both set and the
// same as sameTime sees it.
func sameOptTime(t *testing.T, what string, got, want *time.Time) {
	t.Helper()
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil:
		t.Errorf("%s = %v, want %v", what, got, want)
	default:
		sameTime(t, what, *got, *want)
	}
}
