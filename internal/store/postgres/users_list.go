package postgres

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

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
// A prefix query starts at the prefix ($3, the first page) or just after
// the cursor's (value $3, key $5), a row comparison the B-tree takes as the
// start of its scan; it ends before the prefix's upper bound (the last
// parameter) or, for the empty prefix, at the end of the attribute's values.
// plan_test.go checks that each has an index-only plan that does not sort.
const (
	listUsersSQL = "SELECT " + userColumns + " FROM users WHERE pool_id = $1 AND user_key > $2 ORDER BY user_key LIMIT $3"

	listUsersEqualSQL = "SELECT " + uColumns + ` FROM user_search AS k
		JOIN users AS u ON u.pool_id = k.pool_id AND u.user_key = k.user_key
		WHERE k.pool_id = $1 AND k.user_key > $2 AND k.attr = $3 AND k.value = $4
		ORDER BY k.user_key LIMIT $5`

	listUsersByValueSQL = "SELECT " + uColumns + ` FROM user_search AS k
		JOIN users AS u ON u.pool_id = k.pool_id AND u.user_key = k.user_key
		WHERE k.pool_id = $1 AND k.attr = $2 AND `
	listUsersByValueOrder = " ORDER BY k.value, k.user_key LIMIT $4"

	listUsersPrefixSQL      = listUsersByValueSQL + "k.value >= $3 AND k.value < $5" + listUsersByValueOrder
	listUsersPrefixAfterSQL = listUsersByValueSQL + "(k.value, k.user_key) > ($3, $5) AND k.value < $6" + listUsersByValueOrder
	listUsersFromSQL        = listUsersByValueSQL + "k.value >= $3" + listUsersByValueOrder
	listUsersFromAfterSQL   = listUsersByValueSQL + "(k.value, k.user_key) > ($3, $5)" + listUsersByValueOrder

	countUsersSQL = "SELECT count(*) FROM users WHERE pool_id = $1"
)

func (s *Store) ListUsers(ctx context.Context, poolID string, f store.UserFilter, page store.Page) ([]store.UserRecord, error) {
	if err := userindex.CheckFilter(f); err != nil {
		return nil, err
	}
	switch {
	case f.Attribute == "":
		return listIn(ctx, s.pool, poolExists, []any{poolID}, scanUser, listUsersSQL, poolID, page.After, limit(page))
	case !f.Prefix:
		return listIn(ctx, s.pool, poolExists, []any{poolID}, scanUser, listUsersEqualSQL,
			poolID, page.After, f.Attribute, store.FilterValue(f.Value), limit(page))
	}
	r, err := userindex.Prefix(f, page.After)
	if err != nil {
		return nil, err
	}
	// No value or key PostgreSQL stores is anything but UTF-8 text without
	// NUL bytes, nor can a cursor made from one be: refuse it rather than
	// have the server refuse to bind it.
	if r.After && (!pgText(r.Start) || !pgText(r.AfterKey)) {
		return nil, fmt.Errorf("%w: user page cursor is not text", store.ErrInvalid)
	}
	query, args := listUsersFromSQL, []any{poolID, f.Attribute, r.Start, limit(page)}
	switch {
	case r.Bounded && r.After:
		query, args = listUsersPrefixAfterSQL, append(args, r.AfterKey, r.End)
	case r.Bounded:
		query, args = listUsersPrefixSQL, append(args, r.End)
	case r.After:
		query, args = listUsersFromAfterSQL, append(args, r.AfterKey)
	}
	return listIn(ctx, s.pool, poolExists, []any{poolID}, scanUser, query, args...)
}

// pgText reports whether s can be bound as PostgreSQL text: valid UTF-8
// without NUL bytes.
func pgText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
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
