package postgres

import (
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
)

// TestQueryPlans checks that every lookup and list has a plan that reads
// only indexes: on analysed tables of two pools of 2000 users, with
// sequential scans, bitmap scans and sorts priced out, PostgreSQL still
// finds a plan without them that uses the expected index. Priced out rather
// than forbidden: were there no such plan, the planner would fall back to
// one and the test would see it. The prefix filters' plans must also take
// their whole range, the cursor's row comparison included, as the index
// scan's condition, so that a page starts at the cursor and stops after
// the page.
func TestQueryPlans(t *testing.T) {
	s := open(t, pgtest.URL(t))
	seedPlanData(t, s)
	seedIdentityPlanData(t, s)
	const byValue = "Index Only Scan using user_search_by_value on user_search k"
	tests := []struct {
		name  string
		query string
		args  []any
		index string   // in the plan
		cond  []string // each in the condition of the index scan
	}{
		{"get user", getUserSQL, []any{"p", "k"}, "users_pkey", nil},
		{"user by claim", userByClaimSQL, []any{"p", "c"}, "user_claims_pkey", nil},
		{"list users", listUsersSQL, []any{"p", "a", 10}, "users_pkey", nil},
		{"list users, equal", listUsersEqualSQL, []any{"p", "a", "email", "v", 10}, "user_search_by_value", nil},
		{"list users, prefix", listUsersPrefixSQL, []any{"p", "email", "user01", 10, "user02"}, byValue,
			[]string{"(value >= ", "(value < "}},
		{"list users, prefix after a cursor", listUsersPrefixAfterSQL, []any{"p", "email", "user0100@example.com", 10, "user0100", "user02"}, byValue,
			[]string{"(ROW(value, user_key) > ROW(", "(value < "}},
		{"list users, unbounded prefix", listUsersFromSQL, []any{"p", "email", "", 10}, byValue,
			[]string{"(value >= "}},
		{"list users, unbounded prefix after a cursor", listUsersFromAfterSQL, []any{"p", "email", "user1999@example.com", 10, "user1999"}, byValue,
			[]string{"(ROW(value, user_key) > ROW("}},
		{"count users", countUsersSQL, []any{"p"}, "users_pkey", nil},
		{"groups for user", groupsForUserSQL, []any{"p", "u", "a", 10}, "group_members_by_user", nil},
		{"users in group", usersInGroupSQL, []any{"p", "g", "a", 10}, "group_members_pkey", nil},
		{"list clients", listClientSQL, []any{"p", "a", 10}, "clients_by_pool", nil},
		{"list groups", listGroupSQL, []any{"p", "a", 10}, "groups_pkey", nil},
		{"list pools", poolSQL.list, []any{"a", 10}, "pools_pkey", nil},
		{"get identity pool", identityPoolSQL.get, []any{"p"}, "identity_pools_pkey", nil},
		{"list identity pools", identityPoolSQL.list, []any{"a", 10}, "identity_pools_pkey", nil},
		{"get identity", getIdentitySQL, []any{"p:0001"}, "identities_pkey", nil},
		{"identity by key", identityByKeySQL, []any{"p", "dev|x|1"}, "identity_keys_pkey", nil},
		{"list identities", listIdentitySQL, []any{"p", "p:0100", 10}, "identities_by_pool", nil},
		{"get credential", getCredentialSQL, []any{"ASIA000001"}, "credentials_pkey", nil},
		{"delete expired credentials", deleteExpiredCredentialsSQL, []any{time.Now()}, "credentials_by_expiry", nil},
	}
	conn, err := s.pool.Acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(t.Context(), "SET enable_seqscan = off; SET enable_bitmapscan = off"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(t.Context(), "SET enable_sort = off"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := explain(t, conn, tc.query, tc.args...)
			if strings.Contains(plan, "Seq Scan") {
				t.Errorf("plan scans a table")
			}
			if strings.Contains(plan, "Sort") {
				t.Errorf("plan sorts")
			}
			if !strings.Contains(plan, tc.index) {
				t.Errorf("plan does not use %s", tc.index)
			}
			// The scan's first detail line is its index condition.
			_, scan, _ := strings.Cut(plan, tc.index)
			_, cond, _ := strings.Cut(scan, "\n")
			cond, _, _ = strings.Cut(cond, "\n")
			for _, c := range tc.cond {
				if !strings.Contains(cond, "Index Cond: ") || !strings.Contains(cond, c) {
					t.Errorf("index condition %q does not hold %q", strings.TrimSpace(cond), c)
				}
			}
			if t.Failed() {
				t.Logf("plan:\n%s", plan)
			}
		})
	}
}

// explain returns PostgreSQL's plan for query on conn, a line a node.
func explain(t *testing.T, conn *pgxpool.Conn, query string, args ...any) string {
	t.Helper()
	rows, err := conn.Query(t.Context(), "EXPLAIN "+query, args...)
	if err != nil {
		t.Fatalf("EXPLAIN: %v", err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

// seedPlanData fills two pools with users, search rows and memberships and
// analyses the tables, so that the planner's estimates resemble production.
func seedPlanData(t *testing.T, s *Store) {
	t.Helper()
	const seed = `
		INSERT INTO pools (id, name, created_at, updated_at) VALUES ('p', 'p', now(), now()), ('q', 'q', now(), now());
		INSERT INTO users (pool_id, user_key, username, sub, status, enabled, attributes, claims, created_at, updated_at)
			SELECT p, 'user' || lpad(i::text, 4, '0'), 'user' || i, 'sub' || i, 'CONFIRMED', true, '{}', '{}', now(), now()
			FROM generate_series(1, 2000) AS i, (VALUES ('p'), ('q')) AS pools (p);
		INSERT INTO user_claims (pool_id, claim, user_key) SELECT pool_id, 'sub:' || sub, user_key FROM users;
		INSERT INTO user_search (pool_id, user_key, attr, value)
			SELECT pool_id, user_key, a, CASE a WHEN 'email' THEN user_key || '@example.com' WHEN 'status' THEN 'Enabled'
				WHEN 'username' THEN username ELSE status END
			FROM users, (VALUES ('email'), ('status'), ('username'), ('cognito:user_status')) AS attrs (a);
		INSERT INTO groups (pool_id, name, description, role_arn, created_at, updated_at)
			SELECT p, 'group' || i, '', '', now(), now() FROM generate_series(1, 50) AS i, (VALUES ('p'), ('q')) AS pools (p);
		INSERT INTO group_members (pool_id, group_name, user_key)
			SELECT pool_id, 'group' || (1 + abs(hashtext(user_key)) % 50), user_key FROM users;
		ANALYZE`
	if _, err := s.pool.Exec(t.Context(), seed); err != nil {
		t.Fatalf("seed: %v", err)
	}
}
