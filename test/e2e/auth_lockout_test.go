package e2e

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// TestLockout checks Cognito's lockout with the real clock: the first
// lockout, after five failures, lasts one second. The doubling delays and
// the 15-minute reset are covered with an injected clock in
// internal/authflow.
func TestLockout(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "ivy", goodPassword)
		confirmedUser(t, env, poolID, "jay", goodPassword)
		const exceeded = "Password attempts exceeded"

		// Four failures, then a success, clear the count.
		for i := 0; i < 4; i++ {
			_, err := c.password("ivy", otherPassword)
			wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		}
		c.mustPassword(t, "ivy", goodPassword)

		// Five failures, by either flow, lock the user out.
		for i := 0; i < 5; i++ {
			var err error
			if i%2 == 0 {
				_, err = c.password("ivy", otherPassword)
			} else {
				err = c.srpAttempt(t, "ivy", otherPassword)
			}
			wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		}
		lockedAt := time.Now()
		// During the lockout even the right password is refused, by every
		// flow, and the lockout is not extended.
		_, err := c.password("ivy", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", exceeded)
		wantAPIError(t, c.srpAttempt(t, "ivy", goodPassword), "NotAuthorizedException", exceeded)
		_, err = c.password("ivy", otherPassword)
		wantAPIError(t, err, "NotAuthorizedException", exceeded)
		// Other users are not affected.
		c.mustPassword(t, "jay", goodPassword)

		if elapsed := time.Since(lockedAt); elapsed > time.Second {
			t.Fatalf("the checks took %v, longer than the lockout", elapsed)
		}
		time.Sleep(time.Second - time.Since(lockedAt) + 100*time.Millisecond)
		// After the lockout the right password works and clears the count:
		// the next failure is an ordinary one.
		c.mustSRP(t, "ivy", goodPassword)
		_, err = c.password("ivy", otherPassword)
		wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		c.mustPassword(t, "ivy", goodPassword)

		// A challenge started before the lockout cannot be answered
		// during it.
		s, cl, err := c.srpStart("jay")
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			_, err := c.password("jay", otherPassword)
			wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		}
		_, err = c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now()))
		wantAPIError(t, err, "NotAuthorizedException", exceeded)
	})
}
