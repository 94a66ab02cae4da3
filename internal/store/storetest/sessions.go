package storetest

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// newHash returns a fresh refresh-token hash.
func newHash() []byte {
	h := sha256.Sum256([]byte(rand.Text()))
	return h[:]
}

// newSession builds a live, never rotated session of the user key in pool.
func newSession(pool, userKey string) store.SessionRecord {
	return store.SessionRecord{
		PoolID: pool, OriginJTI: newID("jti-"), ClientID: "client-" + userKey, UserKey: userKey,
		RefreshHash: newHash(), AuthTime: t0.Add(-time.Minute), CreatedAt: t0,
		ExpiresAt: t0.Add(30 * 24 * time.Hour), Data: []byte("session of " + userKey),
	}
}

func createSessions(t *testing.T, s store.Store, ss ...store.SessionRecord) {
	t.Helper()
	for _, sess := range ss {
		if err := s.CreateSession(t.Context(), sess); err != nil {
			t.Fatalf("CreateSession(%q): %v", sess.OriginJTI, err)
		}
	}
}

func mustGetSession(t *testing.T, s store.Store, pool, jti string) store.SessionRecord {
	t.Helper()
	sess, err := s.GetSession(t.Context(), pool, jti)
	if err != nil {
		t.Fatalf("GetSession(%q): %v", jti, err)
	}
	return sess
}

func sameSession(t *testing.T, got, want store.SessionRecord) {
	t.Helper()
	if got.PoolID != want.PoolID || got.OriginJTI != want.OriginJTI || got.ClientID != want.ClientID ||
		got.UserKey != want.UserKey || got.DeviceKey != want.DeviceKey {
		t.Errorf("session fields:\n got %+v\nwant %+v", got, want)
	}
	if !bytes.Equal(got.RefreshHash, want.RefreshHash) || !bytes.Equal(got.PreviousHash, want.PreviousHash) {
		t.Errorf("session %q hashes = %x, %x; want %x, %x", got.OriginJTI,
			got.RefreshHash, got.PreviousHash, want.RefreshHash, want.PreviousHash)
	}
	if !bytes.Equal(got.Data, want.Data) {
		t.Errorf("session %q data = %q, want %q", got.OriginJTI, got.Data, want.Data)
	}
	if want.PreviousValidUntil.IsZero() {
		if !got.PreviousValidUntil.IsZero() {
			t.Errorf("session %q PreviousValidUntil = %v, want zero", got.OriginJTI, got.PreviousValidUntil)
		}
	} else {
		sameTime(t, "session PreviousValidUntil", got.PreviousValidUntil, want.PreviousValidUntil)
	}
	sameTime(t, "session AuthTime", got.AuthTime, want.AuthTime)
	sameTime(t, "session CreatedAt", got.CreatedAt, want.CreatedAt)
	sameTime(t, "session ExpiresAt", got.ExpiresAt, want.ExpiresAt)
	sameOptTime(t, "session RevokedAt", got.RevokedAt, want.RevokedAt)
}

// testSessions covers CreateSession, GetSession, GetSessionByRefreshHash
// and UpdateSession: round trips, errors, and lookups by the current and
// the previous hash through rotations.
func testSessions(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	createUsers(t, s, newUser(pool, "u"), newUser(pool, "v"), newUser(other, "u"))

	plain := newSession(pool, "u")
	revoked := t0.Add(time.Hour)
	full := newSession(pool, "v")
	full.PreviousHash, full.PreviousValidUntil = newHash(), t0.Add(time.Minute)
	full.DeviceKey, full.RevokedAt, full.Data = "eu-west-1_device", &revoked, []byte{0, 1, 255}
	createSessions(t, s, plain, full)

	t.Run("round trip", func(t *testing.T) {
		sameSession(t, mustGetSession(t, s, pool, plain.OriginJTI), plain)
		sameSession(t, mustGetSession(t, s, pool, full.OriginJTI), full)
	})

	t.Run("create errors", func(t *testing.T) {
		again := newSession(pool, "v")
		again.OriginJTI = plain.OriginJTI
		wantErr(t, "CreateSession, same OriginJTI", s.CreateSession(ctx, again), store.ErrAlreadyExists)
		sameHash := newSession(other, "u")
		sameHash.RefreshHash = plain.RefreshHash
		wantErr(t, "CreateSession, refresh hash taken", s.CreateSession(ctx, sameHash), store.ErrAlreadyExists)
		wantErr(t, "CreateSession, missing user", s.CreateSession(ctx, newSession(pool, "nobody")), store.ErrNotFound)
		wantErr(t, "CreateSession, missing pool", s.CreateSession(ctx, newSession(newID("missing-"), "u")), store.ErrNotFound)

		// The same OriginJTI in another pool is another session.
		elsewhere := newSession(other, "u")
		elsewhere.OriginJTI = plain.OriginJTI
		createSessions(t, s, elsewhere)
		sameSession(t, mustGetSession(t, s, other, plain.OriginJTI), elsewhere)
		sameSession(t, mustGetSession(t, s, pool, plain.OriginJTI), plain)
	})

	t.Run("get errors", func(t *testing.T) {
		_, err := s.GetSession(ctx, pool, newID("jti-"))
		wantErr(t, "GetSession missing", err, store.ErrNotFound)
		_, err = s.GetSession(ctx, other, full.OriginJTI)
		wantErr(t, "GetSession in the wrong pool", err, store.ErrNotFound)
		_, err = s.GetSessionByRefreshHash(ctx, newHash())
		wantErr(t, "GetSessionByRefreshHash unknown", err, store.ErrNotFound)
		// plain has no previous hash: an empty hash must not find it.
		for _, h := range [][]byte{nil, {}} {
			_, err = s.GetSessionByRefreshHash(ctx, h)
			wantErr(t, "GetSessionByRefreshHash empty", err, store.ErrNotFound)
		}
	})

	t.Run("by current and previous hash", func(t *testing.T) {
		got, err := s.GetSessionByRefreshHash(ctx, full.RefreshHash)
		wantErr(t, "GetSessionByRefreshHash current", err, nil)
		sameSession(t, got, full)
		got, err = s.GetSessionByRefreshHash(ctx, full.PreviousHash)
		wantErr(t, "GetSessionByRefreshHash previous", err, nil)
		sameSession(t, got, full)
	})

	t.Run("rotation", func(t *testing.T) {
		sess := newSession(pool, "u")
		createSessions(t, s, sess)
		first := sess.RefreshHash
		var hashes [][]byte
		for i := range 2 {
			next, until := newHash(), t0.Add(time.Duration(i+1)*time.Minute)
			err := s.UpdateSession(ctx, pool, sess.OriginJTI, func(cur store.SessionRecord) (store.SessionRecord, error) {
				sameSession(t, cur, sess)
				cur.PreviousHash, cur.PreviousValidUntil, cur.RefreshHash = cur.RefreshHash, until, next
				cur.ExpiresAt = cur.ExpiresAt.Add(time.Hour)
				return cur, nil
			})
			wantErr(t, "UpdateSession", err, nil)
			sess.PreviousHash, sess.PreviousValidUntil, sess.RefreshHash = sess.RefreshHash, until, next
			sess.ExpiresAt = sess.ExpiresAt.Add(time.Hour)
			hashes = append(hashes, next)
		}
		sameSession(t, mustGetSession(t, s, pool, sess.OriginJTI), sess)
		for i, h := range hashes {
			got, err := s.GetSessionByRefreshHash(ctx, h)
			wantErr(t, "GetSessionByRefreshHash", err, nil)
			if got.OriginJTI != sess.OriginJTI {
				t.Errorf("hash %d finds session %q, want %q", i, got.OriginJTI, sess.OriginJTI)
			}
		}
		_, err := s.GetSessionByRefreshHash(ctx, first)
		wantErr(t, "GetSessionByRefreshHash, a hash rotated out twice", err, store.ErrNotFound)
		// The freed hash may be used again.
		reuse := newSession(pool, "u")
		reuse.RefreshHash = first
		createSessions(t, s, reuse)
	})

	t.Run("update keeps identity", func(t *testing.T) {
		sess := newSession(pool, "u")
		createSessions(t, s, sess)
		now := t0.Add(2 * time.Hour)
		err := s.UpdateSession(ctx, pool, sess.OriginJTI, func(cur store.SessionRecord) (store.SessionRecord, error) {
			cur.PoolID, cur.OriginJTI, cur.ClientID, cur.UserKey = other, "moved", "other-client", "v"
			cur.RevokedAt, cur.DeviceKey, cur.Data = &now, "device", nil
			cur.AuthTime, cur.CreatedAt = now, now
			return cur, nil
		})
		wantErr(t, "UpdateSession", err, nil)
		sess.RevokedAt, sess.DeviceKey, sess.Data = &now, "device", nil
		sess.AuthTime, sess.CreatedAt = now, now
		sameSession(t, mustGetSession(t, s, pool, sess.OriginJTI), sess)
		_, err = s.GetSession(ctx, other, "moved")
		wantErr(t, "GetSession of the ID the update tried", err, store.ErrNotFound)
	})

	t.Run("update to a taken hash", func(t *testing.T) {
		sess := newSession(pool, "u")
		createSessions(t, s, sess)
		for _, taken := range [][]byte{plain.RefreshHash, full.RefreshHash} {
			err := s.UpdateSession(ctx, pool, sess.OriginJTI, func(cur store.SessionRecord) (store.SessionRecord, error) {
				cur.RefreshHash, cur.DeviceKey = taken, "changed"
				return cur, nil
			})
			wantErr(t, "UpdateSession to another session's hash", err, store.ErrAlreadyExists)
		}
		sameSession(t, mustGetSession(t, s, pool, sess.OriginJTI), sess)
		got, err := s.GetSessionByRefreshHash(ctx, plain.RefreshHash)
		wantErr(t, "GetSessionByRefreshHash", err, nil)
		sameSession(t, got, plain)
	})

	t.Run("update missing", func(t *testing.T) {
		called := func(cur store.SessionRecord) (store.SessionRecord, error) {
			t.Error("UpdateSession called the function for a missing session")
			return cur, nil
		}
		wantErr(t, "UpdateSession missing", s.UpdateSession(ctx, pool, newID("jti-"), called), store.ErrNotFound)
		wantErr(t, "UpdateSession in the wrong pool", s.UpdateSession(ctx, other, full.OriginJTI, called), store.ErrNotFound)
	})
}

// testRevokeUserSessions revokes one user's sessions: only those not yet
// revoked count and change, other users and pools keep theirs, and doing it
// again revokes nothing.
func testRevokeUserSessions(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	createUsers(t, s, newUser(pool, "u"), newUser(pool, "v"), newUser(pool, "idle"), newUser(other, "u"))
	earlier, now, later := t0.Add(time.Hour), t0.Add(2*time.Hour), t0.Add(3*time.Hour)
	live1, live2, old := newSession(pool, "u"), newSession(pool, "u"), newSession(pool, "u")
	old.RevokedAt = &earlier
	expired := newSession(pool, "u")
	expired.ExpiresAt = t0.Add(-time.Hour)
	neighbour, elsewhere := newSession(pool, "v"), newSession(other, "u")
	createSessions(t, s, live1, live2, old, expired, neighbour, elsewhere)

	n, err := s.RevokeUserSessions(ctx, pool, "u", now)
	wantErr(t, "RevokeUserSessions", err, nil)
	if n != 3 {
		t.Errorf("RevokeUserSessions = %d, want 3 (two live sessions and an expired one)", n)
	}
	check := func(t *testing.T) {
		t.Helper()
		for _, sess := range []store.SessionRecord{live1, live2, expired} {
			sess.RevokedAt = &now
			sameSession(t, mustGetSession(t, s, pool, sess.OriginJTI), sess)
		}
		sameSession(t, mustGetSession(t, s, pool, old.OriginJTI), old)
		sameSession(t, mustGetSession(t, s, pool, neighbour.OriginJTI), neighbour)
		sameSession(t, mustGetSession(t, s, other, elsewhere.OriginJTI), elsewhere)
	}
	check(t)

	t.Run("again", func(t *testing.T) {
		n, err := s.RevokeUserSessions(ctx, pool, "u", later)
		wantErr(t, "RevokeUserSessions again", err, nil)
		if n != 0 {
			t.Errorf("RevokeUserSessions again = %d, want 0", n)
		}
		check(t) // the first revocation time stays
	})
	t.Run("user without sessions", func(t *testing.T) {
		n, err := s.RevokeUserSessions(ctx, pool, "idle", now)
		if err != nil || n != 0 {
			t.Errorf("RevokeUserSessions = %d, %v; want 0, nil", n, err)
		}
	})
	t.Run("missing user", func(t *testing.T) {
		_, err := s.RevokeUserSessions(ctx, pool, "nobody", now)
		wantErr(t, "RevokeUserSessions missing user", err, store.ErrNotFound)
		_, err = s.RevokeUserSessions(ctx, newID("missing-"), "u", now)
		wantErr(t, "RevokeUserSessions missing pool", err, store.ErrNotFound)
	})
}

// expiryBase is far before any other case's sessions: DeleteExpiredSessions
// works across pools, so the sessions of testDeleteExpiredSessions must be
// the only ones it can reach.
var expiryBase = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// testDeleteExpiredSessions deletes the sessions that expired strictly
// before the given time, revoked or not, in every pool.
func testDeleteExpiredSessions(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	createUsers(t, s, newUser(pool, "u"), newUser(other, "u"))
	session := func(pool string, expires time.Time) store.SessionRecord {
		sess := newSession(pool, "u")
		sess.AuthTime, sess.CreatedAt, sess.ExpiresAt = expiryBase, expiryBase, expires
		return sess
	}
	cutoff := expiryBase.Add(24 * time.Hour)
	gone1, gone2 := session(pool, cutoff.Add(-time.Hour)), session(other, cutoff.Add(-time.Millisecond))
	revoked := session(pool, cutoff.Add(-2*time.Hour))
	revoked.RevokedAt = &cutoff
	atCutoff, after := session(pool, cutoff), session(other, cutoff.Add(time.Hour))
	createSessions(t, s, gone1, gone2, revoked, atCutoff, after)

	n, err := s.DeleteExpiredSessions(ctx, cutoff)
	wantErr(t, "DeleteExpiredSessions", err, nil)
	if n != 3 {
		t.Errorf("DeleteExpiredSessions = %d, want 3", n)
	}
	for _, sess := range []store.SessionRecord{gone1, gone2, revoked} {
		_, err := s.GetSession(ctx, sess.PoolID, sess.OriginJTI)
		wantErr(t, "GetSession of an expired session", err, store.ErrNotFound)
		_, err = s.GetSessionByRefreshHash(ctx, sess.RefreshHash)
		wantErr(t, "GetSessionByRefreshHash of an expired session", err, store.ErrNotFound)
	}
	sameSession(t, mustGetSession(t, s, pool, atCutoff.OriginJTI), atCutoff)
	sameSession(t, mustGetSession(t, s, other, after.OriginJTI), after)

	n, err = s.DeleteExpiredSessions(ctx, cutoff)
	if err != nil || n != 0 {
		t.Errorf("DeleteExpiredSessions again = %d, %v; want 0, nil", n, err)
	}
}
