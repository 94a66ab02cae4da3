package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	keyColumns  = "pool_id, key_id, key_use, data, created_at, retired_at"
	getKeySQL   = "SELECT " + keyColumns + " FROM keys WHERE pool_id = ? AND key_id = ?"
	listKeysSQL = "SELECT " + keyColumns + " FROM keys WHERE pool_id = ? ORDER BY created_at, key_id"
)

func scanKey(sc scanner) (store.KeyRecord, error) {
	var k store.KeyRecord
	var created int64
	var retired sql.NullInt64
	if err := sc.Scan(&k.PoolID, &k.KeyID, &k.Use, &k.Data, &created, &retired); err != nil {
		return k, err
	}
	k.CreatedAt, k.RetiredAt = fromMicros(created), fromOptMicros(retired)
	return k, nil
}

func (s *Store) CreateKey(ctx context.Context, k store.KeyRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, poolExists, k.PoolID); err != nil {
			return err
		}
		return created(tx.ExecContext(ctx,
			"INSERT INTO keys ("+keyColumns+") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			k.PoolID, k.KeyID, k.Use, k.Data, micros(k.CreatedAt), optMicros(k.RetiredAt)))
	})
}

// ListKeys walks keys_by_age: oldest first, ties by key ID.
func (s *Store) ListKeys(ctx context.Context, poolID string) ([]store.KeyRecord, error) {
	return listIn(ctx, s.r, poolExists, []any{poolID}, scanKey, listKeysSQL, poolID)
}

// UpdateKey keeps the key's PoolID and KeyID whatever update returns.
func (s *Store) UpdateKey(ctx context.Context, poolID, keyID string, update func(store.KeyRecord) (store.KeyRecord, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanKey(tx.QueryRowContext(ctx, getKeySQL, poolID, keyID))
		if err != nil {
			return notFound(err)
		}
		k, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.ExecContext(ctx,
			"UPDATE keys SET key_use = ?, data = ?, created_at = ?, retired_at = ? WHERE pool_id = ? AND key_id = ?",
			k.Use, k.Data, micros(k.CreatedAt), optMicros(k.RetiredAt), poolID, keyID))
	})
}
