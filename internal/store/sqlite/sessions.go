package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	sessionColumns = `pool_id, origin_jti, client_id, user_key, refresh_hash, previous_hash,
		previous_valid_until, device_key, auth_time, created_at, expires_at, revoked_at, data`
	getSessionSQL = "SELECT " + sessionColumns + " FROM sessions WHERE pool_id = ? AND origin_jti = ?"
	// sessionByHashSQL searches sessions_by_refresh_hash and
	// sessions_by_previous_hash; should a hash be one session's current and
	// another's previous, the current one wins.
	sessionByHashSQL = "SELECT " + sessionColumns + ` FROM sessions
		WHERE refresh_hash = ?1 OR previous_hash = ?1 ORDER BY refresh_hash = ?1 DESC LIMIT 1`
	// createSessionSQL takes sessionArgs; ?1 and ?4 name the user, which
	// must exist. The WHERE clause also keeps SQLite's parser from reading
	// ON CONFLICT as a join constraint of the SELECT.
	createSessionSQL = "INSERT INTO sessions (" + sessionColumns + `)
		SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13
		WHERE EXISTS (SELECT 1 FROM users WHERE pool_id = ?1 AND user_key = ?4) ON CONFLICT DO NOTHING`
	revokeSessionsSQL = "UPDATE sessions SET revoked_at = ? WHERE pool_id = ? AND user_key = ? AND revoked_at IS NULL"
	expireSessionsSQL = "DELETE FROM sessions WHERE expires_at < ?"
	// updateSessionSQL takes sessionArgs; the client and user (?3, ?4) stay.
	updateSessionSQL = `UPDATE sessions SET refresh_hash = ?5, previous_hash = ?6, previous_valid_until = ?7,
		device_key = ?8, auth_time = ?9, created_at = ?10, expires_at = ?11, revoked_at = ?12, data = ?13
		WHERE pool_id = ?1 AND origin_jti = ?2`
)

func scanSession(sc scanner) (store.SessionRecord, error) {
	var s store.SessionRecord
	var previousUntil, revoked sql.NullInt64
	var authTime, created, expires int64
	err := sc.Scan(&s.PoolID, &s.OriginJTI, &s.ClientID, &s.UserKey, &s.RefreshHash, &s.PreviousHash,
		&previousUntil, &s.DeviceKey, &authTime, &created, &expires, &revoked, &s.Data)
	if err != nil {
		return s, err
	}
	s.PreviousValidUntil, s.RevokedAt = fromZeroMicros(previousUntil), fromOptMicros(revoked)
	s.AuthTime, s.CreatedAt, s.ExpiresAt = fromMicros(authTime), fromMicros(created), fromMicros(expires)
	return s, nil
}

// sessionArgs are the values of sessionColumns for s. An empty
// PreviousHash and a zero PreviousValidUntil are stored as NULL.
func sessionArgs(s store.SessionRecord) []any {
	return []any{s.PoolID, s.OriginJTI, s.ClientID, s.UserKey, s.RefreshHash, nullBlob(s.PreviousHash),
		zeroMicros(s.PreviousValidUntil), s.DeviceKey, micros(s.AuthTime), micros(s.CreatedAt),
		micros(s.ExpiresAt), optMicros(s.RevokedAt), s.Data}
}

// CreateSession answers store.ErrNotFound when the user is missing, and
// store.ErrAlreadyExists when the OriginJTI or the refresh hash is taken.
func (s *Store) CreateSession(ctx context.Context, sess store.SessionRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		// One statement in the common case: the row goes in only if its
		// user exists; when nothing went in, the user's absence is told
		// apart from a taken OriginJTI or refresh hash afterwards.
		err := created(s.execHot(ctx, tx, createSessionSQL, sessionArgs(sess)...))
		if errors.Is(err, store.ErrAlreadyExists) {
			if uerr := exists(ctx, tx, userExists, sess.PoolID, sess.UserKey); uerr != nil {
				return uerr
			}
		}
		return err
	})
}

func (s *Store) GetSession(ctx context.Context, poolID, originJTI string) (store.SessionRecord, error) {
	sess, err := scanSession(s.r.QueryRowContext(ctx, getSessionSQL, poolID, originJTI))
	if err != nil {
		return store.SessionRecord{}, notFound(err)
	}
	return sess, nil
}

// GetSessionByRefreshHash matches the current or the previous hash; an
// empty hash matches nothing.
func (s *Store) GetSessionByRefreshHash(ctx context.Context, hash []byte) (store.SessionRecord, error) {
	if len(hash) == 0 {
		return store.SessionRecord{}, store.ErrNotFound
	}
	sess, err := scanSession(s.r.QueryRowContext(ctx, sessionByHashSQL, hash))
	if err != nil {
		return store.SessionRecord{}, notFound(err)
	}
	return sess, nil
}

// UpdateSession keeps the session's PoolID, OriginJTI, ClientID and UserKey
// whatever update returns. A new refresh hash held by another session fails
// with store.ErrAlreadyExists.
func (s *Store) UpdateSession(ctx context.Context, poolID, originJTI string, update func(store.SessionRecord) (store.SessionRecord, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanSession(tx.QueryRowContext(ctx, getSessionSQL, poolID, originJTI))
		if err != nil {
			return notFound(err)
		}
		clientID, userKey := old.ClientID, old.UserKey
		sess, err := update(old)
		if err != nil {
			return err
		}
		sess.PoolID, sess.OriginJTI, sess.ClientID, sess.UserKey = poolID, originJTI, clientID, userKey
		err = affected(tx.ExecContext(ctx, updateSessionSQL, sessionArgs(sess)...))
		if uniqueViolation(err) {
			return store.ErrAlreadyExists
		}
		return err
	})
}

// RevokeUserSessions answers store.ErrNotFound, rather than 0, when the
// user does not exist.
func (s *Store) RevokeUserSessions(ctx context.Context, poolID, userKey string, t time.Time) (int, error) {
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, revokeSessionsSQL, micros(t), poolID, userKey)
		if err != nil {
			return wrap(err)
		}
		if n, err = res.RowsAffected(); err != nil {
			return wrap(err)
		}
		if n == 0 {
			return exists(ctx, tx, userExists, poolID, userKey)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return int(n), nil
}

// DeleteExpiredSessions walks sessions_by_expiry, in every pool.
func (s *Store) DeleteExpiredSessions(ctx context.Context, t time.Time) (int, error) {
	return deleted(s.w.ExecContext(ctx, expireSessionsSQL, micros(t)))
}
