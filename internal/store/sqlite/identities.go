package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

const (
	identityColumns = "pool_id, id, logins, keys, data, created_at, updated_at"
	// iColumns are identityColumns of the identities table aliased i in a join.
	iColumns       = "i.pool_id, i.id, i.logins, i.keys, i.data, i.created_at, i.updated_at"
	getIdentitySQL = "SELECT " + identityColumns + " FROM identities WHERE id = ?"
	// identityByKeySQL finds a key's holder through identity_keys' primary key.
	identityByKeySQL = "SELECT " + iColumns + ` FROM identity_keys AS k
		CROSS JOIN identities AS i ON i.pool_id = k.pool_id AND i.id = k.identity_id
		WHERE k.pool_id = ? AND k.key = ?`
	listIdentitySQL = "SELECT " + identityColumns + " FROM identities WHERE pool_id = ? AND id > ? ORDER BY id LIMIT ?"
)

func scanIdentity(sc scanner) (store.IdentityRecord, error) {
	var i store.IdentityRecord
	var logins, keys string
	var created, updated int64
	if err := sc.Scan(&i.PoolID, &i.ID, &logins, &keys, &i.Data, &created, &updated); err != nil {
		return i, err
	}
	if err := json.Unmarshal([]byte(logins), &i.Logins); err != nil {
		return i, err
	}
	if err := json.Unmarshal([]byte(keys), &i.Keys); err != nil {
		return i, err
	}
	i.CreatedAt, i.UpdatedAt = fromMicros(created), fromMicros(updated)
	return i, nil
}

// identityArgs are the values of identityColumns for i, whose Keys must
// already be in userindex.Claims form.
func identityArgs(i store.IdentityRecord) ([]any, error) {
	logins, keys := i.Logins, i.Keys
	if logins == nil {
		logins = []string{}
	}
	if keys == nil {
		keys = []string{}
	}
	l, err := encodeJSON(logins)
	if err != nil {
		return nil, err
	}
	k, err := encodeJSON(keys)
	if err != nil {
		return nil, err
	}
	return []any{i.PoolID, i.ID, l, k, i.Data, micros(i.CreatedAt), micros(i.UpdatedAt)}, nil
}

func (s *Store) CreateIdentity(ctx context.Context, i store.IdentityRecord) error {
	i.Keys = userindex.Claims(i.Keys)
	args, err := identityArgs(i)
	if err != nil {
		return wrap(err)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, identityPoolExists, i.PoolID); err != nil {
			return err
		}
		err := created(tx.ExecContext(ctx,
			"INSERT INTO identities ("+identityColumns+") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			args...))
		if err != nil {
			return err
		}
		return identityKeys.add(ctx, tx, i.PoolID, i.ID, i.Keys)
	})
}

func (s *Store) GetIdentity(ctx context.Context, id string) (store.IdentityRecord, error) {
	i, err := scanIdentity(s.r.QueryRowContext(ctx, getIdentitySQL, id))
	if err != nil {
		return store.IdentityRecord{}, notFound(err)
	}
	return i, nil
}

func (s *Store) GetIdentityByKey(ctx context.Context, poolID, key string) (store.IdentityRecord, error) {
	i, err := scanIdentity(s.r.QueryRowContext(ctx, identityByKeySQL, poolID, key))
	if err != nil {
		return store.IdentityRecord{}, notFound(err)
	}
	return i, nil
}

func (s *Store) ListIdentities(ctx context.Context, poolID string, page store.Page) ([]store.IdentityRecord, error) {
	return listIn(ctx, s.r, identityPoolExists, []any{poolID},
		scanIdentity, listIdentitySQL, poolID, page.After, limit(page))
}

// UpdateIdentity keeps the identity's ID and PoolID whatever update
// returns, writes the row, then brings identity_keys in line with the new
// Keys, touching only what changed. A key held by another identity aborts
// the whole update.
func (s *Store) UpdateIdentity(ctx context.Context, id string, update func(store.IdentityRecord) (store.IdentityRecord, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanIdentity(tx.QueryRowContext(ctx, getIdentitySQL, id))
		if err != nil {
			return notFound(err)
		}
		poolID, oldKeys := old.PoolID, slices.Clone(old.Keys) // before update can modify old
		i, err := update(old)
		if err != nil {
			return err
		}
		i.PoolID, i.ID, i.Keys = poolID, id, userindex.Claims(i.Keys)
		args, err := identityArgs(i)
		if err != nil {
			return wrap(err)
		}
		err = affected(tx.ExecContext(ctx, `UPDATE identities SET logins = ?3, keys = ?4, data = ?5,
			created_at = ?6, updated_at = ?7 WHERE pool_id = ?1 AND id = ?2`, args...))
		if err != nil {
			return err
		}
		return identityKeys.replace(ctx, tx, poolID, id, oldKeys, i.Keys)
	})
}

// DeleteIdentity relies on ON DELETE CASCADE for the identity's keys.
// Credentials vended for it stay until they expire.
func (s *Store) DeleteIdentity(ctx context.Context, id string) error {
	return affected(s.w.ExecContext(ctx, "DELETE FROM identities WHERE id = ?", id))
}
