package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

// claimTable is a table that gives each of a pool's claims to one holder at
// most: user_claims (a user's unique attribute values, held by the user's
// key) and identity_keys (an identity's unique login keys, held by the
// identity's ID).
type claimTable struct {
	insertSQL, ownerSQL, removeSQL string
}

func newClaimTable(table, claim, holder string) claimTable {
	return claimTable{
		insertSQL: "INSERT INTO " + table + " (pool_id, " + claim + ", " + holder + ") VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
		ownerSQL:  "SELECT " + holder + " FROM " + table + " WHERE pool_id = ? AND " + claim + " = ?",
		removeSQL: "DELETE FROM " + table + " WHERE pool_id = ? AND " + claim + " = ? AND " + holder + " = ?",
	}
}

var (
	userClaims   = newClaimTable("user_claims", "claim", "user_key")
	identityKeys = newClaimTable("identity_keys", "key", "identity_id")
)

// add gives holder the claims, in order. A claim another holder has stops
// with *store.ConflictError naming it and its owner; the caller's
// transaction then rolls back, so nothing of the write remains.
func (t claimTable) add(ctx context.Context, tx *sql.Tx, poolID, holder string, claims []string) error {
	for _, c := range claims {
		res, err := tx.ExecContext(ctx, t.insertSQL, poolID, c, holder)
		if err != nil {
			return wrap(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return wrap(err)
		} else if n == 1 {
			continue
		}
		var owner string
		if err := tx.QueryRowContext(ctx, t.ownerSQL, poolID, c).Scan(&owner); err != nil {
			return wrap(err)
		}
		return &store.ConflictError{Claim: c, Owner: owner}
	}
	return nil
}

// remove takes the claims from holder; a claim it does not have is left
// alone.
func (t claimTable) remove(ctx context.Context, tx *sql.Tx, poolID, holder string, claims []string) error {
	for _, c := range claims {
		if _, err := tx.ExecContext(ctx, t.removeSQL, poolID, c, holder); err != nil {
			return wrap(err)
		}
	}
	return nil
}

// replace changes holder's claims from the set from to the set to (both in
// userindex.Claims form), touching only what changed: first the claims it
// gives up, then the ones it takes.
func (t claimTable) replace(ctx context.Context, tx *sql.Tx, poolID, holder string, from, to []string) error {
	add, del := userindex.DiffClaims(from, to)
	if err := t.remove(ctx, tx, poolID, holder, del); err != nil {
		return err
	}
	return t.add(ctx, tx, poolID, holder, add)
}
