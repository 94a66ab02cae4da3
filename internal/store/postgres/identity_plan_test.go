package postgres

import "testing"

// seedIdentityPlanData fills two identity pools with identities and their
// keys, and adds credentials, then analyses the tables, for TestQueryPlans.
func seedIdentityPlanData(t *testing.T, s *Store) {
	t.Helper()
	const seed = `
		INSERT INTO identity_pools (id, name, created_at, updated_at)
			VALUES ('p', 'p', now(), now()), ('q', 'q', now(), now());
		INSERT INTO identities (id, pool_id, logins, keys, created_at, updated_at)
			SELECT p || ':' || lpad(i::text, 4, '0'), p, '[]', ARRAY['dev|x|' || i], now(), now()
			FROM generate_series(1, 2000) AS i, (VALUES ('p'), ('q')) AS pools (p);
		INSERT INTO identity_keys (pool_id, key, identity_id)
			SELECT pool_id, keys[1], id FROM identities;
		INSERT INTO credentials (access_key_id, identity_id, role_arn, expires_at, created_at)
			SELECT 'ASIA' || lpad(i::text, 6, '0'), 'p:' || lpad((1 + i % 2000)::text, 4, '0'), 'arn',
				now() + (i % 120) * interval '1 minute', now()
			FROM generate_series(1, 4000) AS i;
		ANALYZE identity_pools, identities, identity_keys, credentials`
	if _, err := s.pool.Exec(t.Context(), seed); err != nil {
		t.Fatalf("seed identities: %v", err)
	}
}
