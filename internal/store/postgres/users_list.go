package postgres

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
// plan_test.go checks that each has an index-only plan.
const (
	listUsersSQL = "SELECT " + userColumns + " FROM users WHERE pool_id = $1 AND user_key > $2 ORDER BY user_key LIMIT $3"

	listUsersEqualSQL = "SELECT " + uColumns + ` FROM user_search AS k
		JOIN users AS u ON u.pool_id = k.pool_id AND u.user_key = k.user_key
		WHERE k.pool_id = $1 AND k.user_key > $2 AND k.attr = $3 AND k.value = $4
		ORDER BY k.user_key LIMIT $5`

	listUsersPrefixSQL = "SELECT " + uColumns + ` FROM (
		SELECT user_key FROM user_search
		WHERE pool_id = $1 AND user_key > $2 AND attr = $3 AND value >= $4 AND value < $6
		ORDER BY user_key LIMIT $5
	) AS k JOIN users AS u ON u.pool_id = $1 AND u.user_key = k.user_key ORDER BY u.user_key`

	// listUsersFromSQL serves prefixes with no upper bound (the empty one).
	listUsersFromSQL = "SELECT " + uColumns + ` FROM (
		SELECT user_key FROM user_search
		WHERE pool_id = $1 AND user_key > $2 AND attr = $3 AND value >= $4
		ORDER BY user_key LIMIT $5
	) AS k JOIN users AS u ON u.pool_id = $1 AND u.user_key = k.user_key ORDER BY u.user_key`

	countUsersSQL = "SELECT count(*) FROM users WHERE pool_id = $1"
)

func (s *Store) ListUsers(ctx context.Context, poolID string, f store.UserFilter, page store.Page) ([]store.UserRecord, error) {
	if err := userindex.CheckFilter(f); err != nil {
		return nil, err
	}
	if f.Attribute == "" {
		return listIn(ctx, s.pool, poolExists, []any{poolID}, scanUser, listUsersSQL, poolID, page.After, limit(page))
	}
	value := userindex.Value(f.Value)
	args := []any{poolID, page.After, f.Attribute, value, limit(page)}
	query := listUsersEqualSQL
	if f.Prefix {
		query = listUsersFromSQL
		if end, bounded := userindex.PrefixEnd(value); bounded {
			query, args = listUsersPrefixSQL, append(args, end)
		}
	}
	return listIn(ctx, s.pool, poolExists, []any{poolID}, scanUser, query, args...)
}

// CountUsers counts the pool's entries in the users primary-key index.
func (s *Store) CountUsers(ctx context.Context, poolID string) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, countUsersSQL, poolID).Scan(&n); err != nil {
		return 0, wrap(err)
	}
	if n == 0 {
		return 0, exists(ctx, s.pool, poolExists, poolID)
	}
	return n, nil
}
