package e2e

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/incognito-idp/incognito/internal/loadgen"
	"github.com/incognito-idp/incognito/internal/loadgen/preload"
)

// The load generator's end-to-end tests check correctness only: every
// scenario runs against a real server with no failed request. They never
// assert a time or a rate; docs/performance.md holds the figures.

// loadOptions are short runs: 2 s per scenario at concurrency 2.
func loadOptions(env *Env) loadgen.Options {
	o := loadgen.Defaults()
	o.Endpoint = env.URL
	o.AccessKey, o.SecretKey = testAccessKey, testSecretKey
	o.Concurrency = 2
	o.Duration, o.Warmup = 2*time.Second, 200*time.Millisecond
	o.Users = 200
	o.Sessions = 8
	return o
}

// checkLoad fails the test for a skipped scenario, any failed flow or
// request, or a scenario that measured nothing.
func checkLoad(t *testing.T, rep *loadgen.Report, want []string) {
	t.Helper()
	if len(rep.Scenarios) != len(want) {
		t.Fatalf("%d scenarios reported, want %v", len(rep.Scenarios), want)
	}
	for i, s := range rep.Scenarios {
		if s.Name != want[i] {
			t.Errorf("scenario %d is %s, want %s", i, s.Name, want[i])
		}
		if s.Skipped != "" {
			t.Errorf("%s skipped: %s", s.Name, s.Skipped)
			continue
		}
		if s.FlowErrors != 0 || s.RequestErrors != 0 || len(s.Errors) != 0 {
			t.Errorf("%s: %d failed flows, %d failed requests: %+v", s.Name, s.FlowErrors, s.RequestErrors, s.Errors)
		}
		if s.Flows == 0 || s.Requests < s.Flows || len(s.Ops) == 0 || s.Latency.Count != uint64(s.Flows) {
			t.Errorf("%s measured nothing: %d flows, %d requests, ops %+v", s.Name, s.Flows, s.Requests, s.Ops)
		}
	}
	if t.Failed() || testing.Verbose() {
		var b bytes.Buffer
		rep.WriteText(&b)
		t.Log("\n" + b.String())
	}
}

// TestLoadgenScenarios runs every scenario through the admin-API
// pre-load, with signatures the server checks.
func TestLoadgenScenarios(t *testing.T) {
	env := start(t, backends[0], nil)
	o := loadOptions(env)
	rep, err := loadgen.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Preload == "" || rep.PoolID == "" {
		t.Errorf("report says nothing of the pool or the pre-load: %+v", rep)
	}
	checkLoad(t, rep, loadgen.ScenarioNames)

	// The pool the run created is gone.
	_, err = env.IDP.DescribeUserPool(env.Ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(rep.PoolID)})
	wantAPIError(t, err, "ResourceNotFoundException", "User pool "+rep.PoolID+" does not exist.")
}

// TestLoadgenStorePreload writes the users straight into the server's
// SQLite store, then signs them in over HTTP both ways.
func TestLoadgenStorePreload(t *testing.T) {
	env := start(t, backends[0], nil)
	o := loadOptions(env)
	o.Scenarios = []string{"password", "srp", "listusers"}
	o.Keep = true
	o.Preloader = &preload.Store{DSN: "sqlite:" + env.App.Config.DataDir, Workers: 4}
	rep, err := loadgen.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	checkLoad(t, rep, o.Scenarios)
	out, err := env.IDP.DescribeUserPool(env.Ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(rep.PoolID)})
	if err != nil {
		t.Fatal(err)
	}
	if n := out.UserPool.EstimatedNumberOfUsers; n != int32(o.Users) {
		t.Errorf("pool holds %d users, want %d", n, o.Users)
	}

	// A second run on the kept pool finds the users there and loads none.
	o.PoolID, o.ClientID = rep.PoolID, rep.ClientID
	o.Scenarios = []string{"getuser"}
	o.Keep = false
	rep, err = loadgen.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	checkLoad(t, rep, o.Scenarios)
	if want := "none: the pool already holds"; len(rep.Preload) < len(want) || rep.Preload[:len(want)] != want {
		t.Errorf("second run pre-loaded: %q", rep.Preload)
	}
}
