package sqlite

import (
	"context"

	"github.com/incognito-idp/incognito/internal/store"
)

const poolExists = "SELECT 1 FROM pools WHERE id = ?"

var poolSQL = namedTable("pools")

func (s *Store) CreatePool(ctx context.Context, p store.PoolRecord) error {
	return createNamed(ctx, s, poolSQL, p)
}

func (s *Store) GetPool(ctx context.Context, id string) (store.PoolRecord, error) {
	return getNamed[store.PoolRecord](ctx, s, poolSQL, id)
}

func (s *Store) ListPools(ctx context.Context, page store.Page) ([]store.PoolRecord, error) {
	return listNamed[store.PoolRecord](ctx, s, poolSQL, page)
}

// UpdatePool keeps the pool's ID whatever update returns.
func (s *Store) UpdatePool(ctx context.Context, id string, update func(store.PoolRecord) (store.PoolRecord, error)) error {
	return updateNamed(ctx, s, poolSQL, id, update)
}

// DeletePool relies on ON DELETE CASCADE for clients, users (and with them
// claims, search rows and memberships) and groups.
func (s *Store) DeletePool(ctx context.Context, id string) error {
	return deleteNamed(ctx, s, poolSQL, id)
}
