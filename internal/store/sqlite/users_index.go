package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

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
