package userpool

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/testenv"
)

// poolTestEnv is a Service over a real SQLite store in a temporary
// directory, with a fixed clock.
type poolTestEnv struct {
	svc *Service
	ctx context.Context
}

func newPoolTestEnv(t *testing.T) *poolTestEnv {
	t.Helper()
	ctx := context.Background()
	st, sealer := testenv.SQLite(t), testenv.Sealer(t)
	now := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	svc := New(Options{Store: st, Sealer: sealer, Region: "us-east-1", AccountID: "123456789012",
		Now: func() time.Time { return now }})
	return &poolTestEnv{svc: svc, ctx: ctx}
}

func wantErr(t *testing.T, err error, code Code, msg string) {
	t.Helper()
	if !IsCode(err, code) {
		t.Fatalf("err = %v, want %s", err, code)
	}
	if msg != "" && err.(*Error).Message != msg {
		t.Fatalf("message = %q, want %q", err.(*Error).Message, msg)
	}
}

func TestSeederCreatesPoolWithFixedID(t *testing.T) {
	env := newPoolTestEnv(t)
	p, err := env.svc.CreatePool(env.ctx, CreatePoolInput{ID: "us-east-1_Quick5tart", PoolName: strp("quickstart"),
		AliasAttributes: []string{"email"}})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "us-east-1_Quick5tart" {
		t.Fatalf("ID = %q", p.ID)
	}
	got, err := env.svc.GetPool(env.ctx, "us-east-1_Quick5tart")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "quickstart" || !got.HasAlias("email") || !got.UsernameCaseSensitive || got.UsernameConfigured {
		t.Errorf("pool = %+v", got)
	}
	if arn := env.svc.PoolArn(p.ID); arn != "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Quick5tart" {
		t.Errorf("arn = %s", arn)
	}
	_, err = env.svc.CreatePool(env.ctx, CreatePoolInput{ID: "us-east-1_Quick5tart", PoolName: strp("again")})
	wantErr(t, err, InvalidParameter, "User pool us-east-1_Quick5tart already exists.")
	_, err = env.svc.CreatePool(env.ctx, CreatePoolInput{ID: "eu-west-1_Quick5tart", PoolName: strp("elsewhere")})
	wantErr(t, err, InvalidParameter, "")
	_, err = env.svc.GetPool(env.ctx, "us-east-1_Missing00")
	wantErr(t, err, ResourceNotFound, "User pool us-east-1_Missing00 does not exist.")
}

func TestSeederCreatesClientWithFixedIDAndSecret(t *testing.T) {
	env := newPoolTestEnv(t)
	pool := "us-east-1_Quick5tart"
	if _, err := env.svc.CreatePool(env.ctx, CreatePoolInput{ID: pool, PoolName: strp("quickstart")}); err != nil {
		t.Fatal(err)
	}
	const id, sec = "quickstartclient0000000001", "quickstartsecret0000000000000000000000000000000000x"
	c, err := env.svc.CreateClient(env.ctx, CreateClientInput{ClientID: id, ClientSecret: strp(sec),
		UserPoolId: strp(pool), ClientSettings: ClientSettings{ClientName: strp("web"),
			ExplicitAuthFlows: []string{"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}})
	if err != nil {
		t.Fatal(err)
	}
	if c.ClientID != id || len(c.Secrets) != 1 || c.Secrets[0].Value != sec || c.Secrets[0].ID != id+"--1772600767000" {
		t.Fatalf("client = %+v", c)
	}
	got, err := env.svc.GetClient(env.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.PoolID != pool || got.Name != "web" || got.Secrets[0].Value != sec || got.AccessTokenLifetime() != time.Hour ||
		got.RefreshTokenLifetime() != 30*24*time.Hour || got.IDTokenLifetime() != time.Hour {
		t.Errorf("GetClient = %+v", got)
	}
	rec, err := env.svc.store.GetClient(env.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(rec.Data), sec) {
		t.Error("the secret is stored in clear")
	}
	// A sealed secret is bound to its client: moved to another ID it does
	// not open.
	rec.ClientID = "another0000000000000000000"
	if _, err := env.svc.clientFromRecord(rec); err == nil {
		t.Error("a secret sealed for one client opened for another")
	}
	_, err = env.svc.CreateClient(env.ctx, CreateClientInput{ClientID: id, UserPoolId: strp(pool), ClientSettings: ClientSettings{ClientName: strp("dup")}})
	wantErr(t, err, InvalidParameter, "User pool client "+id+" already exists.")
	_, err = env.svc.CreateClient(env.ctx, CreateClientInput{ClientID: "bad id", UserPoolId: strp(pool), ClientSettings: ClientSettings{ClientName: strp("x")}})
	wantErr(t, err, InvalidParameter, "")
	_, err = env.svc.GetClient(env.ctx, "nope")
	wantErr(t, err, ResourceNotFound, "User pool client nope does not exist.")
}

func i64(n int64) *int64 { return &n }

func TestTokenValidity(t *testing.T) {
	cases := []struct {
		name                   string
		in                     ClientSettings
		access, id, refresh    int64
		accessU, idU, refreshU string
		wantErr                bool
	}{
		{name: "defaults", access: 60, id: 60, refresh: 30, accessU: "minutes", idU: "minutes", refreshU: "days"},
		{name: "API default units", in: ClientSettings{AccessTokenValidity: i64(2), IdTokenValidity: i64(24), RefreshTokenValidity: 3650},
			access: 2, id: 24, refresh: 3650, accessU: "hours", idU: "hours", refreshU: "days"},
		{name: "defaults in given units", in: ClientSettings{TokenValidityUnits: &TokenValidityUnits{AccessToken: "seconds", IdToken: "days", RefreshToken: "hours"}},
			access: 3600, id: 60, refresh: 720, accessU: "seconds", idU: "minutes", refreshU: "hours"},
		{name: "five minutes", in: ClientSettings{AccessTokenValidity: i64(300), TokenValidityUnits: &TokenValidityUnits{AccessToken: "seconds"}},
			access: 300, id: 60, refresh: 30, accessU: "seconds", idU: "minutes", refreshU: "days"},
		{name: "under five minutes", in: ClientSettings{AccessTokenValidity: i64(299), TokenValidityUnits: &TokenValidityUnits{AccessToken: "seconds"}}, wantErr: true},
		{name: "over a day", in: ClientSettings{IdTokenValidity: i64(2), TokenValidityUnits: &TokenValidityUnits{IdToken: "days"}}, wantErr: true},
		{name: "refresh an hour", in: ClientSettings{RefreshTokenValidity: 60, AccessTokenValidity: i64(1), IdTokenValidity: i64(1),
			TokenValidityUnits: &TokenValidityUnits{RefreshToken: "minutes"}}, access: 1, id: 1, refresh: 60, accessU: "hours", idU: "hours", refreshU: "minutes"},
		{name: "refresh under an hour", in: ClientSettings{RefreshTokenValidity: 59, TokenValidityUnits: &TokenValidityUnits{RefreshToken: "minutes"}}, wantErr: true},
		{name: "access longer than refresh", in: ClientSettings{RefreshTokenValidity: 2, AccessTokenValidity: i64(3),
			TokenValidityUnits: &TokenValidityUnits{RefreshToken: "hours"}}, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := &Client{}
			err := c.in.applyValidity(cl)
			if c.wantErr {
				if err == nil || err.(*Error).Message != "Invalid range for token validity." {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := []any{cl.AccessTokenValidity, cl.IdTokenValidity, cl.RefreshTokenValidity, cl.TokenValidityUnits}
			want := []any{c.access, c.id, c.refresh, TokenValidityUnits{AccessToken: c.accessU, IdToken: c.idU, RefreshToken: c.refreshU}}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("got %v, want %v", got, want)
					break
				}
			}
		})
	}
}

func TestCheckerMessages(t *testing.T) {
	cases := []struct {
		name string
		run  func(c *checker)
		want string
	}{
		{"null", func(c *checker) { c.required("userPoolId", nil) },
			"1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"},
		{"length and pattern", func(c *checker) { c.str("poolName", "", 1, 128, patPoolName) },
			"2 validation errors detected: Value '' at 'poolName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
				`Value '' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+`},
		{"enum", func(c *checker) { c.enum("deletionProtection", "on", "ACTIVE", "INACTIVE") },
			"1 validation error detected: Value 'on' at 'deletionProtection' failed to satisfy constraint: Member must satisfy enum value set: [ACTIVE, INACTIVE]"},
		{"list members", func(c *checker) { c.strList("callbackURLs", []string{"https://ok", ""}, 1, 1024, patRedirectURL) },
			"1 validation error detected: Value '[https://ok, ]' at 'callbackURLs' failed to satisfy constraint: Member must satisfy constraint: " +
				`[Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+]`},
		{"sensitive", func(c *checker) { c.secret("clientSecret", "has space in it but long enough", 24, 64, patClientSecret) },
			`1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+]+`},
		{"whole-string pattern", func(c *checker) { c.str("userPoolId", "x us-east-1_abc", 1, 55, patPoolID) },
			`1 validation error detected: Value 'x us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ch := &checker{}
			c.run(ch)
			err := ch.err()
			if err == nil || err.(*Error).Message != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
	if err := (&checker{}).err(); err != nil {
		t.Errorf("no problems gave %v", err)
	}
}

func TestRedirectURLs(t *testing.T) {
	for u, ok := range map[string]bool{
		"https://app.example.com/cb":    true,
		"http://localhost:3000/cb":      true,
		"http://127.0.0.1/cb":           true,
		"http://[::1]:8080/":            true,
		"myapp://signin":                true,
		"http://app.example.com/cb":     false,
		"https://app.example.com/#frag": false,
		"/relative":                     false,
		"http://localhost.evil.com/":    false,
	} {
		if err := checkRedirectURL(u, "callback"); (err == nil) != ok {
			t.Errorf("checkRedirectURL(%q) = %v, want ok=%v", u, err, ok)
		}
	}
}
