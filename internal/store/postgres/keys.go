package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	keyColumns  = "pool_id, key_id, key_use, data, created_at, retired_at"
	getKeySQL   = "SELECT " + keyColumns + " FROM keys WHERE pool_id = $1 AND key_id = $2"
	listKeysSQL = "SELECT " + keyColumns + " FROM keys WHERE pool_id = $1 ORDER BY created_at, key_id"
)

func scanKey(row pgx.Row) (store.KeyRecord, error) {
	var k store.KeyRecord
	err := row.Scan(&k.PoolID, &k.KeyID, &k.Use, &k.Data, &k.CreatedAt, &k.RetiredAt)
	utc(&k.CreatedAt)
	k.RetiredAt = optUTC(k.RetiredAt)
	return k, err
}

// CreateKey answers store.ErrNotFound for a missing pool through the
// foreign key, in one statement.
func (s *Store) CreateKey(ctx context.Context, k store.KeyRecord) error {
	return created(s.pool.Exec(ctx,
		"INSERT INTO keys ("+keyColumns+") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
		k.PoolID, k.KeyID, k.Use, k.Data, k.CreatedAt, k.RetiredAt))
}

// ListKeys walks keys_by_age: oldest first, ties by key ID.
func (s *Store) ListKeys(ctx context.Context, poolID string) ([]store.KeyRecord, error) {
	return listIn(ctx, s.pool, poolExists, []any{poolID}, scanKey, listKeysSQL, poolID)
}

// UpdateKey keeps the key's PoolID and KeyID whatever update returns.
func (s *Store) UpdateKey(ctx context.Context, poolID, keyID string, update func(store.KeyRecord) (store.KeyRecord, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanKey(tx.QueryRow(ctx, getKeySQL+" FOR UPDATE", poolID, keyID))
		if err != nil {
			return notFound(err)
		}
		k, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.Exec(ctx,
			"UPDATE keys SET key_use = $3, data = $4, created_at = $5, retired_at = $6 WHERE pool_id = $1 AND key_id = $2",
			poolID, keyID, k.Use, k.Data, k.CreatedAt, k.RetiredAt))
	})
}
