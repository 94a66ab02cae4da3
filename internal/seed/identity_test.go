package seed

import (
	"context"
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/identitypool"
	"github.com/incognito-idp/incognito/internal/testenv"
	"github.com/incognito-idp/incognito/internal/userpool"
)

func TestParseRefusesIdentityPoolMistakes(t *testing.T) {
	const pools = "userPools:\n  - id: us-east-1_Pool1\n    name: p\n    clients:\n      - name: web\n"
	cases := []struct {
		name, yaml, want string
	}{
		{"identity pool without name", pools + "identityPools:\n  - allowUnauthenticated: true\n", "identityPools[0]: name is required"},
		{"unknown user pool", pools + "identityPools:\n  - name: i\n    cognitoIdentityProviders:\n      - userPool: us-east-1_Other\n        client: web\n", `userPool "us-east-1_Other"`},
		{"unknown client", pools + "identityPools:\n  - name: i\n    cognitoIdentityProviders:\n      - userPool: p\n        client: mobile\n", `client "mobile"`},
		{"bad mapping type", pools + "identityPools:\n  - name: i\n    roleMappings:\n      - userPool: us-east-1_Pool1\n        client: web\n        type: Groups\n", "Token or Rules"},
		{"unknown key", pools + "identityPools:\n  - name: i\n    guests: true\n", "guests"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want %q", err, tc.want)
			}
		})
	}
}

// TestQuickstartIdentityPool applies the quickstart's identity pool twice
// to a real SQLite store: the first run creates it with its provider,
// roles and Token mapping; the second changes nothing.
func TestQuickstartIdentityPool(t *testing.T) {
	ctx := context.Background()
	st, sealer := testenv.SQLite(t), testenv.Sealer(t)
	pools := userpool.New(userpool.Options{Store: st, Sealer: sealer, Region: "us-east-1", AccountID: "000000000000"})
	identities := identitypool.New(identitypool.Options{Store: st, Sealer: sealer, Region: "us-east-1", AccountID: "000000000000"})
	f, err := Load("../../examples/quickstart.yaml")
	if err != nil {
		t.Fatal(err)
	}
	apply := func() *Report {
		r, err := Apply(ctx, pools, f)
		if err != nil {
			t.Fatal(err)
		}
		if err := ApplyIdentityPools(ctx, identities, f, r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	first := apply()
	const id = "us-east-1:d3a0c0de-0000-4000-8000-00000000d3a0"
	if len(first.IdentityPools) != 1 || first.IdentityPools[0].ID != id {
		t.Fatalf("identity pools applied: %+v", first.IdentityPools)
	}
	second := apply()
	if second.Created != 0 || second.Unchanged != first.Created {
		t.Fatalf("second run created %d, unchanged %d (first created %d)", second.Created, second.Unchanged, first.Created)
	}
	p, err := identities.GetPool(ctx, ptr(id))
	if err != nil {
		t.Fatal(err)
	}
	const provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_DemoPool1"
	if !p.AllowUnauthenticated || p.AllowClassicFlow || len(p.CognitoProviders) != 1 ||
		p.CognitoProviders[0].ProviderName != provider || p.CognitoProviders[0].ClientID != "demoapp0web0client00000001" {
		t.Fatalf("pool settings not applied: %+v", p)
	}
	if p.Roles["authenticated"] != "arn:aws:iam::000000000000:role/DemoAppAuthenticated" ||
		p.Roles["unauthenticated"] != "arn:aws:iam::000000000000:role/DemoAppGuest" {
		t.Errorf("roles %v", p.Roles)
	}
	m, ok := p.RoleMappings[provider+":demoapp0web0client00000001"]
	if !ok || m.Type != identitypool.MappingToken || m.AmbiguousRoleResolution != identitypool.ResolveAuthenticatedRole {
		t.Errorf("role mappings %+v", p.RoleMappings)
	}
}

func ptr[T any](v T) *T { return &v }
