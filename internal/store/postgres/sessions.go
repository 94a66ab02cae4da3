package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	sessionColumns = `pool_id, origin_jti, client_id, user_key, refresh_hash, previous_hash,
		previous_valid_until, device_key, auth_time, created_at, expires_at, revoked_at, data`
	getSessionSQL = "SELECT " + sessionColumns + " FROM sessions WHERE pool_id = $1 AND origin_jti = $2"
	// sessionByHashSQL searches sessions_by_refresh_hash and
	// sessions_by_previous_hash; should a hash be one session's current and
	// another's previous, the current one wins.
	sessionByHashSQL = "SELECT " + sessionColumns + ` FROM sessions
		WHERE refresh_hash = $1 OR previous_hash = $1 ORDER BY refresh_hash = $1 DESC LIMIT 1`
	revokeSessionsSQL = "UPDATE sessions SET revoked_at = $3 WHERE pool_id = $1 AND user_key = $2 AND revoked_at IS NULL"
	expireSessionsSQL = "DELETE FROM sessions WHERE expires_at < $1"
	// updateSessionSQL takes sessionArgs; the client and user ($3, $4) only
	// match, since the store keeps them (and PostgreSQL wants every parameter used).
	updateSessionSQL = `UPDATE sessions SET refresh_hash = $5, previous_hash = $6, previous_valid_until = $7,
		device_key = $8, auth_time = $9, created_at = $10, expires_at = $11, revoked_at = $12, data = $13
		WHERE pool_id = $1 AND origin_jti = $2 AND client_id = $3 AND user_key = $4`
)

func scanSession(row pgx.Row) (store.SessionRecord, error) {
	var s store.SessionRecord
	var previousUntil *time.Time
	err := row.Scan(&s.PoolID, &s.OriginJTI, &s.ClientID, &s.UserKey, &s.RefreshHash, &s.PreviousHash,
		&previousUntil, &s.DeviceKey, &s.AuthTime, &s.CreatedAt, &s.ExpiresAt, &s.RevokedAt, &s.Data)
	if previousUntil != nil {
		s.PreviousValidUntil = previousUntil.UTC()
	}
	utc(&s.AuthTime, &s.CreatedAt, &s.ExpiresAt)
	s.RevokedAt = optUTC(s.RevokedAt)
	return s, err
}

// sessionArgs are the values of sessionColumns for s. An empty
// PreviousHash and a zero PreviousValidUntil are stored as NULL.
func sessionArgs(s store.SessionRecord) []any {
	return []any{s.PoolID, s.OriginJTI, s.ClientID, s.UserKey, s.RefreshHash, nullBytes(s.PreviousHash),
		zeroNull(s.PreviousValidUntil), s.DeviceKey, s.AuthTime, s.CreatedAt, s.ExpiresAt, s.RevokedAt, s.Data}
}

// CreateSession answers store.ErrNotFound for a missing user through the
// foreign key, and store.ErrAlreadyExists when the OriginJTI or the refresh
// hash is taken, in one statement.
func (s *Store) CreateSession(ctx context.Context, sess store.SessionRecord) error {
	return created(s.pool.Exec(ctx,
		"INSERT INTO sessions ("+sessionColumns+") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING",
		sessionArgs(sess)...))
}

func (s *Store) GetSession(ctx context.Context, poolID, originJTI string) (store.SessionRecord, error) {
	sess, err := scanSession(s.pool.QueryRow(ctx, getSessionSQL, poolID, originJTI))
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
	sess, err := scanSession(s.pool.QueryRow(ctx, sessionByHashSQL, hash))
	if err != nil {
		return store.SessionRecord{}, notFound(err)
	}
	return sess, nil
}

// UpdateSession locks the row with FOR UPDATE, so concurrent updates of one
// session (a refresh racing a revocation) queue and each sees the previous
// one's result. It keeps the session's PoolID, OriginJTI, ClientID and
// UserKey whatever update returns. A new refresh hash held by another
// session fails with store.ErrAlreadyExists.
func (s *Store) UpdateSession(ctx context.Context, poolID, originJTI string, update func(store.SessionRecord) (store.SessionRecord, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanSession(tx.QueryRow(ctx, getSessionSQL+" FOR UPDATE", poolID, originJTI))
		if err != nil {
			return notFound(err)
		}
		clientID, userKey := old.ClientID, old.UserKey
		sess, err := update(old)
		if err != nil {
			return err
		}
		sess.PoolID, sess.OriginJTI, sess.ClientID, sess.UserKey = poolID, originJTI, clientID, userKey
		tag, err := tx.Exec(ctx, updateSessionSQL, sessionArgs(sess)...)
		if err != nil {
			return wrapUnique(err)
		}
		return affected(tag, nil)
	})
}

// RevokeUserSessions answers store.ErrNotFound, rather than 0, when the
// user does not exist.
func (s *Store) RevokeUserSessions(ctx context.Context, poolID, userKey string, t time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, revokeSessionsSQL, poolID, userKey, t)
	if err != nil {
		return 0, wrap(err)
	}
	if tag.RowsAffected() == 0 {
		return 0, exists(ctx, s.pool, userExists, poolID, userKey)
	}
	return int(tag.RowsAffected()), nil
}

// DeleteExpiredSessions walks sessions_by_expiry, in every pool.
func (s *Store) DeleteExpiredSessions(ctx context.Context, t time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, expireSessionsSQL, t)
	if err != nil {
		return 0, wrap(err)
	}
	return int(tag.RowsAffected()), nil
}
