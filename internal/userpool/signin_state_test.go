package userpool

import (
	"testing"
	"time"
)

// TestSignInBookkeepingKeepsLastModified: failed and successful sign-ins
// change lockout state, not what UserLastModifiedDate reports.
func TestSignInBookkeepingKeepsLastModified(t *testing.T) {
	e := newUserTestEnv(t)
	pool := e.pool(t, "us-east-1_Bookkeep1", Pool{})
	u := e.create(t, pool.ID, "ada")
	created := u.UpdatedAt
	e.now = e.now.Add(time.Hour)
	err := e.svc.RecordSignInFailure(e.ctx, u, Errorf(NotAuthorized, "Incorrect username or password."))
	wantCode(t, err, NotAuthorized, "Incorrect username or password.")
	after, err := e.svc.UserByKey(e.ctx, pool, u.Key)
	if err != nil {
		t.Fatal(err)
	}
	if after.Private.SignIn.Failures != 1 {
		t.Fatalf("failure not counted: %+v", after.Private.SignIn)
	}
	if !after.UpdatedAt.Equal(created) {
		t.Fatalf("UserLastModifiedDate moved from %v to %v on a failed sign-in", created, after.UpdatedAt)
	}
	if err := e.svc.RecordSignInSuccess(e.ctx, after); err != nil {
		t.Fatal(err)
	}
	again, err := e.svc.UserByKey(e.ctx, pool, u.Key)
	if err != nil {
		t.Fatal(err)
	}
	if again.Private.SignIn != (SignInState{}) || !again.UpdatedAt.Equal(created) {
		t.Fatalf("after success: state %+v, modified %v", again.Private.SignIn, again.UpdatedAt)
	}
}
