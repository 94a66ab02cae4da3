package e2e

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

func rule(claim string, match citypes.MappingRuleMatchType, value, role string) citypes.MappingRule {
	return citypes.MappingRule{Claim: aws.String(claim), MatchType: match, Value: aws.String(value), RoleARN: aws.String(role)}
}

// TestRoleMappingRules: each MatchType, first match wins, and
// AmbiguousRoleResolution when none matches.
func TestRoleMappingRules(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(false)}
		})
		roleFor := func(t *testing.T, rules []citypes.MappingRule, resolution citypes.AmbiguousRoleResolutionType, username string) (string, error) {
			t.Helper()
			x.setRoles(t, poolID, map[string]citypes.RoleMapping{up.Provider + ":" + up.clientID: {
				Type: citypes.RoleMappingTypeRules, AmbiguousRoleResolution: resolution,
				RulesConfiguration: &citypes.RulesConfigurationType{Rules: rules},
			}})
			login := map[string]string{up.Provider: up.idToken(t, username)}
			id := x.mustGetID(t, poolID, login)
			out, err := x.creds(id, login)
			if err != nil {
				return "", err
			}
			return x.callerArn(t, out.Credentials), nil
		}
		confirmedUser(t, env, up.poolID, "ada", goodPassword, "email", "ada@staff.example.com", "name", "Ada Lovelace")
		confirmedUser(t, env, up.poolID, "bob", goodPassword, "email", "bob@guests.example.org", "name", "Bob")
		if _, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(up.poolID), GroupName: aws.String("Admins")}); err != nil {
			t.Fatal(err)
		}
		if _, err := env.IDP.AdminAddUserToGroup(env.Ctx, &cip.AdminAddUserToGroupInput{UserPoolId: aws.String(up.poolID), Username: aws.String("ada"), GroupName: aws.String("Admins")}); err != nil {
			t.Fatal(err)
		}

		cases := []struct {
			name       string
			rules      []citypes.MappingRule
			resolution citypes.AmbiguousRoleResolutionType
			user, role string
			denied     bool
		}{
			{"Equals", []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeEquals, "ada@staff.example.com", roleEditor)}, "AuthenticatedRole", "ada", roleEditor, false},
			{"Equals does not match", []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeEquals, "ada@staff.example.com", roleEditor)}, "AuthenticatedRole", "bob", roleAuth, false},
			{"Contains", []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeContains, "@staff.", roleEditor)}, "AuthenticatedRole", "ada", roleEditor, false},
			{"StartsWith", []citypes.MappingRule{rule("name", citypes.MappingRuleMatchTypeStartsWith, "Ada ", roleEditor)}, "AuthenticatedRole", "ada", roleEditor, false},
			{"NotEqual", []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeNotEqual, "ada@staff.example.com", roleEditor)}, "AuthenticatedRole", "bob", roleEditor, false},
			{"NotEqual does not match", []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeNotEqual, "ada@staff.example.com", roleEditor)}, "AuthenticatedRole", "ada", roleAuth, false},
			{"group in cognito:groups", []citypes.MappingRule{rule("cognito:groups", citypes.MappingRuleMatchTypeContains, "Admins", roleAdmins)}, "AuthenticatedRole", "ada", roleAdmins, false},
			{"first matching rule wins", []citypes.MappingRule{
				rule("email", citypes.MappingRuleMatchTypeStartsWith, "nobody", roleAdmins),
				rule("email", citypes.MappingRuleMatchTypeContains, "example", roleEditor),
				rule("email", citypes.MappingRuleMatchTypeContains, "staff", roleAdmins),
			}, "AuthenticatedRole", "ada", roleEditor, false},
			{"missing claim matches nothing", []citypes.MappingRule{rule("custom:tier", citypes.MappingRuleMatchTypeNotEqual, "gold", roleEditor)}, "AuthenticatedRole", "ada", roleAuth, false},
			{"no match and Deny", []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeEquals, "x@y.z", roleEditor)}, "Deny", "bob", "", true},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				got, err := roleFor(t, tc.rules, tc.resolution, tc.user)
				if tc.denied {
					wantAPIError(t, err, "NotAuthorizedException", "")
					return
				}
				if err != nil {
					t.Fatalf("GetCredentialsForIdentity: %v", err)
				}
				if got != assumedRole(tc.role) {
					t.Errorf("caller %s, want %s", got, assumedRole(tc.role))
				}
			})
		}
	})
}

// TestRoleMappingToken: cognito:preferred_role from the groups' roles,
// a single cognito:roles entry, CustomRoleArn, and the fallbacks.
func TestRoleMappingToken(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(false)}
		})
		group := func(name, role string, precedence int32) {
			_, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(up.poolID), GroupName: aws.String(name),
				RoleArn: aws.String(role), Precedence: aws.Int32(precedence)})
			if err != nil {
				t.Fatal(err)
			}
		}
		join := func(user string, groups ...string) {
			for _, g := range groups {
				_, err := env.IDP.AdminAddUserToGroup(env.Ctx, &cip.AdminAddUserToGroupInput{UserPoolId: aws.String(up.poolID), Username: aws.String(user), GroupName: aws.String(g)})
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		group("Admins", roleAdmins, 1)
		group("Editors", roleEditor, 2)
		group("Reviewers", roleAuth, 2)
		for _, u := range []string{"ada", "bob", "cy", "dee"} {
			confirmedUser(t, env, up.poolID, u, goodPassword)
		}
		join("ada", "Admins", "Editors") // preferred: Admins' role
		join("bob", "Editors")           // one role
		join("dee", "Editors", "Reviewers")
		// cy is in no group: no role claims at all

		// Both spellings of the provider name a mapping.
		mapping := func(resolution citypes.AmbiguousRoleResolutionType, key string) {
			x.setRoles(t, poolID, map[string]citypes.RoleMapping{key + ":" + up.clientID: {
				Type: citypes.RoleMappingTypeToken, AmbiguousRoleResolution: resolution}})
		}
		credsAs := func(user, custom string) (string, error) {
			login := map[string]string{up.Provider: up.idToken(t, user)}
			id := x.mustGetID(t, poolID, login)
			in := &ci.GetCredentialsForIdentityInput{IdentityId: aws.String(id), Logins: login}
			if custom != "" {
				in.CustomRoleArn = aws.String(custom)
			}
			out, err := x.Anon.GetCredentialsForIdentity(env.Ctx, in)
			if err != nil {
				return "", err
			}
			return x.callerArn(t, out.Credentials), nil
		}
		mapping(citypes.AmbiguousRoleResolutionTypeAuthenticatedRole, up.Provider)
		cases := []struct {
			name, user, custom, role string
		}{
			{"preferred role of the lowest precedence", "ada", "", roleAdmins},
			{"single role", "bob", "", roleEditor},
			{"no role claims: AuthenticatedRole", "cy", "", roleAuth},
			{"tied precedence: AuthenticatedRole", "dee", "", roleAuth},
			{"tied precedence with CustomRoleArn", "dee", roleEditor, roleEditor},
			{"CustomRoleArn overrides the preferred role", "ada", roleEditor, roleEditor},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				got, err := credsAs(tc.user, tc.custom)
				if err != nil {
					t.Fatal(err)
				}
				if got != assumedRole(tc.role) {
					t.Errorf("caller %s, want %s", got, assumedRole(tc.role))
				}
			})
		}
		_, err := credsAs("bob", roleAdmins)
		wantAPIError(t, err, "NotAuthorizedException", "")

		mapping(citypes.AmbiguousRoleResolutionTypeDeny, up.IssuerKey)
		_, err = credsAs("dee", "")
		wantAPIError(t, err, "NotAuthorizedException", "")
		if got, err := credsAs("ada", ""); err != nil || got != assumedRole(roleAdmins) {
			t.Errorf("issuer-keyed mapping: %s, %v", got, err)
		}
	})
}

// TestIdentityPoolRoles covers Set/GetIdentityPoolRoles and their checks.
func TestIdentityPoolRoles(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		poolID := x.newIdentityPool(t, nil)
		key := "cognito-idp.us-east-1.amazonaws.com/us-east-1_RolePool1:clientid123"
		mappings := map[string]citypes.RoleMapping{key: {
			Type: citypes.RoleMappingTypeRules, AmbiguousRoleResolution: citypes.AmbiguousRoleResolutionTypeDeny,
			RulesConfiguration: &citypes.RulesConfigurationType{Rules: []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeEquals, "a@b.c", roleEditor)}},
		}}
		x.setRoles(t, poolID, mappings)
		got, err := x.CI.GetIdentityPoolRoles(env.Ctx, &ci.GetIdentityPoolRolesInput{IdentityPoolId: aws.String(poolID)})
		if err != nil {
			t.Fatalf("GetIdentityPoolRoles: %v", err)
		}
		m := got.RoleMappings[key]
		if aws.ToString(got.IdentityPoolId) != poolID || got.Roles["authenticated"] != roleAuth || got.Roles["unauthenticated"] != roleGuest ||
			m.Type != citypes.RoleMappingTypeRules || m.AmbiguousRoleResolution != citypes.AmbiguousRoleResolutionTypeDeny ||
			m.RulesConfiguration == nil || len(m.RulesConfiguration.Rules) != 1 || aws.ToString(m.RulesConfiguration.Rules[0].RoleARN) != roleEditor {
			t.Errorf("GetIdentityPoolRoles = %+v", got)
		}

		set := func(roles map[string]string, mappings map[string]citypes.RoleMapping) error {
			_, err := x.CI.SetIdentityPoolRoles(env.Ctx, &ci.SetIdentityPoolRolesInput{IdentityPoolId: aws.String(poolID), Roles: roles, RoleMappings: mappings})
			return err
		}
		many := make([]citypes.MappingRule, 26)
		for i := range many {
			many[i] = rule("email", citypes.MappingRuleMatchTypeEquals, "a@b.c", roleEditor)
		}
		cases := []struct {
			name     string
			roles    map[string]string
			mappings map[string]citypes.RoleMapping
			typ, msg string
		}{
			{"not a role ARN", map[string]string{"authenticated": "arn:aws:iam::000000000000:user/NotARole"}, nil,
				"NotAuthorizedException", "Access to Role 'arn:aws:iam::000000000000:user/NotARole' is forbidden."},
			{"unknown role kind", map[string]string{"admin": roleAuth}, nil, "InvalidParameterException", ""},
			{"too many rules", map[string]string{}, map[string]citypes.RoleMapping{key: {Type: citypes.RoleMappingTypeRules,
				AmbiguousRoleResolution: citypes.AmbiguousRoleResolutionTypeDeny, RulesConfiguration: &citypes.RulesConfigurationType{Rules: many}}},
				"InvalidParameterException", ""},
			{"rules without configuration", map[string]string{}, map[string]citypes.RoleMapping{key: {Type: citypes.RoleMappingTypeRules,
				AmbiguousRoleResolution: citypes.AmbiguousRoleResolutionTypeDeny}}, "InvalidParameterException", ""},
			{"no ambiguous-role resolution", map[string]string{}, map[string]citypes.RoleMapping{key: {Type: citypes.RoleMappingTypeToken}},
				"InvalidParameterException", ""},
			{"unknown match type", map[string]string{}, map[string]citypes.RoleMapping{key: {Type: citypes.RoleMappingTypeRules,
				AmbiguousRoleResolution: citypes.AmbiguousRoleResolutionTypeDeny, RulesConfiguration: &citypes.RulesConfigurationType{
					Rules: []citypes.MappingRule{rule("email", "Matches", "a", roleEditor)}}}},
				"InvalidParameterException", "1 validation error detected: Value 'Matches' at 'roleMappings." + key +
					".member.rulesConfiguration.rules.1.member.matchType' failed to satisfy constraint: Member must satisfy enum value set: [Equals, Contains, StartsWith, NotEqual]"},
			{"rule role not a role ARN", map[string]string{}, map[string]citypes.RoleMapping{key: {Type: citypes.RoleMappingTypeRules,
				AmbiguousRoleResolution: citypes.AmbiguousRoleResolutionTypeDeny, RulesConfiguration: &citypes.RulesConfigurationType{
					Rules: []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeEquals, "a", "arn:aws:s3:::a-bucket-name")}}}},
				"NotAuthorizedException", "Access to Role 'arn:aws:s3:::a-bucket-name' is forbidden."},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				wantAPIError(t, set(tc.roles, tc.mappings), tc.typ, tc.msg)
			})
		}
		// A refused request changes nothing.
		after, _ := x.CI.GetIdentityPoolRoles(env.Ctx, &ci.GetIdentityPoolRolesInput{IdentityPoolId: aws.String(poolID)})
		if after.Roles["authenticated"] != roleAuth || len(after.RoleMappings) != 1 {
			t.Errorf("roles changed by refused requests: %+v", after)
		}
		_, err = x.CI.GetIdentityPoolRoles(env.Ctx, &ci.GetIdentityPoolRolesInput{IdentityPoolId: aws.String("us-east-1:00000000-0000-4000-8000-000000000000")})
		wantAPIError(t, err, "ResourceNotFoundException", "")
		if err := set(map[string]string{}, nil); err != nil {
			t.Fatalf("clearing roles: %v", err)
		}
		cleared, _ := x.CI.GetIdentityPoolRoles(env.Ctx, &ci.GetIdentityPoolRolesInput{IdentityPoolId: aws.String(poolID)})
		if len(cleared.Roles) != 0 || len(cleared.RoleMappings) != 0 || !strings.HasPrefix(aws.ToString(cleared.IdentityPoolId), "us-east-1:") {
			t.Errorf("after clearing: %+v", cleared)
		}
	})
}
