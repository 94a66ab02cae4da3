package sqlite

import (
	"context"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/internal/userindex"
)

// The ListUsers queries. Without a filter they walk the users primary key.
// An equality filter walks user_search_by_value, which is in key order for
// one value, and stops after the page. A prefix filter walks the same index
// over the prefix's value range in its own (value, key) order, from the
// page's cursor on, and stops after the page too: no query sorts, so a page
// costs its size whether the filter matches ten users or a million.
//
// A prefix query starts at the prefix (the first page) or just after the
// cursor's (value, key), a row-value bound SQLite turns into the start of
// the index range; ?4 is that value, ?2 the cursor's key. It ends before
// ?5, the prefix's upper bound, or at the end of the attribute's values
// when the prefix has none (the empty prefix).
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

	listUsersByValueSQL = "SELECT " + uColumns + ` FROM user_search AS k INDEXED BY user_search_by_value
		CROSS JOIN users AS u ON u.pool_id = k.pool_id AND u.user_key = k.user_key
		WHERE k.pool_id = ?1 AND k.attr = ?3 AND `
	listUsersByValueOrder = " ORDER BY k.value, k.user_key LIMIT ?6"

	listUsersPrefixSQL      = listUsersByValueSQL + "k.value >= ?4 AND k.value < ?5" + listUsersByValueOrder
	listUsersPrefixAfterSQL = listUsersByValueSQL + "(k.value, k.user_key) > (?4, ?2) AND k.value < ?5" + listUsersByValueOrder
	listUsersFromSQL        = listUsersByValueSQL + "k.value >= ?4" + listUsersByValueOrder
	listUsersFromAfterSQL   = listUsersByValueSQL + "(k.value, k.user_key) > (?4, ?2)" + listUsersByValueOrder

	countUsersSQL = "SELECT count(*) FROM users WHERE pool_id = ?"
)

func (s *Store) ListUsers(ctx context.Context, poolID string, f store.UserFilter, page store.Page) ([]store.UserRecord, error) {
	if err := userindex.CheckFilter(f); err != nil {
		return nil, err
	}
	switch {
	case f.Attribute == "":
		return listIn(ctx, s.r, poolExists, []any{poolID}, scanUser, listUsersSQL, poolID, page.After, limit(page))
	case !f.Prefix:
		return listIn(ctx, s.r, poolExists, []any{poolID}, scanUser, listUsersEqualSQL,
			poolID, page.After, f.Attribute, store.FilterValue(f.Value), nil, limit(page))
	}
	r, err := userindex.Prefix(f, page.After)
	if err != nil {
		return nil, err
	}
	query := listUsersFromSQL
	switch {
	case r.Bounded && r.After:
		query = listUsersPrefixAfterSQL
	case r.Bounded:
		query = listUsersPrefixSQL
	case r.After:
		query = listUsersFromAfterSQL
	}
	return listIn(ctx, s.r, poolExists, []any{poolID}, scanUser, query,
		poolID, r.AfterKey, f.Attribute, r.Start, r.End, limit(page))
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
