package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

// claimTable is a table that gives each of a pool's claims to one holder at
// most: user_claims (a user's unique attribute values, held by the user's
// key) and identity_keys (an identity's unique login keys, held by the
// identity's ID).
type claimTable struct {
	insertSQL, ownerSQL, removeSQL string
	what                           string // names the claims in errors
}

func newClaimTable(table, claim, holder, what string) claimTable {
	return claimTable{
		insertSQL: "INSERT INTO " + table + " (pool_id, " + claim + ", " + holder + `)
		SELECT $1, c, $2 FROM unnest($3::text[]) AS c ORDER BY c
		ON CONFLICT DO NOTHING RETURNING ` + claim,
		ownerSQL:  "SELECT " + holder + " FROM " + table + " WHERE pool_id = $1 AND " + claim + " = $2",
		removeSQL: "DELETE FROM " + table + " WHERE pool_id = $1 AND " + claim + " = ANY($2) AND " + holder + " = $3",
		what:      what,
	}
}

var (
	userClaims   = newClaimTable("user_claims", "claim", "user_key", "claims")
	identityKeys = newClaimTable("identity_keys", "key", "identity_id", "identity keys")
)

// add gives holder the claims (sorted, so that two writers never wait on
// each other's claims in opposite orders) in one statement. A claim another
// holder has stops with *store.ConflictError naming it and its owner; the
// caller's transaction then rolls back, so nothing of the write remains.
func (t claimTable) add(ctx context.Context, tx pgx.Tx, poolID, holder string, claims []string) error {
	if len(claims) == 0 {
		return nil
	}
	// A conflicting claim can be released between the insert and the look
	// up of its owner; then the insert is tried again.
	for range 3 {
		rows, err := tx.Query(ctx, t.insertSQL, poolID, holder, claims)
		if err != nil {
			return wrap(err)
		}
		inserted, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return wrap(err)
		}
		claims = slices.DeleteFunc(claims, func(c string) bool { return slices.Contains(inserted, c) })
		if len(claims) == 0 {
			return nil
		}
		for _, c := range claims {
			var owner string
			err := tx.QueryRow(ctx, t.ownerSQL, poolID, c).Scan(&owner)
			if err == nil {
				return &store.ConflictError{Claim: c, Owner: owner}
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return wrap(err)
			}
		}
	}
	return fmt.Errorf("postgres: %s %q kept changing hands", t.what, claims)
}

// remove takes the claims from holder; a claim it does not have is left
// alone.
func (t claimTable) remove(ctx context.Context, tx pgx.Tx, poolID, holder string, claims []string) error {
	if len(claims) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, t.removeSQL, poolID, claims, holder)
	return wrap(err)
}

// replace changes holder's claims from the set from to the set to (both in
// userindex.Claims form), touching only what changed: first the claims it
// gives up, then the ones it takes.
func (t claimTable) replace(ctx context.Context, tx pgx.Tx, poolID, holder string, from, to []string) error {
	add, del := userindex.DiffClaims(from, to)
	if err := t.remove(ctx, tx, poolID, holder, del); err != nil {
		return err
	}
	return t.add(ctx, tx, poolID, holder, add)
}
