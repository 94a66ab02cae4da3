package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

// addClaims gives the user claims (sorted, so that two writers never wait
// on each other's claims in opposite orders) in one statement. A claim
// another user holds stops with *store.ConflictError naming it and its
// owner; the caller's transaction then rolls back, so nothing of the write
// remains.
func addClaims(ctx context.Context, tx pgx.Tx, poolID, key string, claims []string) error {
	const insert = `INSERT INTO user_claims (pool_id, claim, user_key)
		SELECT $1, c, $2 FROM unnest($3::text[]) AS c ORDER BY c
		ON CONFLICT DO NOTHING RETURNING claim`
	// A conflicting claim can be released between the insert and the look
	// up of its owner; then the insert is tried again.
	if len(claims) == 0 {
		return nil
	}
	for range 3 {
		rows, err := tx.Query(ctx, insert, poolID, key, claims)
		if err != nil {
			return wrap(err)
		}
		inserted, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return wrap(err)
		}
		claims = slices.DeleteFunc(claims, func(c string) bool { return slices.Contains(inserted, c) })
		if len(claims) == 0 {
			return nil
		}
		for _, c := range claims {
			var owner string
			err := tx.QueryRow(ctx, "SELECT user_key FROM user_claims WHERE pool_id = $1 AND claim = $2",
				poolID, c).Scan(&owner)
			if err == nil {
				return &store.ConflictError{Claim: c, Owner: owner}
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return wrap(err)
			}
		}
	}
	return fmt.Errorf("postgres: claims %q kept changing hands", claims)
}

func removeClaims(ctx context.Context, tx pgx.Tx, poolID, key string, claims []string) error {
	if len(claims) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, "DELETE FROM user_claims WHERE pool_id = $1 AND claim = ANY($2) AND user_key = $3",
		poolID, claims, key)
	return wrap(err)
}

// setEntries inserts or overwrites the user's search rows for es.
func setEntries(ctx context.Context, tx pgx.Tx, poolID, key string, es []userindex.Entry) error {
	if len(es) == 0 {
		return nil
	}
	attrs, values := userindex.Split(es)
	_, err := tx.Exec(ctx, `INSERT INTO user_search (pool_id, user_key, attr, value)
		SELECT $1, $2, a, v FROM unnest($3::text[], $4::text[]) AS e (a, v)
		ON CONFLICT (pool_id, user_key, attr) DO UPDATE SET value = excluded.value`,
		poolID, key, attrs, values)
	return wrap(err)
}

func removeEntries(ctx context.Context, tx pgx.Tx, poolID, key string, attrs []string) error {
	if len(attrs) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, "DELETE FROM user_search WHERE pool_id = $1 AND user_key = $2 AND attr = ANY($3)",
		poolID, key, attrs)
	return wrap(err)
}
