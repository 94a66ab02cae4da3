package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

const (
	userColumns = "pool_id, user_key, username, sub, status, enabled, attributes, claims, data, created_at, updated_at"
	// uColumns are userColumns of the users table aliased u in a join.
	uColumns   = "u.pool_id, u.user_key, u.username, u.sub, u.status, u.enabled, u.attributes, u.claims, u.data, u.created_at, u.updated_at"
	getUserSQL = "SELECT " + userColumns + " FROM users WHERE pool_id = ? AND user_key = ?"
	userExists = "SELECT 1 FROM users WHERE pool_id = ? AND user_key = ?"
	// userByClaimSQL finds a claim's owner through user_claims' primary key.
	userByClaimSQL = "SELECT " + uColumns + ` FROM user_claims AS c
		CROSS JOIN users AS u ON u.pool_id = c.pool_id AND u.user_key = c.user_key
		WHERE c.pool_id = ? AND c.claim = ?`
)

func scanUser(sc scanner) (store.UserRecord, error) {
	var u store.UserRecord
	var attrs, claims string
	var created, updated int64
	err := sc.Scan(&u.PoolID, &u.Key, &u.Username, &u.Sub, &u.Status, &u.Enabled,
		&attrs, &claims, &u.Data, &created, &updated)
	if err != nil {
		return u, err
	}
	if u.Attributes, err = decodeAttributes(attrs); err != nil {
		return u, err
	}
	if err := json.Unmarshal([]byte(claims), &u.Claims); err != nil {
		return u, err
	}
	u.CreatedAt, u.UpdatedAt = fromMicros(created), fromMicros(updated)
	return u, nil
}

// userArgs are the values of userColumns for u, whose Claims must already
// be in userindex.Claims form.
func userArgs(u store.UserRecord) ([]any, error) {
	attrs := u.Attributes
	if attrs == nil {
		attrs = map[string]string{}
	}
	a, err := encodeJSON(attrs)
	if err != nil {
		return nil, err
	}
	claims := u.Claims
	if claims == nil {
		claims = []string{}
	}
	c, err := encodeJSON(claims)
	if err != nil {
		return nil, err
	}
	return []any{u.PoolID, u.Key, u.Username, u.Sub, u.Status, u.Enabled,
		a, c, u.Data, micros(u.CreatedAt), micros(u.UpdatedAt)}, nil
}

func (s *Store) CreateUser(ctx context.Context, u store.UserRecord) error {
	u.Claims = userindex.Claims(u.Claims)
	args, err := userArgs(u)
	if err != nil {
		return wrap(err)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, poolExists, u.PoolID); err != nil {
			return err
		}
		err := created(tx.ExecContext(ctx,
			"INSERT INTO users ("+userColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			args...))
		if err != nil {
			return err
		}
		if err := userClaims.add(ctx, tx, u.PoolID, u.Key, u.Claims); err != nil {
			return err
		}
		return setEntries(ctx, tx, u.PoolID, u.Key, userindex.Entries(u))
	})
}

func (s *Store) GetUser(ctx context.Context, poolID, key string) (store.UserRecord, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, getUserSQL, poolID, key))
	if err != nil {
		return store.UserRecord{}, notFound(err)
	}
	return u, nil
}

func (s *Store) GetUserByClaim(ctx context.Context, poolID, claim string) (store.UserRecord, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, userByClaimSQL, poolID, claim))
	if err != nil {
		return store.UserRecord{}, notFound(err)
	}
	return u, nil
}

// UpdateUser writes the row, then brings user_claims and user_search in
// line with the new record, touching only what changed. A claim held by
// another user aborts the whole update.
func (s *Store) UpdateUser(ctx context.Context, poolID, key string, update func(store.UserRecord) (store.UserRecord, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanUser(tx.QueryRowContext(ctx, getUserSQL, poolID, key))
		if err != nil {
			return notFound(err)
		}
		// Take what the diff needs before update can modify old in place.
		oldClaims, oldEntries := slices.Clone(old.Claims), userindex.Entries(old)
		u, err := update(old)
		if err != nil {
			return err
		}
		u.PoolID, u.Key, u.Claims = poolID, key, userindex.Claims(u.Claims)
		args, err := userArgs(u)
		if err != nil {
			return wrap(err)
		}
		err = affected(tx.ExecContext(ctx, `UPDATE users SET username = ?3, sub = ?4, status = ?5,
			enabled = ?6, attributes = ?7, claims = ?8, data = ?9, created_at = ?10, updated_at = ?11
			WHERE pool_id = ?1 AND user_key = ?2`, args...))
		if err != nil {
			return err
		}
		if err := userClaims.replace(ctx, tx, poolID, key, oldClaims, u.Claims); err != nil {
			return err
		}
		set, unset := userindex.DiffEntries(oldEntries, userindex.Entries(u))
		if err := removeEntries(ctx, tx, poolID, key, unset); err != nil {
			return err
		}
		return setEntries(ctx, tx, poolID, key, set)
	})
}

// DeleteUser relies on ON DELETE CASCADE for claims, search rows and
// group memberships.
func (s *Store) DeleteUser(ctx context.Context, poolID, key string) error {
	return affected(s.w.ExecContext(ctx, "DELETE FROM users WHERE pool_id = ? AND user_key = ?", poolID, key))
}
