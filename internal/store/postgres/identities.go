package postgres

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

const (
	identityColumns = "pool_id, id, logins, keys, data, created_at, updated_at"
	// iColumns are identityColumns of the identities table aliased i in a join.
	iColumns       = "i.pool_id, i.id, i.logins, i.keys, i.data, i.created_at, i.updated_at"
	getIdentitySQL = "SELECT " + identityColumns + " FROM identities WHERE id = $1"
	// identityByKeySQL finds a key's holder through identity_keys' primary key.
	identityByKeySQL = "SELECT " + iColumns + ` FROM identity_keys AS k
		JOIN identities AS i ON i.pool_id = k.pool_id AND i.id = k.identity_id
		WHERE k.pool_id = $1 AND k.key = $2`
	listIdentitySQL = "SELECT " + identityColumns + " FROM identities WHERE pool_id = $1 AND id > $2 ORDER BY id LIMIT $3"
)

func scanIdentity(row pgx.Row) (store.IdentityRecord, error) {
	var i store.IdentityRecord
	err := row.Scan(&i.PoolID, &i.ID, &i.Logins, &i.Keys, &i.Data, &i.CreatedAt, &i.UpdatedAt)
	utc(&i.CreatedAt, &i.UpdatedAt)
	return i, err
}

// identityArgs are the values of identityColumns for i, whose Keys must
// already be in userindex.Claims form. NOT NULL columns get empty values
// for nil.
func identityArgs(i store.IdentityRecord) []any {
	logins, keys := i.Logins, i.Keys
	if logins == nil {
		logins = []string{}
	}
	if keys == nil {
		keys = []string{}
	}
	return []any{i.PoolID, i.ID, logins, keys, i.Data, i.CreatedAt, i.UpdatedAt}
}

// CreateIdentity inserts the row and its keys in one transaction; a
// missing pool surfaces as a foreign key violation.
func (s *Store) CreateIdentity(ctx context.Context, i store.IdentityRecord) error {
	i.Keys = userindex.Claims(i.Keys)
	return s.inTx(ctx, func(tx pgx.Tx) error {
		err := created(tx.Exec(ctx,
			"INSERT INTO identities ("+identityColumns+") VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
			identityArgs(i)...))
		if err != nil {
			return err
		}
		return identityKeys.add(ctx, tx, i.PoolID, i.ID, i.Keys)
	})
}

func (s *Store) GetIdentity(ctx context.Context, id string) (store.IdentityRecord, error) {
	i, err := scanIdentity(s.pool.QueryRow(ctx, getIdentitySQL, id))
	if err != nil {
		return store.IdentityRecord{}, notFound(err)
	}
	return i, nil
}

func (s *Store) GetIdentityByKey(ctx context.Context, poolID, key string) (store.IdentityRecord, error) {
	i, err := scanIdentity(s.pool.QueryRow(ctx, identityByKeySQL, poolID, key))
	if err != nil {
		return store.IdentityRecord{}, notFound(err)
	}
	return i, nil
}

func (s *Store) ListIdentities(ctx context.Context, poolID string, page store.Page) ([]store.IdentityRecord, error) {
	return listIn(ctx, s.pool, identityPoolExists, []any{poolID},
		scanIdentity, listIdentitySQL, poolID, page.After, limit(page))
}

// UpdateIdentity locks the row with FOR UPDATE, so concurrent updates of
// one identity queue and each sees the previous one's result; then it
// writes the row and brings identity_keys in line, touching only what
// changed. A key held by another identity aborts the whole update. The
// identity keeps its ID and PoolID whatever update returns.
func (s *Store) UpdateIdentity(ctx context.Context, id string, update func(store.IdentityRecord) (store.IdentityRecord, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanIdentity(tx.QueryRow(ctx, getIdentitySQL+" FOR UPDATE", id))
		if err != nil {
			return notFound(err)
		}
		poolID, oldKeys := old.PoolID, slices.Clone(old.Keys) // before update can modify old
		i, err := update(old)
		if err != nil {
			return err
		}
		i.PoolID, i.ID, i.Keys = poolID, id, userindex.Claims(i.Keys)
		err = affected(tx.Exec(ctx, `UPDATE identities SET logins = $3, keys = $4, data = $5,
			created_at = $6, updated_at = $7 WHERE pool_id = $1 AND id = $2`, identityArgs(i)...))
		if err != nil {
			return err
		}
		return identityKeys.replace(ctx, tx, poolID, id, oldKeys, i.Keys)
	})
}

// DeleteIdentity relies on ON DELETE CASCADE for the identity's keys.
// Credentials vended for it stay until they expire.
func (s *Store) DeleteIdentity(ctx context.Context, id string) error {
	return affected(s.pool.Exec(ctx, "DELETE FROM identities WHERE id = $1", id))
}
