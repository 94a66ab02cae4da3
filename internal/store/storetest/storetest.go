package storetest

import (
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// Run runs the conformance suite. open is called once per case and must
// return a ready store; it should register the store's Close with t.Cleanup.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	cases := []struct {
		name string
		run  func(t *testing.T, s store.Store)
	}{
		{"Ping", testPing},
		{"Pools", testPools},
		{"ListPools", testListPools},
		{"Clients", testClients},
		{"Users", testUsers},
		{"CountUsers", testCountUsers},
		{"CreateUsers", testCreateUsers},
		{"UpdateFunctionErrorAborts", testUpdateAborts},
		{"UpdateKeepsIdentity", testUpdateKeepsIdentity},
		{"Claims", testClaims},
		{"ClaimConflictWritesNothing", testClaimConflictWritesNothing},
		{"ListUsersFilters", testListUsersFilters},
		{"ListUsersFollowsUpdates", testListUsersFollowsUpdates},
		{"ListUsersPagination", testListUsersPagination},
		{"ListUsersLongValues", testListUsersLongValues},
		{"ListUsersPrefixPaging", testListUsersPrefixPaging},
		{"ListUsersPrefixChanges", testListUsersPrefixChanges},
		{"Groups", testGroups},
		{"Memberships", testMemberships},
		{"MembershipsFollowDeletes", testMembershipsFollowDeletes},
		{"DeletePoolCascades", testDeletePoolCascades},
		{"ConcurrentUpdates", testConcurrentUpdates},
		{"ConcurrentClaims", testConcurrentClaims},
		// Signing keys, sessions and the outbox (store.AuthStore).
		{"Keys", testKeys},
		{"Sessions", testSessions},
		{"RevokeUserSessions", testRevokeUserSessions},
		{"DeleteExpiredSessions", testDeleteExpiredSessions},
		{"Messages", testMessages},
		{"AuthUpdateFunctionErrorAborts", testAuthUpdateAborts},
		{"DeletePoolCascadesAuth", testDeletePoolCascadesAuth},
		{"DeleteUserDeletesSessions", testDeleteUserDeletesSessions},
		{"ConcurrentSessionUpdates", testConcurrentSessionUpdates},
		{"UpdatePanicReleasesRow", testUpdatePanicReleasesRow},
		// IdentityStore (identity*.go, credentials.go).
		{"IdentityPools", testIdentityPools},
		{"ListIdentityPools", testListIdentityPools},
		{"Identities", testIdentities},
		{"ListIdentities", testListIdentities},
		{"IdentityKeys", testIdentityKeys},
		{"IdentityKeyConflictWritesNothing", testIdentityKeyConflictWritesNothing},
		{"IdentityUpdateFunctionErrorAborts", testIdentityUpdateAborts},
		{"DeleteIdentityPoolCascades", testDeleteIdentityPoolCascades},
		{"ConcurrentIdentityUpdates", testConcurrentIdentityUpdates},
		{"ConcurrentIdentityKeys", testConcurrentIdentityKeys},
		{"Credentials", testCredentials},
		{"DeleteExpiredCredentials", testDeleteExpiredCredentials},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t, open(t))
		})
	}
}

func testPing(t *testing.T, s store.Store) {
	if err := s.Ping(t.Context()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}
