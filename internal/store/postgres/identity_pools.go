package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

var _ store.IdentityStore = (*Store)(nil)

const (
	identityPoolColumns = "id, name, data, created_at, updated_at"
	getIdentityPoolSQL  = "SELECT " + identityPoolColumns + " FROM identity_pools WHERE id = $1"
	listIdentityPoolSQL = "SELECT " + identityPoolColumns + " FROM identity_pools WHERE id > $1 ORDER BY id LIMIT $2"
	identityPoolExists  = "SELECT 1 FROM identity_pools WHERE id = $1"
)

func scanIdentityPool(row pgx.Row) (store.IdentityPoolRecord, error) {
	var p store.IdentityPoolRecord
	err := row.Scan(&p.ID, &p.Name, &p.Data, &p.CreatedAt, &p.UpdatedAt)
	utc(&p.CreatedAt, &p.UpdatedAt)
	return p, err
}

func (s *Store) CreateIdentityPool(ctx context.Context, p store.IdentityPoolRecord) error {
	return created(s.pool.Exec(ctx,
		"INSERT INTO identity_pools ("+identityPoolColumns+") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
		p.ID, p.Name, p.Data, p.CreatedAt, p.UpdatedAt))
}

func (s *Store) GetIdentityPool(ctx context.Context, id string) (store.IdentityPoolRecord, error) {
	p, err := scanIdentityPool(s.pool.QueryRow(ctx, getIdentityPoolSQL, id))
	if err != nil {
		return store.IdentityPoolRecord{}, notFound(err)
	}
	return p, nil
}

func (s *Store) ListIdentityPools(ctx context.Context, page store.Page) ([]store.IdentityPoolRecord, error) {
	return list(ctx, s.pool, scanIdentityPool, listIdentityPoolSQL, page.After, limit(page))
}

// UpdateIdentityPool keeps the pool's ID whatever update returns.
func (s *Store) UpdateIdentityPool(ctx context.Context, id string, update func(store.IdentityPoolRecord) (store.IdentityPoolRecord, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanIdentityPool(tx.QueryRow(ctx, getIdentityPoolSQL+" FOR UPDATE", id))
		if err != nil {
			return notFound(err)
		}
		p, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.Exec(ctx,
			"UPDATE identity_pools SET name = $2, data = $3, created_at = $4, updated_at = $5 WHERE id = $1",
			id, p.Name, p.Data, p.CreatedAt, p.UpdatedAt))
	})
}

// DeleteIdentityPool relies on ON DELETE CASCADE for identities and, with
// them, their keys. Credentials stay until they expire.
func (s *Store) DeleteIdentityPool(ctx context.Context, id string) error {
	return affected(s.pool.Exec(ctx, "DELETE FROM identity_pools WHERE id = $1", id))
}
