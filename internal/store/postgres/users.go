package postgres

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

const (
	userColumns = "pool_id, user_key, username, sub, status, enabled, attributes, claims, data, created_at, updated_at"
	// uColumns are userColumns of the users table aliased u in a join.
	uColumns   = "u.pool_id, u.user_key, u.username, u.sub, u.status, u.enabled, u.attributes, u.claims, u.data, u.created_at, u.updated_at"
	getUserSQL = "SELECT " + userColumns + " FROM users WHERE pool_id = $1 AND user_key = $2"
	userExists = "SELECT 1 FROM users WHERE pool_id = $1 AND user_key = $2"
	// userByClaimSQL finds a claim's owner through user_claims' primary key.
	userByClaimSQL = "SELECT " + uColumns + ` FROM user_claims AS c
		JOIN users AS u ON u.pool_id = c.pool_id AND u.user_key = c.user_key
		WHERE c.pool_id = $1 AND c.claim = $2`
)

func scanUser(row pgx.Row) (store.UserRecord, error) {
	var u store.UserRecord
	err := row.Scan(&u.PoolID, &u.Key, &u.Username, &u.Sub, &u.Status, &u.Enabled,
		&u.Attributes, &u.Claims, &u.Data, &u.CreatedAt, &u.UpdatedAt)
	if u.Attributes == nil {
		u.Attributes = map[string]string{} // update functions may assign to it
	}
	utc(&u.CreatedAt, &u.UpdatedAt)
	return u, err
}

// userArgs are the values of userColumns for u, whose Claims must already
// be in userindex.Claims form. NOT NULL columns get empty values for nil.
func userArgs(u store.UserRecord) []any {
	attrs, claims := u.Attributes, u.Claims
	if attrs == nil {
		attrs = map[string]string{}
	}
	if claims == nil {
		claims = []string{}
	}
	return []any{u.PoolID, u.Key, u.Username, u.Sub, u.Status, u.Enabled,
		attrs, claims, u.Data, u.CreatedAt, u.UpdatedAt}
}

// CreateUser inserts the row, its claims and its search rows in one
// transaction; a missing pool surfaces as a foreign key violation.
func (s *Store) CreateUser(ctx context.Context, u store.UserRecord) error {
	u.Claims = userindex.Claims(u.Claims)
	return s.inTx(ctx, func(tx pgx.Tx) error {
		err := created(tx.Exec(ctx,
			"INSERT INTO users ("+userColumns+") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING",
			userArgs(u)...))
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
	u, err := scanUser(s.pool.QueryRow(ctx, getUserSQL, poolID, key))
	if err != nil {
		return store.UserRecord{}, notFound(err)
	}
	return u, nil
}

func (s *Store) GetUserByClaim(ctx context.Context, poolID, claim string) (store.UserRecord, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, userByClaimSQL, poolID, claim))
	if err != nil {
		return store.UserRecord{}, notFound(err)
	}
	return u, nil
}

// UpdateUser locks the row with FOR UPDATE, so concurrent updates of one
// user queue and each sees the previous one's result; then it writes the
// row and brings user_claims and user_search in line, touching only what
// changed. A claim held by another user aborts the whole update.
func (s *Store) UpdateUser(ctx context.Context, poolID, key string, update func(store.UserRecord) (store.UserRecord, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanUser(tx.QueryRow(ctx, getUserSQL+" FOR UPDATE", poolID, key))
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
		err = affected(tx.Exec(ctx, `UPDATE users SET username = $3, sub = $4, status = $5, enabled = $6,
			attributes = $7, claims = $8, data = $9, created_at = $10, updated_at = $11
			WHERE pool_id = $1 AND user_key = $2`, userArgs(u)...))
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
	return affected(s.pool.Exec(ctx, "DELETE FROM users WHERE pool_id = $1 AND user_key = $2", poolID, key))
}
