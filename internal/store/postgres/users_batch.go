package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

// The three INSERTs of CreateUsers, each one statement for the whole batch
// over parallel arrays. Rows go in key order, so that two batches never
// wait on each other's rows in opposite orders. users.claims arrives as a
// JSON array per user (unnest would flatten a text[][]) and is turned back
// into text[] in order.
const (
	insertUsersSQL = "INSERT INTO users (" + userColumns + `)
		SELECT p, k, username, sub, status, enabled, attributes,
			ARRAY(SELECT c FROM jsonb_array_elements_text(claims) WITH ORDINALITY AS e (c, n) ORDER BY n),
			data, created_at, updated_at
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::jsonb[],
			$8::jsonb[], $9::bytea[], $10::timestamptz[], $11::timestamptz[])
			AS u (p, k, username, sub, status, enabled, attributes, claims, data, created_at, updated_at)
		ORDER BY p, k
		ON CONFLICT DO NOTHING`
	insertClaimsSQL = `INSERT INTO user_claims (pool_id, claim, user_key)
		SELECT p, c, k FROM unnest($1::text[], $2::text[], $3::text[]) AS t (p, c, k) ORDER BY p, c
		ON CONFLICT DO NOTHING RETURNING pool_id, claim`
	insertSearchSQL = `INSERT INTO user_search (pool_id, user_key, attr, value)
		SELECT p, k, a, v FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t (p, k, a, v)
		ON CONFLICT (pool_id, user_key, attr) DO UPDATE SET value = excluded.value`
)

// userColumnsOf are the users of a batch as the parallel arrays of
// insertUsersSQL.
type userColumnsOf struct {
	pools, keys, usernames, subs, statuses []string
	enabled                                []bool
	attributes, claims                     []string // JSON
	data                                   [][]byte
	created, updated                       []time.Time
}

func (c *userColumnsOf) add(u store.UserRecord) error {
	attrs, claims := u.Attributes, u.Claims
	if attrs == nil {
		attrs = map[string]string{}
	}
	if claims == nil {
		claims = []string{}
	}
	a, err := json.Marshal(attrs)
	if err != nil {
		return err
	}
	cl, err := json.Marshal(claims)
	if err != nil {
		return err
	}
	c.pools, c.keys, c.usernames = append(c.pools, u.PoolID), append(c.keys, u.Key), append(c.usernames, u.Username)
	c.subs, c.statuses, c.enabled = append(c.subs, u.Sub), append(c.statuses, u.Status), append(c.enabled, u.Enabled)
	c.attributes, c.claims, c.data = append(c.attributes, string(a)), append(c.claims, string(cl)), append(c.data, u.Data)
	c.created, c.updated = append(c.created, u.CreatedAt), append(c.updated, u.UpdatedAt)
	return nil
}

// batchRows are rows of user_claims (a is the claim) or of user_search (a
// and b are the attribute and its value) as parallel arrays.
type batchRows struct{ pools, keys, a, b []string }

func (r *batchRows) add(pool, key, a, b string) {
	r.pools, r.keys, r.a, r.b = append(r.pools, pool), append(r.keys, key), append(r.a, a), append(r.b, b)
}

// CreateUsers inserts the users, their claims and their search rows with
// one statement each, in one transaction; a missing pool surfaces as a
// foreign key violation. A key or claim already taken leaves its INSERT
// short and the transaction rolls back.
func (s *Store) CreateUsers(ctx context.Context, us []store.UserRecord) error {
	if len(us) == 0 {
		return nil
	}
	us, err := userindex.Batch(us)
	if err != nil {
		return err
	}
	var users userColumnsOf
	var claims, search batchRows
	for _, u := range us {
		if err := users.add(u); err != nil {
			return wrap(err)
		}
		for _, c := range u.Claims {
			claims.add(u.PoolID, u.Key, c, "")
		}
		for _, e := range userindex.Entries(u) {
			search.add(u.PoolID, u.Key, e.Attr, e.Value)
		}
	}
	return s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, insertUsersSQL, users.pools, users.keys, users.usernames, users.subs,
			users.statuses, users.enabled, users.attributes, users.claims, users.data, users.created, users.updated)
		if err != nil {
			return wrap(err)
		}
		if tag.RowsAffected() < int64(len(us)) {
			return store.ErrAlreadyExists
		}
		if err := addBatchClaims(ctx, tx, claims); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, insertSearchSQL, search.pools, search.keys, search.a, search.b)
		return wrap(err)
	})
}

// addBatchClaims inserts the claims (rows of pool, holder key, claim). One
// that another user holds stops with *store.ConflictError; one released
// between the INSERT and the look-up of its owner is tried again, as
// claimTable.add does.
func addBatchClaims(ctx context.Context, tx pgx.Tx, claims batchRows) error {
	type poolClaim struct{ pool, claim string }
	for range 3 {
		if len(claims.pools) == 0 {
			return nil
		}
		rows, err := tx.Query(ctx, insertClaimsSQL, claims.pools, claims.a, claims.keys)
		if err != nil {
			return wrap(err)
		}
		inserted := map[poolClaim]bool{}
		var pc poolClaim
		_, err = pgx.ForEachRow(rows, []any{&pc.pool, &pc.claim}, func() error {
			inserted[pc] = true
			return nil
		})
		if err != nil {
			return wrap(err)
		}
		var pending batchRows
		for i, pool := range claims.pools {
			if !inserted[poolClaim{pool, claims.a[i]}] {
				pending.add(pool, claims.keys[i], claims.a[i], "")
			}
		}
		for i, pool := range pending.pools {
			var owner string
			err := tx.QueryRow(ctx, userClaims.ownerSQL, pool, pending.a[i]).Scan(&owner)
			if err == nil {
				return &store.ConflictError{Claim: pending.a[i], Owner: owner}
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return wrap(err)
			}
		}
		claims = pending
	}
	return fmt.Errorf("postgres: claims %q kept changing hands", claims.a)
}
