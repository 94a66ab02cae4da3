package sqlite

import (
	"strings"
	"testing"
)

// TestQueryPlans pins every lookup and list to an index: no query may SCAN
// a table or sort. The prefix filters' searches are pinned to their whole
// range, the cursor's row-value bound included, so that a page reads the
// covering index in order from the cursor and stops after the page.
func TestQueryPlans(t *testing.T) {
	s := openTemp(t)
	six := []any{"pool", "after", "email", "a", "b", 10}
	const byValue = "SEARCH k USING COVERING INDEX user_search_by_value (pool_id=? AND attr=? AND "
	tests := []struct {
		name  string
		query string
		args  []any
		index string // the index (and range) the first search must use
	}{
		{"get user", getUserSQL, []any{"p", "k"}, "sqlite_autoindex_users_1"},
		{"user by claim", userByClaimSQL, []any{"p", "c"}, "PRIMARY KEY"},
		{"list users", listUsersSQL, []any{"p", "a", 10}, "sqlite_autoindex_users_1"},
		{"list users, equal", listUsersEqualSQL, six, "user_search_by_value"},
		{"list users, prefix", listUsersPrefixSQL, six, byValue + "value>? AND value<?)"},
		{"list users, prefix after a cursor", listUsersPrefixAfterSQL, six, byValue + "(value,user_key)>(?,?) AND value<?)"},
		{"list users, unbounded prefix", listUsersFromSQL, six, byValue + "value>?)"},
		{"list users, unbounded prefix after a cursor", listUsersFromAfterSQL, six, byValue + "(value,user_key)>(?,?))"},
		{"count users", countUsersSQL, []any{"p"}, "sqlite_autoindex_users_1"},
		{"groups for user", groupsForUserSQL, []any{"p", "u", "a", 10}, "group_members_by_user"},
		{"users in group", usersInGroupSQL, []any{"p", "g", "a", 10}, "PRIMARY KEY"},
		{"list clients", listClientSQL, []any{"p", "a", 10}, "clients_by_pool"},
		{"list groups", listGroupSQL, []any{"p", "a", 10}, "sqlite_autoindex_groups_1"},
		{"list pools", poolSQL.list, []any{"a", 10}, "sqlite_autoindex_pools_1"},
		{"get identity pool", identityPoolSQL.get, []any{"p"}, "sqlite_autoindex_identity_pools_1"},
		{"list identity pools", identityPoolSQL.list, []any{"a", 10}, "sqlite_autoindex_identity_pools_1"},
		{"get identity", getIdentitySQL, []any{"i"}, "sqlite_autoindex_identities_1"},
		{"identity by key", identityByKeySQL, []any{"p", "k"}, "PRIMARY KEY"},
		{"list identities", listIdentitySQL, []any{"p", "a", 10}, "identities_by_pool"},
		{"get credential", getCredentialSQL, []any{"a"}, "sqlite_autoindex_credentials_1"},
		{"delete expired credentials", deleteExpiredCredentialsSQL, []any{1}, "credentials_by_expiry"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := explain(t, s, tc.query, tc.args...)
			var searches int
			for _, line := range plan {
				switch {
				case strings.HasPrefix(line, "SCAN "):
					t.Errorf("plan scans a table: %q", line)
				case strings.HasPrefix(line, "USE TEMP B-TREE"):
					t.Errorf("plan sorts: %q", line)
				case strings.HasPrefix(line, "SEARCH "):
					if searches == 0 && !strings.Contains(line, tc.index) {
						t.Errorf("first search %q does not use %s", line, tc.index)
					}
					searches++
				}
			}
			if searches == 0 {
				t.Errorf("plan has no index search")
			}
			if t.Failed() {
				t.Logf("plan:\n%s", strings.Join(plan, "\n"))
			}
		})
	}
}

func explain(t *testing.T, s *Store, query string, args ...any) []string {
	t.Helper()
	rows, err := s.r.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("EXPLAIN: %v", err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}
