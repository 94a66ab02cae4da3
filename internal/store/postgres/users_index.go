package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

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
