package sqlite

import (
	"strings"
	"testing"
)

// TestAuthQueryPlans pins the AuthStore's lookups, lists and bulk writes to
// their indexes, as TestQueryPlans does for the rest of the store. Only the
// refresh-hash lookup sorts: the one or two rows its OR finds.
func TestAuthQueryPlans(t *testing.T) {
	s := openTemp(t)
	h := []byte("hash")
	tests := []struct {
		name      string
		query     string
		args      []any
		indexes   []string // the indexes the searches must use, in order
		allowSort bool
	}{
		{"get session", getSessionSQL, []any{"p", "j"}, []string{"sqlite_autoindex_sessions_1"}, false},
		{"session by hash", sessionByHashSQL, []any{h}, []string{"sessions_by_refresh_hash", "sessions_by_previous_hash"}, true},
		{"update session", updateSessionSQL, []any{"p", "j", "c", "u", h, nil, nil, "", 1, 1, 1, nil, nil},
			[]string{"sqlite_autoindex_sessions_1"}, false},
		{"revoke user sessions", revokeSessionsSQL, []any{1, "p", "u"}, []string{"sessions_by_user"}, false},
		{"delete expired sessions", expireSessionsSQL, []any{1}, []string{"sessions_by_expiry"}, false},
		{"get key", getKeySQL, []any{"p", "k"}, []string{"sqlite_autoindex_keys_1"}, false},
		{"list keys", listKeysSQL, []any{"p"}, []string{"keys_by_age"}, false},
		{"list messages", listMessagesSQL, []any{"p", 10}, []string{"messages_by_pool"}, false},
		{"list messages before", listMessagesBeforeSQL, []any{"p", "a", 10}, []string{"messages_by_pool"}, false},
		{"delete user", "DELETE FROM users WHERE pool_id = ? AND user_key = ?", []any{"p", "u"},
			[]string{"sqlite_autoindex_users_1", "sessions_by_user"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := explain(t, s, tc.query, tc.args...)
			var searches []string
			for _, line := range plan {
				switch {
				case strings.HasPrefix(line, "SCAN "):
					t.Errorf("plan scans a table: %q", line)
				case strings.HasPrefix(line, "USE TEMP B-TREE") && !tc.allowSort:
					t.Errorf("plan sorts: %q", line)
				case strings.HasPrefix(line, "SEARCH "):
					searches = append(searches, line)
				}
			}
			if len(searches) < len(tc.indexes) {
				t.Errorf("plan has %d index searches, want at least %d", len(searches), len(tc.indexes))
			}
			for i, index := range tc.indexes {
				if i < len(searches) && !strings.Contains(searches[i], "INDEX "+index+" ") {
					t.Errorf("search %q does not use %s", searches[i], index)
				}
			}
			if t.Failed() {
				t.Logf("plan:\n%s", strings.Join(plan, "\n"))
			}
		})
	}
}
