package postgres

import (
	"context"

	"github.com/incognito-idp/incognito/internal/store"
)

var _ store.IdentityStore = (*Store)(nil)

const identityPoolExists = "SELECT 1 FROM identity_pools WHERE id = $1"

var identityPoolSQL = namedTable("identity_pools")

func (s *Store) CreateIdentityPool(ctx context.Context, p store.IdentityPoolRecord) error {
	return createNamed(ctx, s, identityPoolSQL, p)
}

func (s *Store) GetIdentityPool(ctx context.Context, id string) (store.IdentityPoolRecord, error) {
	return getNamed[store.IdentityPoolRecord](ctx, s, identityPoolSQL, id)
}

func (s *Store) ListIdentityPools(ctx context.Context, page store.Page) ([]store.IdentityPoolRecord, error) {
	return listNamed[store.IdentityPoolRecord](ctx, s, identityPoolSQL, page)
}

// UpdateIdentityPool keeps the pool's ID whatever update returns.
func (s *Store) UpdateIdentityPool(ctx context.Context, id string, update func(store.IdentityPoolRecord) (store.IdentityPoolRecord, error)) error {
	return updateNamed(ctx, s, identityPoolSQL, id, update)
}

// DeleteIdentityPool relies on ON DELETE CASCADE for identities and, with
// them, their keys. Credentials stay until they expire.
func (s *Store) DeleteIdentityPool(ctx context.Context, id string) error {
	return deleteNamed(ctx, s, identityPoolSQL, id)
}
