package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

// Rows per multi-row INSERT of CreateUsers. SQLite binds at most 32,766
// variables per statement; these stay well below it (users have 11
// columns, claims 3, search rows 4) while still cutting the per-statement
// cost to a few hundredths of what one INSERT per row pays.
const (
	batchUserRows   = 500
	batchClaimRows  = 1000
	batchSearchRows = 1000
)

var (
	insertUsersSQL = rowsInsert("INSERT INTO users ("+userColumns+") VALUES ", 11,
		" ON CONFLICT DO NOTHING")
	insertClaimsSQL = rowsInsert("INSERT INTO user_claims (pool_id, claim, user_key) VALUES ", 3,
		" ON CONFLICT DO NOTHING")
	insertSearchSQL = rowsInsert("INSERT INTO user_search (pool_id, user_key, attr, value) VALUES ", 4,
		" ON CONFLICT (pool_id, user_key, attr) DO UPDATE SET value = excluded.value")
)

// rowsInsert returns the INSERT of n rows of width values each.
func rowsInsert(head string, width int, tail string) func(n int) string {
	row := "(?" + strings.Repeat(", ?", width-1) + ")"
	return func(n int) string {
		var b strings.Builder
		b.Grow(len(head) + n*(len(row)+2) + len(tail))
		b.WriteString(head)
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(row)
		}
		b.WriteString(tail)
		return b.String()
	}
}

// CreateUsers writes the users, then their claims, then their search rows,
// each with multi-row INSERTs, in one write transaction (one fsync per
// batch instead of one per user). A key or claim that is already taken
// leaves its INSERT a row short; the transaction then rolls back.
func (s *Store) CreateUsers(ctx context.Context, us []store.UserRecord) error {
	if len(us) == 0 {
		return nil
	}
	us, err := userindex.Batch(us)
	if err != nil {
		return err
	}
	// Encode everything before taking the only writer connection.
	users := make([]any, 0, len(us)*11)
	var claims, search []any
	pools := map[string]bool{}
	for _, u := range us {
		args, err := userArgs(u)
		if err != nil {
			return wrap(err)
		}
		users = append(users, args...)
		for _, c := range u.Claims {
			claims = append(claims, u.PoolID, c, u.Key)
		}
		for _, e := range userindex.Entries(u) {
			search = append(search, u.PoolID, u.Key, e.Attr, e.Value)
		}
		pools[u.PoolID] = true
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		for pool := range pools {
			if err := exists(ctx, tx, poolExists, pool); err != nil {
				return err
			}
		}
		if short, err := insertRows(ctx, tx, insertUsersSQL, 11, batchUserRows, users); err != nil {
			return err
		} else if short {
			return store.ErrAlreadyExists
		}
		if short, err := insertRows(ctx, tx, insertClaimsSQL, 3, batchClaimRows, claims); err != nil {
			return err
		} else if short {
			return claimConflict(ctx, tx, claims)
		}
		_, err := insertRows(ctx, tx, insertSearchSQL, 4, batchSearchRows, search)
		return err
	})
}

// insertRows runs stmt over args, rows of width values, per rows rows at
// most. short reports that some rows were not inserted (ON CONFLICT DO
// NOTHING); it then stops, since the caller rolls back.
func insertRows(ctx context.Context, tx *sql.Tx, stmt func(n int) string, width, rows int, args []any) (short bool, err error) {
	var full *sql.Stmt
	for len(args) > 0 {
		n := min(rows, len(args)/width)
		var res sql.Result
		if n == rows {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, stmt(n)); err != nil {
					return false, wrap(err)
				}
				defer full.Close()
			}
			res, err = full.ExecContext(ctx, args[:n*width]...)
		} else {
			res, err = tx.ExecContext(ctx, stmt(n), args[:n*width]...)
		}
		if err != nil {
			return false, wrap(err)
		}
		got, err := res.RowsAffected()
		if err != nil {
			return false, wrap(err)
		}
		if got < int64(n) {
			return true, nil
		}
		args = args[n*width:]
	}
	return false, nil
}

// claimConflict finds, for the error, the first claim of the batch (rows
// of pool, claim, user key) that another user holds.
func claimConflict(ctx context.Context, tx *sql.Tx, claims []any) error {
	for i := 0; i < len(claims); i += 3 {
		var owner string
		err := tx.QueryRowContext(ctx, userClaims.ownerSQL, claims[i], claims[i+1]).Scan(&owner)
		if err == sql.ErrNoRows {
			continue // a claim of a later INSERT, never run
		}
		if err != nil {
			return wrap(err)
		}
		if owner != claims[i+2] {
			return &store.ConflictError{Claim: claims[i+1].(string), Owner: owner}
		}
	}
	return wrap(errShortInsert)
}

// errShortInsert is a claim INSERT that fell short without any claim of the
// batch being held by another user: not expected inside one transaction.
var errShortInsert = errors.New("claims insert fell short, yet no claim is held by another user")
