package postgres

import (
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
)

// TestAuthQueryPlans checks, as TestQueryPlans does, that the AuthStore's
// lookups, lists and bulk writes read through their indexes on analysed
// tables, with sequential scans and sorts priced out. The refresh-hash
// lookup may combine its two indexes with a bitmap and sort what it finds.
func TestAuthQueryPlans(t *testing.T) {
	s := open(t, pgtest.URL(t))
	seedAuthPlanData(t, s)
	h := []byte("hash")
	now := time.Now()
	tests := []struct {
		name    string
		query   string
		args    []any
		indexes []string
		bitmap  bool // bitmap scans and sorts allowed
	}{
		{"get session", getSessionSQL, []any{"p", "j"}, []string{"sessions_pkey"}, false},
		{"session by hash", sessionByHashSQL, []any{h}, []string{"sessions_by_refresh_hash", "sessions_by_previous_hash"}, true},
		{"update session", updateSessionSQL, []any{"p", "j", "c", "u", h, nil, nil, "", now, now, now, nil, nil},
			[]string{"sessions_pkey"}, false},
		{"revoke user sessions", revokeSessionsSQL, []any{"p", "u", now}, []string{"sessions_by_user"}, false},
		{"delete expired sessions", expireSessionsSQL, []any{time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"sessions_by_expiry"}, false},
		{"get key", getKeySQL, []any{"p", "k"}, []string{"keys_pkey"}, false},
		{"list keys", listKeysSQL, []any{"p"}, []string{"keys_by_age"}, false},
		{"list messages", listMessagesSQL, []any{"p", 10}, []string{"messages_by_pool"}, false},
		{"list messages before", listMessagesBeforeSQL, []any{"p", "003900", 10}, []string{"messages_by_pool"}, false},
	}
	conn, err := s.pool.Acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(t.Context(), "SET enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			on := map[bool]string{true: "on", false: "off"}[tc.bitmap]
			if _, err := conn.Exec(t.Context(), "SET enable_sort = "+on+"; SET enable_bitmapscan = "+on); err != nil {
				t.Fatal(err)
			}
			plan := explain(t, conn, tc.query, tc.args...)
			if strings.Contains(plan, "Seq Scan") {
				t.Errorf("plan scans a table")
			}
			if !tc.bitmap && strings.Contains(plan, "Sort") {
				t.Errorf("plan sorts")
			}
			for _, index := range tc.indexes {
				if !strings.Contains(plan, " "+index+" ") && !strings.HasSuffix(plan, " "+index) {
					t.Errorf("plan does not use %s", index)
				}
			}
			if t.Failed() {
				t.Logf("plan:\n%s", plan)
			}
		})
	}
}

// seedAuthPlanData fills two pools with users, sessions (half of them
// rotated), keys and messages, and analyses the tables. Message IDs sort by
// time across pools; p has one message in twenty, as a pool among many
// would, so that walking the primary key and filtering by pool costs more.
func seedAuthPlanData(t *testing.T, s *Store) {
	t.Helper()
	const seed = `
		INSERT INTO pools (id, name, created_at, updated_at) VALUES ('p', 'p', now(), now()), ('q', 'q', now(), now());
		INSERT INTO users (pool_id, user_key, username, sub, status, enabled, attributes, claims, created_at, updated_at)
			SELECT p, 'user' || lpad(i::text, 4, '0'), 'user' || i, 'sub' || i, 'CONFIRMED', true, '{}', '{}', now(), now()
			FROM generate_series(1, 500) AS i, (VALUES ('p'), ('q')) AS pools (p);
		INSERT INTO sessions (pool_id, origin_jti, client_id, user_key, refresh_hash, previous_hash,
				previous_valid_until, device_key, auth_time, created_at, expires_at)
			SELECT pool_id, user_key || '-' || n, 'client', user_key, sha256((pool_id || user_key || n)::bytea),
				CASE WHEN n % 2 = 0 THEN sha256((pool_id || user_key || n || 'old')::bytea) END,
				CASE WHEN n % 2 = 0 THEN now() END, '', now(), now(), now() + n * interval '1 hour'
			FROM users, generate_series(1, 4) AS n;
		INSERT INTO keys (pool_id, key_id, key_use, created_at)
			SELECT p, 'key' || i, 'id', now() - i * interval '1 day' FROM generate_series(1, 20) AS i, (VALUES ('p'), ('q')) AS pools (p);
		INSERT INTO messages (id, pool_id, created_at, medium, destination, subject, body, kind, username)
			SELECT lpad(i::text, 6, '0'), CASE WHEN i % 20 = 0 THEN 'p' ELSE 'q' END, now(), 'EMAIL', 'a@example.com',
				's', 'b', 'verification', 'u'
			FROM generate_series(1, 4000) AS i;
		ANALYZE`
	if _, err := s.pool.Exec(t.Context(), seed); err != nil {
		t.Fatalf("seed: %v", err)
	}
}
