package sqlite

import (
	"context"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

// The ListUsers queries. Without a filter they walk the users primary key.
// An equality filter walks user_search_by_value, which is in key order for
// one value, and stops after the page. A prefix filter reads the value range
// of that index and sorts the matching keys before reading the page's users,
// so its cost grows with the number of matches, never with the pool.
//
// INDEXED BY and CROSS JOIN (which makes SQLite keep the left table as the
// outer loop) pin these plans: without statistics, SQLite would rather walk
// a whole pool's search rows in key order than sort. plan_test.go checks them.
const (
	listUsersSQL = "SELECT " + userColumns + " FROM users WHERE pool_id = ?1 AND user_key > ?2 ORDER BY user_key LIMIT ?3"

	listUsersEqualSQL = "SELECT " + uColumns + ` FROM user_search AS k INDEXED BY user_search_by_value
		CROSS JOIN users AS u ON u.pool_id = k.pool_id AND u.user_key = k.user_key
		WHERE k.pool_id = ?1 AND k.attr = ?3 AND k.value = ?4 AND k.user_key > ?2
		ORDER BY k.user_key LIMIT ?6`

	listUsersPrefixSQL = "SELECT " + uColumns + ` FROM (
		SELECT user_key FROM user_search INDEXED BY user_search_by_value
		WHERE pool_id = ?1 AND attr = ?3 AND value >= ?4 AND value < ?5 AND user_key > ?2
		ORDER BY user_key LIMIT ?6
	) AS k CROSS JOIN users AS u ON u.pool_id = ?1 AND u.user_key = k.user_key ORDER BY u.user_key`

	// listUsersFromSQL serves prefixes with no upper bound (the empty one).
	listUsersFromSQL = "SELECT " + uColumns + ` FROM (
		SELECT user_key FROM user_search INDEXED BY user_search_by_value
		WHERE pool_id = ?1 AND attr = ?3 AND value >= ?4 AND user_key > ?2
		ORDER BY user_key LIMIT ?6
	) AS k CROSS JOIN users AS u ON u.pool_id = ?1 AND u.user_key = k.user_key ORDER BY u.user_key`

	countUsersSQL = "SELECT count(*) FROM users WHERE pool_id = ?"
)

func (s *Store) ListUsers(ctx context.Context, poolID string, f store.UserFilter, page store.Page) ([]store.UserRecord, error) {
	if err := userindex.CheckFilter(f); err != nil {
		return nil, err
	}
	query, end, value := listUsersSQL, "", userindex.Value(f.Value)
	switch {
	case f.Attribute == "":
		return listIn(ctx, s.r, poolExists, []any{poolID}, scanUser, query, poolID, page.After, limit(page))
	case !f.Prefix:
		query = listUsersEqualSQL
	default:
		var bounded bool
		if end, bounded = userindex.PrefixEnd(value); bounded {
			query = listUsersPrefixSQL
		} else {
			query = listUsersFromSQL
		}
	}
	return listIn(ctx, s.r, poolExists, []any{poolID}, scanUser, query,
		poolID, page.After, f.Attribute, value, end, limit(page))
}

// CountUsers counts the pool's entries in the users primary-key index.
func (s *Store) CountUsers(ctx context.Context, poolID string) (int64, error) {
	var n int64
	if err := s.r.QueryRowContext(ctx, countUsersSQL, poolID).Scan(&n); err != nil {
		return 0, wrap(err)
	}
	if n == 0 {
		return 0, exists(ctx, s.r, poolExists, poolID)
	}
	return n, nil
}
