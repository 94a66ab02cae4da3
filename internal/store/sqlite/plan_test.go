package sqlite

import (
	"strings"
	"testing"
)

// TestQueryPlans pins every lookup and list to an index: no query may SCAN
// a table (only the subquery k), and only prefix filters may sort.
func TestQueryPlans(t *testing.T) {
	s := openTemp(t)
	six := []any{"pool", "after", "email", "a", "b", 10}
	tests := []struct {
		name      string
		query     string
		args      []any
		index     string // the index the first search must use
		allowSort bool
	}{
		{"get user", getUserSQL, []any{"p", "k"}, "sqlite_autoindex_users_1", false},
		{"user by claim", userByClaimSQL, []any{"p", "c"}, "PRIMARY KEY", false},
		{"list users", listUsersSQL, []any{"p", "a", 10}, "sqlite_autoindex_users_1", false},
		{"list users, equal", listUsersEqualSQL, six, "user_search_by_value", false},
		{"list users, prefix", listUsersPrefixSQL, six, "user_search_by_value", true},
		{"list users, unbounded prefix", listUsersFromSQL, six, "user_search_by_value", true},
		{"count users", countUsersSQL, []any{"p"}, "sqlite_autoindex_users_1", false},
		{"groups for user", groupsForUserSQL, []any{"p", "u", "a", 10}, "group_members_by_user", false},
		{"users in group", usersInGroupSQL, []any{"p", "g", "a", 10}, "PRIMARY KEY", false},
		{"list clients", listClientSQL, []any{"p", "a", 10}, "clients_by_pool", false},
		{"list groups", listGroupSQL, []any{"p", "a", 10}, "sqlite_autoindex_groups_1", false},
		{"list pools", poolSQL.list, []any{"a", 10}, "sqlite_autoindex_pools_1", false},
		{"get identity pool", identityPoolSQL.get, []any{"p"}, "sqlite_autoindex_identity_pools_1", false},
		{"list identity pools", identityPoolSQL.list, []any{"a", 10}, "sqlite_autoindex_identity_pools_1", false},
		{"get identity", getIdentitySQL, []any{"i"}, "sqlite_autoindex_identities_1", false},
		{"identity by key", identityByKeySQL, []any{"p", "k"}, "PRIMARY KEY", false},
		{"list identities", listIdentitySQL, []any{"p", "a", 10}, "identities_by_pool", false},
		{"get credential", getCredentialSQL, []any{"a"}, "sqlite_autoindex_credentials_1", false},
		{"delete expired credentials", deleteExpiredCredentialsSQL, []any{1}, "credentials_by_expiry", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := explain(t, s, tc.query, tc.args...)
			var searches int
			for _, line := range plan {
				switch {
				case strings.HasPrefix(line, "SCAN ") && line != "SCAN k":
					t.Errorf("plan scans a table: %q", line)
				case strings.HasPrefix(line, "USE TEMP B-TREE") && !tc.allowSort:
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
