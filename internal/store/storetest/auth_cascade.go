package storetest

import (
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// testDeletePoolCascadesAuth: deleting a pool removes its signing keys,
// sessions and messages, and nothing of other pools.
func testDeletePoolCascadesAuth(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	msgID := newID("msg-")
	sessions := map[string]store.SessionRecord{}
	for i, p := range []string{pool, other} {
		createUsers(t, s, newUser(p, "u"))
		sess := newSession(p, "u")
		createSessions(t, s, sess)
		sessions[p] = sess
		wantErr(t, "CreateKey", s.CreateKey(ctx, store.KeyRecord{PoolID: p, KeyID: "k", Use: "id", CreatedAt: t0}), nil)
		m := store.MessageRecord{ID: msgID + string(rune('a'+i)), PoolID: p, CreatedAt: t0, Medium: "EMAIL"}
		wantErr(t, "CreateMessage", s.CreateMessage(ctx, m), nil)
	}
	gone := sessions[pool]

	wantErr(t, "DeletePool", s.DeletePool(ctx, pool), nil)

	missing := []struct {
		name string
		call func() error
	}{
		{"ListKeys", func() error { _, err := s.ListKeys(ctx, pool); return err }},
		{"UpdateKey", func() error {
			return s.UpdateKey(ctx, pool, "k", func(k store.KeyRecord) (store.KeyRecord, error) { return k, nil })
		}},
		{"GetSession", func() error { _, err := s.GetSession(ctx, pool, gone.OriginJTI); return err }},
		{"GetSessionByRefreshHash", func() error { _, err := s.GetSessionByRefreshHash(ctx, gone.RefreshHash); return err }},
		{"UpdateSession", func() error {
			return s.UpdateSession(ctx, pool, gone.OriginJTI, func(r store.SessionRecord) (store.SessionRecord, error) { return r, nil })
		}},
		{"RevokeUserSessions", func() error { _, err := s.RevokeUserSessions(ctx, pool, "u", t0); return err }},
		{"ListMessages", func() error { _, err := s.ListMessages(ctx, pool, store.Page{}); return err }},
	}
	for _, tc := range missing {
		t.Run(tc.name, func(t *testing.T) { wantErr(t, tc.name, tc.call(), store.ErrNotFound) })
	}

	t.Run("other pool untouched", func(t *testing.T) {
		ks, err := s.ListKeys(ctx, other)
		wantErr(t, "ListKeys", err, nil)
		if len(ks) != 1 || ks[0].KeyID != "k" {
			t.Errorf("keys of the other pool = %+v, want k", ks)
		}
		sameSession(t, mustGetSession(t, s, other, sessions[other].OriginJTI), sessions[other])
		ms, err := s.ListMessages(ctx, other, store.Page{})
		wantErr(t, "ListMessages", err, nil)
		if len(ms) != 1 || ms[0].ID != msgID+"b" {
			t.Errorf("messages of the other pool = %+v, want %sb", ms, msgID)
		}
	})
	t.Run("recreated pool starts empty", func(t *testing.T) {
		wantErr(t, "CreatePool", s.CreatePool(ctx, store.PoolRecord{ID: pool, Name: "again"}), nil)
		ks, err := s.ListKeys(ctx, pool)
		wantErr(t, "ListKeys", err, nil)
		if len(ks) != 0 {
			t.Errorf("keys of the recreated pool = %+v, want none", ks)
		}
		ms, err := s.ListMessages(ctx, pool, store.Page{})
		wantErr(t, "ListMessages", err, nil)
		sameMessages(t, ms, nil)
		createUsers(t, s, newUser(pool, "u"))
		if n, err := s.RevokeUserSessions(ctx, pool, "u", t0); err != nil || n != 0 {
			t.Errorf("RevokeUserSessions = %d, %v; want 0, nil", n, err)
		}
		// Message IDs and refresh hashes are unique across pools: reusing
		// them proves the old rows are gone.
		again := store.MessageRecord{ID: msgID + "a", PoolID: pool, CreatedAt: t0, Medium: "SMS"}
		wantErr(t, "CreateMessage with the old ID", s.CreateMessage(ctx, again), nil)
		wantErr(t, "CreateSession with the old ID and hash", s.CreateSession(ctx, gone), nil)
		wantErr(t, "CreateKey with the old ID", s.CreateKey(ctx, store.KeyRecord{PoolID: pool, KeyID: "k", Use: "id", CreatedAt: t0}), nil)
	})
}

// testDeleteUserDeletesSessions: deleting a user removes its sessions, and
// only its own.
func testDeleteUserDeletesSessions(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createUsers(t, s, newUser(pool, "u"), newUser(pool, "v"))
	u1, u2, v := newSession(pool, "u"), newSession(pool, "u"), newSession(pool, "v")
	u2.PreviousHash = newHash()
	createSessions(t, s, u1, u2, v)

	wantErr(t, "DeleteUser", s.DeleteUser(ctx, pool, "u"), nil)

	for _, sess := range []store.SessionRecord{u1, u2} {
		_, err := s.GetSession(ctx, pool, sess.OriginJTI)
		wantErr(t, "GetSession of a deleted user's session", err, store.ErrNotFound)
		for _, h := range [][]byte{sess.RefreshHash, sess.PreviousHash} {
			if len(h) > 0 {
				_, err = s.GetSessionByRefreshHash(ctx, h)
				wantErr(t, "GetSessionByRefreshHash of a deleted user's session", err, store.ErrNotFound)
			}
		}
	}
	_, err := s.RevokeUserSessions(ctx, pool, "u", t0)
	wantErr(t, "RevokeUserSessions of the deleted user", err, store.ErrNotFound)
	sameSession(t, mustGetSession(t, s, pool, v.OriginJTI), v)

	// A new user with the same key does not inherit the sessions.
	createUsers(t, s, newUser(pool, "u"))
	if n, err := s.RevokeUserSessions(ctx, pool, "u", t0); err != nil || n != 0 {
		t.Errorf("RevokeUserSessions of the new user = %d, %v; want 0, nil", n, err)
	}
	createSessions(t, s, u1)
}

// testAuthUpdateAborts: an error from the function of UpdateKey or
// UpdateSession comes back unchanged and nothing is written.
func testAuthUpdateAborts(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createUsers(t, s, newUser(pool, "u"))
	key := store.KeyRecord{PoolID: pool, KeyID: "k", Use: "id", CreatedAt: t0, Data: []byte("sealed")}
	wantErr(t, "CreateKey", s.CreateKey(ctx, key), nil)
	sess := newSession(pool, "u")
	createSessions(t, s, sess)

	t.Run("key", func(t *testing.T) {
		err := s.UpdateKey(ctx, pool, "k", func(k store.KeyRecord) (store.KeyRecord, error) {
			k.RetiredAt, k.Data = &t0, []byte("changed")
			return k, errAbort
		})
		if err != errAbort {
			t.Fatalf("UpdateKey error = %v, want errAbort returned unchanged", err)
		}
		ks, err := s.ListKeys(ctx, pool)
		wantErr(t, "ListKeys", err, nil)
		sameKeyList(t, ks, []store.KeyRecord{key})
	})
	t.Run("session", func(t *testing.T) {
		next := newHash()
		err := s.UpdateSession(ctx, pool, sess.OriginJTI, func(cur store.SessionRecord) (store.SessionRecord, error) {
			cur.PreviousHash, cur.RefreshHash, cur.RevokedAt = cur.RefreshHash, next, &t0
			return cur, errAbort
		})
		if err != errAbort {
			t.Fatalf("UpdateSession error = %v, want errAbort returned unchanged", err)
		}
		sameSession(t, mustGetSession(t, s, pool, sess.OriginJTI), sess)
		_, err = s.GetSessionByRefreshHash(ctx, next)
		wantErr(t, "GetSessionByRefreshHash of the aborted hash", err, store.ErrNotFound)
	})
}
