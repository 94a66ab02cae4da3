package authflow

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/srp"
	"github.com/incognito-idp/incognito/internal/testenv"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// fixture is a real SQLite store with the user-pool and sign-in services
// on an injected clock, one pool and one app client.
type fixture struct {
	t      testing.TB
	ctx    context.Context
	clock  *testenv.Clock
	pools  *userpool.Service
	auth   *Service
	pool   *userpool.Pool
	client *userpool.Client
}

const (
	testPassword = "Correct-Horse-1"
	wrongPass    = "Battery-Staple-2"
)

// newFixture opens a store in a temp dir; tweak may change the client's
// settings before it is created.
func newFixture(t testing.TB, tweak func(*userpool.ClientSettings)) *fixture {
	t.Helper()
	ctx := context.Background()
	st, sealer := testenv.SQLite(t), testenv.Sealer(t)
	clk := testenv.NewClock(time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC))
	pools := userpool.New(userpool.Options{Store: st, Sealer: sealer.Derive("user-secrets"), Region: "us-east-1",
		AccountID: "123456789012", Now: clk.Now})
	auth := New(Options{Pools: pools, Store: st, Sealer: sealer.Derive("auth-session"), KeySealer: sealer.Derive("signing-keys"),
		Issuer: func(id string) string { return "http://incognito.test/" + id }, DecoyKey: []byte("decoy-key-for-tests-0123456789ab"),
		Now: clk.Now})
	pool, err := pools.CreatePool(ctx, userpool.CreatePoolInput{PoolName: ptr("authflow-tests")})
	if err != nil {
		t.Fatal(err)
	}
	settings := userpool.ClientSettings{ClientName: ptr("tests"),
		ExplicitAuthFlows: []string{"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}
	if tweak != nil {
		tweak(&settings)
	}
	client, err := pools.CreateClient(ctx, userpool.CreateClientInput{UserPoolId: &pool.ID, ClientSettings: settings})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, ctx: ctx, clock: clk, pools: pools, auth: auth, pool: pool, client: client}
}

func ptr[T any](v T) *T { return &v }

// user creates a user; permanent sets a permanent password, otherwise it
// keeps the temporary one.
func (f *fixture) user(name, password string, permanent bool) {
	f.t.Helper()
	_, err := f.pools.AdminCreateUser(f.ctx, userpool.AdminCreateUserInput{PoolID: &f.pool.ID, Username: &name,
		TemporaryPassword: &password, MessageAction: "SUPPRESS"})
	if err != nil {
		f.t.Fatal(err)
	}
	if permanent {
		if err := f.pools.AdminSetUserPassword(f.ctx, userpool.Ref(f.pool.ID, name), &password, true); err != nil {
			f.t.Fatal(err)
		}
	}
}

// password runs USER_PASSWORD_AUTH.
func (f *fixture) password(name, password string) (*Result, error) {
	return f.auth.Initiate(f.ctx, InitiateInput{AuthFlow: FlowUserPassword, ClientID: f.client.ClientID,
		AuthParameters: map[string]string{"USERNAME": name, "PASSWORD": password}})
}

// srpStart runs USER_SRP_AUTH.
func (f *fixture) srpStart(name string) (*Result, *srp.Client, error) {
	cl, err := srp.NewClient(rand.Reader)
	if err != nil {
		f.t.Fatal(err)
	}
	r, err := f.auth.Initiate(f.ctx, InitiateInput{AuthFlow: FlowUserSRP, ClientID: f.client.ClientID,
		AuthParameters: map[string]string{"USERNAME": name, "SRP_A": cl.AHex()}})
	return r, cl, err
}

// srpAnswer answers a PASSWORD_VERIFIER challenge with a TIMESTAMP taken
// at the fixture's clock plus skew.
func (f *fixture) srpAnswer(r *Result, cl *srp.Client, password string, skew time.Duration) (*Result, error) {
	f.t.Helper()
	p := r.ChallengeParameters
	block, err := base64.StdEncoding.DecodeString(p["SECRET_BLOCK"])
	if err != nil {
		f.t.Fatal(err)
	}
	ts := srp.FormatTimestamp(f.clock.Now().Add(skew))
	sig, err := cl.Claim(srp.PoolName(f.pool.ID), p["USER_ID_FOR_SRP"], password, p["SALT"], p["SRP_B"], block, ts)
	if err != nil {
		f.t.Fatal(err)
	}
	return f.auth.Respond(f.ctx, RespondInput{ClientID: f.client.ClientID, ChallengeName: ChallengePasswordVerifier,
		Session: r.Session, Responses: map[string]string{"USERNAME": p["USER_ID_FOR_SRP"],
			"PASSWORD_CLAIM_SECRET_BLOCK": p["SECRET_BLOCK"], "PASSWORD_CLAIM_SIGNATURE": sig, "TIMESTAMP": ts}})
}

// srpSignIn runs both SRP steps.
func (f *fixture) srpSignIn(name, password string) (*Result, error) {
	f.t.Helper()
	r, cl, err := f.srpStart(name)
	if err != nil {
		return nil, err
	}
	return f.srpAnswer(r, cl, password, 0)
}

// wantErr checks err is the domain error code with message (any message
// when msg is "").
func wantErr(t testing.TB, err error, code userpool.Code, msg string) {
	t.Helper()
	var e *userpool.Error
	if !errors.As(err, &e) {
		t.Fatalf("want %s %q, got %v", code, msg, err)
	}
	if e.Code != code || (msg != "" && e.Message != msg) {
		t.Fatalf("want %s %q, got %s %q", code, msg, e.Code, e.Message)
	}
}

// tokens checks a sign-in step gave tokens and returns them.
func (f *fixture) tokens(r *Result, err error) *Tokens {
	t := f.t
	t.Helper()
	if err != nil {
		t.Fatalf("sign-in failed: %v", err)
	}
	if r.Tokens == nil || r.Tokens.AccessToken == "" {
		t.Fatalf("no tokens: challenge %q", r.ChallengeName)
	}
	return r.Tokens
}
