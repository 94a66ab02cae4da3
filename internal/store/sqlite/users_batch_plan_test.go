package sqlite

import (
	"strings"
	"testing"
)

// TestCreateUsersPlans: the only read CreateUsers runs, the owner of a
// claim that clashed, is a primary key look-up (its INSERTs read nothing
// but the unique indexes that make them conflict).
func TestCreateUsersPlans(t *testing.T) {
	s := openTemp(t)
	plan := explain(t, s, userClaims.ownerSQL, "p", "c")
	if len(plan) != 1 || !strings.HasPrefix(plan[0], "SEARCH user_claims USING PRIMARY KEY") {
		t.Errorf("claim owner look-up plan:\n%s", strings.Join(plan, "\n"))
	}
}
