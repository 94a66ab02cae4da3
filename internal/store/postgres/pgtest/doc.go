// Package pgtest gives tests a fresh, empty PostgreSQL database: URL
// creates one on the server named by INCOGNITO_TEST_POSTGRES_URL and drops
// it when the test ends. When no server answers, the test is skipped, or
// fails if INCOGNITO_REQUIRE_POSTGRES=1 (set it in CI so a missing server
// cannot pass silently).
//
// It is for tests only. It may import pgx and the standard library, never
// an Incognito package, so that any package's tests can use it.
package pgtest
