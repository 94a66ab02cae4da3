package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	poolColumns = "id, name, data, created_at, updated_at"
	getPoolSQL  = "SELECT " + poolColumns + " FROM pools WHERE id = $1"
	listPoolSQL = "SELECT " + poolColumns + " FROM pools WHERE id > $1 ORDER BY id LIMIT $2"
	poolExists  = "SELECT 1 FROM pools WHERE id = $1"
)

func scanPool(row pgx.Row) (store.PoolRecord, error) {
	var p store.PoolRecord
	err := row.Scan(&p.ID, &p.Name, &p.Data, &p.CreatedAt, &p.UpdatedAt)
	utc(&p.CreatedAt, &p.UpdatedAt)
	return p, err
}

func (s *Store) CreatePool(ctx context.Context, p store.PoolRecord) error {
	return created(s.pool.Exec(ctx,
		"INSERT INTO pools ("+poolColumns+") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
		p.ID, p.Name, p.Data, p.CreatedAt, p.UpdatedAt))
}

func (s *Store) GetPool(ctx context.Context, id string) (store.PoolRecord, error) {
	p, err := scanPool(s.pool.QueryRow(ctx, getPoolSQL, id))
	if err != nil {
		return store.PoolRecord{}, notFound(err)
	}
	return p, nil
}

func (s *Store) ListPools(ctx context.Context, page store.Page) ([]store.PoolRecord, error) {
	return list(ctx, s.pool, scanPool, listPoolSQL, page.After, limit(page))
}

// UpdatePool keeps the pool's ID whatever update returns.
func (s *Store) UpdatePool(ctx context.Context, id string, update func(store.PoolRecord) (store.PoolRecord, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanPool(tx.QueryRow(ctx, getPoolSQL+" FOR UPDATE", id))
		if err != nil {
			return notFound(err)
		}
		p, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.Exec(ctx,
			"UPDATE pools SET name = $2, data = $3, created_at = $4, updated_at = $5 WHERE id = $1",
			id, p.Name, p.Data, p.CreatedAt, p.UpdatedAt))
	})
}

// DeletePool relies on ON DELETE CASCADE for clients, users (and with them
// claims, search rows and memberships) and groups.
func (s *Store) DeletePool(ctx context.Context, id string) error {
	return affected(s.pool.Exec(ctx, "DELETE FROM pools WHERE id = $1", id))
}
