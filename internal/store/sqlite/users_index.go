package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

// addClaims gives the user claims, in order. A claim another user holds
// stops with *store.ConflictError naming it and its owner; the caller's
// transaction then rolls back, so nothing of the write remains.
func addClaims(ctx context.Context, tx *sql.Tx, poolID, key string, claims []string) error {
	for _, c := range claims {
		res, err := tx.ExecContext(ctx,
			"INSERT INTO user_claims (pool_id, claim, user_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
			poolID, c, key)
		if err != nil {
			return wrap(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return wrap(err)
		} else if n == 1 {
			continue
		}
		var owner string
		err = tx.QueryRowContext(ctx, "SELECT user_key FROM user_claims WHERE pool_id = ? AND claim = ?",
			poolID, c).Scan(&owner)
		if err != nil {
			return wrap(err)
		}
		return &store.ConflictError{Claim: c, Owner: owner}
	}
	return nil
}

func removeClaims(ctx context.Context, tx *sql.Tx, poolID, key string, claims []string) error {
	for _, c := range claims {
		_, err := tx.ExecContext(ctx, "DELETE FROM user_claims WHERE pool_id = ? AND claim = ? AND user_key = ?", poolID, c, key)
		if err != nil {
			return wrap(err)
		}
	}
	return nil
}

// setEntries inserts or overwrites the user's search rows for es.
func setEntries(ctx context.Context, tx *sql.Tx, poolID, key string, es []userindex.Entry) error {
	for _, e := range es {
		_, err := tx.ExecContext(ctx, `INSERT INTO user_search (pool_id, user_key, attr, value) VALUES (?, ?, ?, ?)
			ON CONFLICT (pool_id, user_key, attr) DO UPDATE SET value = excluded.value`,
			poolID, key, e.Attr, e.Value)
		if err != nil {
			return wrap(err)
		}
	}
	return nil
}

func removeEntries(ctx context.Context, tx *sql.Tx, poolID, key string, attrs []string) error {
	for _, a := range attrs {
		_, err := tx.ExecContext(ctx, "DELETE FROM user_search WHERE pool_id = ? AND user_key = ? AND attr = ?",
			poolID, key, a)
		if err != nil {
			return wrap(err)
		}
	}
	return nil
}
