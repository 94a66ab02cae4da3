package loadgen

import (
	"context"
	"fmt"
)

// ScenarioNames are the scenarios in the order "all" runs them.
var ScenarioNames = []string{"signup", "password", "srp", "refresh", "getuser", "listusers", "listbroad", "identity"}

// scenario is one kind of flow. prepare runs once before the warm-up (it
// may be nil); run is one flow, sending its requests through f.
type scenario struct {
	name    string
	what    string // one line for the report
	prepare func(ctx context.Context, e *env) error
	run     func(ctx context.Context, e *env, f *Flow) error
}

func lookupScenario(name string) (scenario, error) {
	switch name {
	case "signup":
		return signupScenario, nil
	case "password":
		return passwordScenario, nil
	case "srp":
		return srpScenario, nil
	case "refresh":
		return refreshScenario, nil
	case "getuser":
		return getUserScenario, nil
	case "listusers":
		return listUsersScenario, nil
	case "listbroad":
		return listBroadScenario, nil
	case "identity":
		return identityScenario, nil
	}
	return scenario{}, fmt.Errorf("unknown scenario %q", name)
}

// needUsers is the prepare step of scenarios that sign existing users in.
func needUsers(_ context.Context, e *env) error {
	if e.o.Users == 0 {
		return fmt.Errorf("this scenario needs users: give -users")
	}
	return nil
}

// needSessions is the prepare step of scenarios that use signed-in users.
func needSessions(ctx context.Context, e *env) error {
	_, err := e.signedIn(ctx)
	return err
}

// user picks the load user of a flow, round robin.
func (e *env) user(f *Flow) string { return e.userName(int(f.seq % uint64(e.o.Users))) }

// session picks the signed-in user of a flow, round robin.
func (e *env) session(f *Flow) *session { return e.sessions[f.seq%uint64(len(e.sessions))] }
