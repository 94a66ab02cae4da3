package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
)

var _ store.IdentityStore = (*Store)(nil)

const (
	identityPoolColumns = "id, name, data, created_at, updated_at"
	getIdentityPoolSQL  = "SELECT " + identityPoolColumns + " FROM identity_pools WHERE id = ?"
	listIdentityPoolSQL = "SELECT " + identityPoolColumns + " FROM identity_pools WHERE id > ? ORDER BY id LIMIT ?"
	identityPoolExists  = "SELECT 1 FROM identity_pools WHERE id = ?"
)

func scanIdentityPool(sc scanner) (store.IdentityPoolRecord, error) {
	var p store.IdentityPoolRecord
	var created, updated int64
	if err := sc.Scan(&p.ID, &p.Name, &p.Data, &created, &updated); err != nil {
		return p, err
	}
	p.CreatedAt, p.UpdatedAt = fromMicros(created), fromMicros(updated)
	return p, nil
}

func (s *Store) CreateIdentityPool(ctx context.Context, p store.IdentityPoolRecord) error {
	return created(s.w.ExecContext(ctx,
		"INSERT INTO identity_pools ("+identityPoolColumns+") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
		p.ID, p.Name, p.Data, micros(p.CreatedAt), micros(p.UpdatedAt)))
}

func (s *Store) GetIdentityPool(ctx context.Context, id string) (store.IdentityPoolRecord, error) {
	p, err := scanIdentityPool(s.r.QueryRowContext(ctx, getIdentityPoolSQL, id))
	if err != nil {
		return store.IdentityPoolRecord{}, notFound(err)
	}
	return p, nil
}

func (s *Store) ListIdentityPools(ctx context.Context, page store.Page) ([]store.IdentityPoolRecord, error) {
	return list(ctx, s.r, scanIdentityPool, listIdentityPoolSQL, page.After, limit(page))
}

// UpdateIdentityPool keeps the pool's ID whatever update returns.
func (s *Store) UpdateIdentityPool(ctx context.Context, id string, update func(store.IdentityPoolRecord) (store.IdentityPoolRecord, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanIdentityPool(tx.QueryRowContext(ctx, getIdentityPoolSQL, id))
		if err != nil {
			return notFound(err)
		}
		p, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.ExecContext(ctx,
			"UPDATE identity_pools SET name = ?, data = ?, created_at = ?, updated_at = ? WHERE id = ?",
			p.Name, p.Data, micros(p.CreatedAt), micros(p.UpdatedAt), id))
	})
}

// DeleteIdentityPool relies on ON DELETE CASCADE for identities and, with
// them, their keys. Credentials stay until they expire.
func (s *Store) DeleteIdentityPool(ctx context.Context, id string) error {
	return affected(s.w.ExecContext(ctx, "DELETE FROM identity_pools WHERE id = ?", id))
}
