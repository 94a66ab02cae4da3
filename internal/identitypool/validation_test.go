package identitypool

import (
	"context"
	"strings"
	"testing"
)

func TestCreatePoolValidation(t *testing.T) {
	s := newTestService(t, nil)
	up := "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz"
	cases := []struct {
		name string
		in   PoolInput
		code Code
		msg  string
	}{
		{"no name", PoolInput{AllowUnauthenticated: ptr(true)}, InvalidParameter,
			"1 validation error detected: Value null at 'identityPoolName' failed to satisfy constraint: Member must not be null"},
		{"no guest setting", PoolInput{Name: ptr("p")}, InvalidParameter,
			"1 validation error detected: Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null"},
		{"both missing", PoolInput{}, InvalidParameter,
			"2 validation errors detected: Value null at 'identityPoolName' failed to satisfy constraint: Member must not be null; " +
				"Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null"},
		{"empty name", PoolInput{Name: ptr(""), AllowUnauthenticated: ptr(true)}, InvalidParameter,
			"1 validation error detected: Value '' at 'identityPoolName' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"name pattern", PoolInput{Name: ptr("a*b"), AllowUnauthenticated: ptr(true)}, InvalidParameter, ""},
		{"eleven login providers", PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true), SupportedLoginProviders: func() map[string]string {
			m := map[string]string{}
			for _, k := range strings.Split("a b c d e f g h i j k", " ") {
				m[k+".example.com"] = "app"
			}
			return m
		}()}, InvalidParameter, ""},
		{"provider without client", PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true),
			CognitoProviders: []CognitoProviderInput{{ProviderName: &up}}}, InvalidParameter,
			"1 validation error detected: Value null at 'cognitoIdentityProviders.1.member.clientId' failed to satisfy constraint: Member must not be null"},
		{"provider that is not a user pool", PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true),
			CognitoProviders: []CognitoProviderInput{{ProviderName: ptr("accounts.google.com"), ClientID: ptr("abc")}}}, InvalidParameter, ""},
		{"fixed ID of another region", PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true),
			FixedID: "eu-west-1:d3a0c0de-0000-4000-8000-00000000d3a0"}, InvalidParameter, ""},
		{"fixed ID not a UUID", PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true), FixedID: "us-east-1:demo"}, InvalidParameter, ""},
		{"tag value too long", PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true), Tags: map[string]string{"k": strings.Repeat("v", 257)}}, InvalidParameter, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.CreatePool(context.Background(), tc.in)
			wantCode(t, err, tc.code, tc.msg)
		})
	}
	ok := []struct {
		name string
		in   PoolInput
	}{
		{"AWS-spelled provider", PoolInput{Name: ptr("a b+c=d,e.f@g-h_1"), AllowUnauthenticated: ptr(false),
			CognitoProviders: []CognitoProviderInput{{ProviderName: &up, ClientID: ptr("client_1")}}}},
		{"issuer-spelled provider", PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true),
			CognitoProviders: []CognitoProviderInput{{ProviderName: ptr("127.0.0.1:9229/us-east-1_AbC123xyz"), ClientID: ptr("c")}}}},
		{"fixed ID", PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true), FixedID: "us-east-1:d3a0c0de-0000-4000-8000-00000000d3a0"}},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			p, err := s.CreatePool(context.Background(), tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.GetPool(context.Background(), &p.ID)
			if err != nil || got.Name != *tc.in.Name {
				t.Fatalf("GetPool = %+v, %v", got, err)
			}
		})
	}
	_, err := s.CreatePool(context.Background(), PoolInput{Name: ptr("again"), AllowUnauthenticated: ptr(true), FixedID: "us-east-1:d3a0c0de-0000-4000-8000-00000000d3a0"})
	wantCode(t, err, ResourceConflict, "")
}

func TestRolesValidation(t *testing.T) {
	s := newTestService(t, nil)
	p, err := s.CreatePool(context.Background(), PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	role := "arn:aws:iam::000000000000:role/Some/Path/Role"
	rules := func(n int) *[]MappingRuleInput {
		r := make([]MappingRuleInput, n)
		for i := range r {
			r[i] = MappingRuleInput{Claim: ptr("email"), MatchType: ptr(MatchEquals), Value: ptr("a"), RoleARN: &role}
		}
		return &r
	}
	key := "cognito-idp.us-east-1.amazonaws.com/us-east-1_X:client"
	cases := []struct {
		name string
		in   RolesInput
		code Code
		msg  string
	}{
		{"no roles member", RolesInput{PoolID: &p.ID}, InvalidParameter,
			"1 validation error detected: Value null at 'roles' failed to satisfy constraint: Member must not be null"},
		{"short role ARN", RolesInput{PoolID: &p.ID, Roles: map[string]string{"authenticated": "arn:aws:iam::1"}}, InvalidParameter,
			"1 validation error detected: Value 'arn:aws:iam::1' at 'roles.authenticated' failed to satisfy constraint: Member must have length greater than or equal to 20"},
		{"user ARN", RolesInput{PoolID: &p.ID, Roles: map[string]string{"unauthenticated": "arn:aws:iam::000000000000:user/u"}}, NotAuthorized,
			"Access to Role 'arn:aws:iam::000000000000:user/u' is forbidden."},
		{"mapping without type", RolesInput{PoolID: &p.ID, Roles: map[string]string{}, RoleMappings: map[string]RoleMappingInput{key: {}}}, InvalidParameter,
			"1 validation error detected: Value null at 'roleMappings." + key + ".member.type' failed to satisfy constraint: Member must not be null"},
		{"unknown type", RolesInput{PoolID: &p.ID, Roles: map[string]string{}, RoleMappings: map[string]RoleMappingInput{key: {Type: "Groups", AmbiguousRoleResolution: ResolveDeny}}}, InvalidParameter,
			"1 validation error detected: Value 'Groups' at 'roleMappings." + key + ".member.type' failed to satisfy constraint: Member must satisfy enum value set: [Token, Rules]"},
		{"26 rules", RolesInput{PoolID: &p.ID, Roles: map[string]string{}, RoleMappings: map[string]RoleMappingInput{key: {Type: MappingRules, AmbiguousRoleResolution: ResolveDeny, Rules: rules(26)}}}, InvalidParameter, ""},
		{"rule without claim", RolesInput{PoolID: &p.ID, Roles: map[string]string{}, RoleMappings: map[string]RoleMappingInput{key: {Type: MappingRules, AmbiguousRoleResolution: ResolveDeny,
			Rules: &[]MappingRuleInput{{MatchType: ptr(MatchEquals), Value: ptr("v"), RoleARN: &role}}}}}, InvalidParameter,
			"1 validation error detected: Value null at 'roleMappings." + key + ".member.rulesConfiguration.rules.1.member.claim' failed to satisfy constraint: Member must not be null"},
		{"unknown pool", RolesInput{PoolID: ptr("us-east-1:00000000-0000-4000-8000-000000000000"), Roles: map[string]string{}}, ResourceNotFound,
			"IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wantCode(t, s.SetRoles(context.Background(), tc.in), tc.code, tc.msg)
		})
	}
	if err := s.SetRoles(context.Background(), RolesInput{PoolID: &p.ID, Roles: map[string]string{"authenticated": role},
		RoleMappings: map[string]RoleMappingInput{key: {Type: MappingRules, AmbiguousRoleResolution: ResolveDeny, Rules: rules(25)}}}); err != nil {
		t.Fatalf("25 rules and a path in the role ARN: %v", err)
	}
}

func TestGetIDValidation(t *testing.T) {
	s := newTestService(t, nil)
	p, err := s.CreatePool(context.Background(), PoolInput{Name: ptr("p"), AllowUnauthenticated: ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	eleven := map[string]string{}
	for i := range 11 {
		eleven["provider"+itoa(i)] = "t"
	}
	cases := []struct {
		name string
		in   GetIDInput
		msg  string
	}{
		{"no pool", GetIDInput{}, "1 validation error detected: Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null"},
		{"account not digits", GetIDInput{PoolID: &p.ID, AccountID: ptr("12ab")},
			`1 validation error detected: Value '12ab' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \d+`},
		{"eleven logins", GetIDInput{PoolID: &p.ID, Logins: eleven}, ""},
		{"empty token", GetIDInput{PoolID: &p.ID, Logins: map[string]string{"accounts.google.com": ""}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.GetID(context.Background(), tc.in)
			wantCode(t, err, InvalidParameter, tc.msg)
		})
	}
}
