package loadgen

import (
	"context"
	"fmt"
)

// signupScenario is a self-service sign-up confirmed by an administrator:
// SignUp (the server stores a new SRP verifier) then AdminConfirmSignUp.
// Every flow creates a new user, named after the run and the flow.
var signupScenario = scenario{
	name: "signup",
	what: "SignUp + AdminConfirmSignUp (a new user per flow)",
	run: func(ctx context.Context, e *env, f *Flow) error {
		name := fmt.Sprintf("load-signup-%s-%d", e.runID, f.seq)
		if e.emailNames {
			name += emailDomain
		}
		var out signUpOut
		in := signUpIn{ClientId: e.client, SecretHash: e.secretHash(name), Username: name, Password: e.o.Password}
		if err := f.idp(ctx, "SignUp", false, in, &out); err != nil {
			return err
		}
		if out.UserSub == "" {
			return f.check("SignUp", badResponse("SignUp answered no UserSub"))
		}
		return f.idp(ctx, "AdminConfirmSignUp", true, adminUserIn{UserPoolId: e.poolID, Username: name}, nil)
	},
}
