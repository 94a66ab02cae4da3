package identitypool

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/token"
)

func TestRuleMatches(t *testing.T) {
	groups := []any{"Admins", "Editors"}
	cases := []struct {
		name  string
		match string
		value string
		claim any
		want  bool
	}{
		{"Equals", MatchEquals, "paid", "paid", true},
		{"Equals is exact", MatchEquals, "paid", "paid ", false},
		{"Equals on a boolean", MatchEquals, "true", true, true},
		{"Equals on a number", MatchEquals, "42", float64(42), true},
		{"Equals on a list", MatchEquals, "Editors", groups, true},
		{"Contains", MatchContains, "@staff.", "ada@staff.example.com", true},
		{"Contains misses", MatchContains, "@staff.", "ada@example.com", false},
		{"Contains in a list element", MatchContains, "Edit", groups, true},
		{"StartsWith", MatchStartsWith, "ada", "ada@example.com", true},
		{"StartsWith misses", MatchStartsWith, "ada", "bada", false},
		{"NotEqual", MatchNotEqual, "free", "paid", true},
		{"NotEqual misses", MatchNotEqual, "paid", "paid", false},
		{"NotEqual on a list holding the value", MatchNotEqual, "Admins", groups, false},
		{"NotEqual on a list without it", MatchNotEqual, "Owners", groups, true},
		{"missing claim matches nothing", MatchNotEqual, "x", nil, false},
		{"empty list matches nothing", MatchNotEqual, "x", []any{}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ruleMatches(MappingRule{MatchType: tc.match, Value: tc.value}, tc.claim); got != tc.want {
				t.Errorf("ruleMatches = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestApplyTokenMapping(t *testing.T) {
	const a, b = "arn:aws:iam::000000000000:role/A", "arn:aws:iam::000000000000:role/B"
	m := RoleMapping{Type: MappingToken, AmbiguousRoleResolution: ResolveDeny}
	cases := []struct {
		name    string
		claims  map[string]any
		custom  string
		role    string
		decided bool
		refused bool
	}{
		{"preferred role", map[string]any{"cognito:preferred_role": a, "cognito:roles": []any{a, b}}, "", a, true, false},
		{"single role", map[string]any{"cognito:roles": []any{b}}, "", b, true, false},
		{"several roles, no preference", map[string]any{"cognito:roles": []any{a, b}}, "", "", false, false},
		{"no role claims", map[string]any{}, "", "", false, false},
		{"custom role among the roles", map[string]any{"cognito:roles": []any{a, b}}, b, b, true, false},
		{"custom role not among them", map[string]any{"cognito:preferred_role": a, "cognito:roles": []any{a}}, b, "", false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			role, decided, err := applyMapping(m, tc.claims, tc.custom)
			if (err != nil) != tc.refused || role != tc.role || decided != tc.decided {
				t.Errorf("applyMapping = %q, %v, %v", role, decided, err)
			}
		})
	}
}

func TestUserPoolOf(t *testing.T) {
	s := newTestService(t, nil)
	cases := []struct {
		name, key, pool string
	}{
		{"AWS spelling", "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC", "us-east-1_AbC"},
		{"issuer without scheme", "127.0.0.1:9229/us-east-1_AbC", "us-east-1_AbC"},
		{"region differs from the pool's", "cognito-idp.eu-west-1.amazonaws.com/us-east-1_AbC", ""},
		{"issuer with scheme", "http://127.0.0.1:9229/us-east-1_AbC", ""},
		{"other host", "evil.example.com/us-east-1_AbC", ""},
		{"social provider", "accounts.google.com", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := s.userPoolOf(tc.key)
			if got != tc.pool || ok != (tc.pool != "") {
				t.Errorf("userPoolOf(%q) = %q, %v", tc.key, got, ok)
			}
		})
	}
}

// TestUserPoolLoginChecks runs a login through the checks that do not
// depend on the signature: refusals with Cognito's words, and one user,
// one identity under either spelling.
func TestUserPoolLoginChecks(t *testing.T) {
	const poolID, client = "us-east-1_AbC123xyz", "client1"
	claims := func(aud string) map[string]any {
		return map[string]any{"iss": "http://127.0.0.1:9229/" + poolID, "aud": aud, "sub": "sub-1",
			"exp": float64(testNow.Add(time.Hour).Unix()), "origin_jti": "o-1"}
	}
	good := userPoolToken(t, claims(client))
	wrongAud := userPoolToken(t, claims("other"))
	expired := userPoolToken(t, map[string]any{"iss": "http://127.0.0.1:9229/" + poolID, "aud": client, "sub": "s", "exp": float64(testNow.Add(-time.Minute).Unix())})
	otherPool := userPoolToken(t, map[string]any{"iss": "http://127.0.0.1:9229/us-east-1_Other", "aud": client, "sub": "s", "exp": float64(testNow.Add(time.Hour).Unix())})
	ids := &fakeIDTokens{claims: map[string]map[string]any{good: claims(client), wrongAud: claims("other")}, err: token.ErrExpired, live: true}
	s := newTestService(t, ids)
	ctx := context.Background()
	p, err := s.CreatePool(ctx, PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(false), CognitoProviders: []CognitoProviderInput{
		{ProviderName: ptr("cognito-idp.us-east-1.amazonaws.com/" + poolID), ClientID: ptr(client), ServerSideTokenCheck: ptr(true)}}})
	if err != nil {
		t.Fatal(err)
	}
	aws, own := "cognito-idp.us-east-1.amazonaws.com/"+poolID, "127.0.0.1:9229/"+poolID
	id, err := s.GetID(ctx, GetIDInput{PoolID: &p.ID, Logins: map[string]string{aws: good}})
	if err != nil {
		t.Fatal(err)
	}
	if again, err := s.GetID(ctx, GetIDInput{PoolID: &p.ID, Logins: map[string]string{own: good}}); err != nil || again != id {
		t.Fatalf("issuer-spelled login: %q, %v; want %q", again, err, id)
	}
	cases := []struct {
		name  string
		login map[string]string
		msg   string
	}{
		{"expired", map[string]string{aws: expired}, "Invalid login token. Token expired: " + itoa(int(testNow.Unix())) + " >= " + itoa(int(testNow.Add(-time.Minute).Unix()))},
		{"wrong audience", map[string]string{aws: wrongAud}, "Token is not from a supported provider of this identity pool."},
		{"another pool's token", map[string]string{aws: otherPool}, "Invalid login token. Issuer doesn't match providerName"},
		{"no guests", nil, "Unauthenticated access is not supported for this identity pool."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.GetID(ctx, GetIDInput{PoolID: &p.ID, Logins: tc.login})
			wantCode(t, err, NotAuthorized, tc.msg)
		})
	}
	ids.live = false
	_, err = s.GetID(ctx, GetIDInput{PoolID: &p.ID, Logins: map[string]string{aws: good}})
	wantCode(t, err, NotAuthorized, "Invalid login token. Token has been revoked.")
	ids.err = errors.New("store down")
	ids.live = true
	if _, err := s.GetID(ctx, GetIDInput{PoolID: &p.ID, Logins: map[string]string{aws: expired}}); err == nil || IsCode(err, NotAuthorized) {
		t.Errorf("a failing verifier gave %v, want an internal error", err)
	}
}
