package postgres

import (
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
)

// TestCreateUsersPlans: the only read CreateUsers runs, the owner of a
// claim that clashed, goes through user_claims' primary key on analysed
// tables with sequential and bitmap scans priced out (see TestQueryPlans).
func TestCreateUsersPlans(t *testing.T) {
	s := open(t, pgtest.URL(t))
	seedPlanData(t, s)
	conn, err := s.pool.Acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(t.Context(), "SET enable_seqscan = off; SET enable_bitmapscan = off"); err != nil {
		t.Fatal(err)
	}
	plan := explain(t, conn, userClaims.ownerSQL, "p", "sub:sub1")
	if strings.Contains(plan, "Seq Scan") || !strings.Contains(plan, "user_claims_pkey") {
		t.Errorf("claim owner look-up plan:\n%s", plan)
	}
}
