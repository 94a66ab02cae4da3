package e2e

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

const incorrectPassword = "Incorrect username or password."

func TestPasswordSignIn(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "frank", goodPassword)

		out, err := c.password("frank", goodPassword)
		if err != nil {
			t.Fatalf("USER_PASSWORD_AUTH: %v", err)
		}
		wantTokens(t, "USER_PASSWORD_AUTH", out.AuthenticationResult)
		if out.ChallengeName != "" || out.Session != nil || len(out.ChallengeParameters) != 0 {
			t.Errorf("tokens came with challenge %q, session %v, parameters %v", out.ChallengeName, out.Session, out.ChallengeParameters)
		}
		_, err = c.password("frank", otherPassword)
		wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		_, err = c.password("frank", "")
		wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)

		admin := func(flow types.AuthFlowType, username, password string) (*cip.AdminInitiateAuthOutput, error) {
			return env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
				ClientId: aws.String(c.clientID), AuthFlow: flow,
				AuthParameters: map[string]string{"USERNAME": username, "PASSWORD": password}})
		}
		for _, flow := range []types.AuthFlowType{types.AuthFlowTypeAdminUserPasswordAuth, types.AuthFlowTypeAdminNoSrpAuth} {
			a, err := admin(flow, "frank", goodPassword)
			if err != nil {
				t.Fatalf("AdminInitiateAuth %s: %v", flow, err)
			}
			wantTokens(t, string(flow), a.AuthenticationResult)
			_, err = admin(flow, "frank", otherPassword)
			wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)

			// The admin flows are refused by the public operation...
			_, err = env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: flow, ClientId: aws.String(c.clientID),
				AuthParameters: map[string]string{"USERNAME": "frank", "PASSWORD": goodPassword}})
			wantAPIError(t, err, "InvalidParameterException", "Initiate Auth method not supported")
			// ...and the admin operation needs the administrator's keys.
			_, err = env.Anon.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
				ClientId: aws.String(c.clientID), AuthFlow: flow,
				AuthParameters: map[string]string{"USERNAME": "frank", "PASSWORD": goodPassword}})
			wantAPIError(t, err, "UnrecognizedClientException", "")
		}
		// USER_PASSWORD_AUTH is the public flow: AdminInitiateAuth has
		// its own.
		_, err = admin(types.AuthFlowTypeUserPasswordAuth, "frank", goodPassword)
		wantAPIError(t, err, "InvalidParameterException", "Initiate Auth method not supported")

		// AdminInitiateAuth with SRP gives the same challenge.
		a, err := env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
			ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeUserSrpAuth,
			AuthParameters: map[string]string{"USERNAME": "frank", "SRP_A": "2"}})
		if err != nil || a.ChallengeName != types.ChallengeNameTypePasswordVerifier {
			t.Fatalf("AdminInitiateAuth USER_SRP_AUTH: %v %v", a, err)
		}

		// The client must belong to the named pool.
		otherPool := userPool(t, env, nil)
		_, err = env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(otherPool),
			ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeAdminUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": "frank", "PASSWORD": goodPassword}})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool client "+c.clientID+" does not exist.")
		_, err = env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String("us-east-1_Nope12345"),
			ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeAdminUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": "frank", "PASSWORD": goodPassword}})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool us-east-1_Nope12345 does not exist.")
		_, err = env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeUserPasswordAuth,
			ClientId: aws.String("nosuchclient0000000000000"), AuthParameters: map[string]string{"USERNAME": "frank", "PASSWORD": goodPassword}})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool client nosuchclient0000000000000 does not exist.")
	})
}

func TestAuthValidation(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		raw := unvalidated(env)
		_, err := raw.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{ClientId: aws.String(c.clientID)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null")
		_, err = raw.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeUserPasswordAuth})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null")
		_, err = raw.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: "PASSWORD_PLEASE", ClientId: aws.String(c.clientID)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value 'PASSWORD_PLEASE' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]")
		_, err = raw.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeAdminUserPasswordAuth})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null")
		_, err = raw.RespondToAuthChallenge(env.Ctx, &cip.RespondToAuthChallengeInput{ClientId: aws.String(c.clientID)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'challengeName' failed to satisfy constraint: Member must not be null")
		_, err = raw.RespondToAuthChallenge(env.Ctx, &cip.RespondToAuthChallengeInput{ChallengeName: types.ChallengeNameTypePasswordVerifier})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null")

		for _, missing := range []string{"USERNAME", "PASSWORD"} {
			p := map[string]string{"USERNAME": "frank", "PASSWORD": goodPassword}
			delete(p, missing)
			_, err = env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeUserPasswordAuth,
				ClientId: aws.String(c.clientID), AuthParameters: p})
			wantAPIError(t, err, "InvalidParameterException", "Missing required parameter "+missing)
		}
		_, err = env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeRefreshTokenAuth,
			ClientId: aws.String(c.clientID)})
		wantAPIError(t, err, "InvalidParameterException", "Missing required parameter REFRESH_TOKEN")
		_, err = c.respond(types.ChallengeNameTypeNewPasswordRequired, nil, map[string]string{"USERNAME": "frank", "NEW_PASSWORD": goodPassword})
		wantAPIError(t, err, "InvalidParameterException", "Missing required parameter Session")
		// Challenges Incognito never issues cannot be answered.
		_, err = c.respond(types.ChallengeNameTypeSmsMfa, aws.String("c2Vzc2lvbi10aGF0LWlzLW5vdC1yZWFs"), map[string]string{"USERNAME": "frank", "SMS_MFA_CODE": "123456"})
		wantAPIError(t, err, "NotAuthorizedException", "Invalid session for the user, session is expired.")
	})
}

func TestExplicitAuthFlows(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		all := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "gina", goodPassword)
		refresh := *all.mustPassword(t, "gina", goodPassword).RefreshToken

		// Each flow on its own client with every other one enabled.
		cases := []struct {
			off  types.ExplicitAuthFlowsType
			try  func(c *signIn) error
			want string
		}{
			{types.ExplicitAuthFlowsTypeAllowUserPasswordAuth, func(c *signIn) error {
				_, err := c.password("gina", goodPassword)
				return err
			}, "USER_PASSWORD_AUTH flow not enabled for this client"},
			{types.ExplicitAuthFlowsTypeAllowUserSrpAuth, func(c *signIn) error {
				_, _, err := c.srpStart("gina")
				return err
			}, "USER_SRP_AUTH is not enabled for the client."},
			{types.ExplicitAuthFlowsTypeAllowAdminUserPasswordAuth, func(c *signIn) error {
				for _, flow := range []types.AuthFlowType{types.AuthFlowTypeAdminUserPasswordAuth, types.AuthFlowTypeAdminNoSrpAuth} {
					_, err := env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
						ClientId: aws.String(c.clientID), AuthFlow: flow,
						AuthParameters: map[string]string{"USERNAME": "gina", "PASSWORD": goodPassword}})
					if err == nil || flow == types.AuthFlowTypeAdminNoSrpAuth {
						return err
					}
					wantAPIError(t, err, "InvalidParameterException", "Auth flow not enabled for this client")
				}
				return nil
			}, "Auth flow not enabled for this client"},
		}
		for _, tc := range cases {
			t.Run(string(tc.off), func(t *testing.T) {
				var flows []types.ExplicitAuthFlowsType
				for _, f := range allFlows {
					if f != tc.off {
						flows = append(flows, f)
					}
				}
				c := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) { in.ExplicitAuthFlows = flows })
				wantAPIError(t, tc.try(c), "InvalidParameterException", tc.want)
			})
		}

		// REFRESH_TOKEN_AUTH needs ALLOW_REFRESH_TOKEN_AUTH.
		t.Run("ALLOW_REFRESH_TOKEN_AUTH", func(t *testing.T) {
			c := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
				in.ExplicitAuthFlows = []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserPasswordAuth}
			})
			r := c.mustPassword(t, "gina", goodPassword)
			_, err := c.refresh("gina", *r.RefreshToken)
			wantAPIError(t, err, "InvalidParameterException", "Refresh Token flow not enabled for this client")
			_, err = c.getTokens(*r.RefreshToken)
			wantAPIError(t, err, "InvalidParameterException", "Refresh Token flow not enabled for this client")
			if _, err := all.refresh("gina", refresh); err != nil {
				t.Fatalf("refresh at a client that allows it: %v", err)
			}
		})

		// The legacy values: USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH
		// enable those flows; SRP and refresh stay on.
		t.Run("legacy", func(t *testing.T) {
			c := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
				in.ExplicitAuthFlows = []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeUserPasswordAuth}
			})
			c.mustPassword(t, "gina", goodPassword)
			c.mustSRP(t, "gina", goodPassword)
			_, err := env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
				ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeAdminNoSrpAuth,
				AuthParameters: map[string]string{"USERNAME": "gina", "PASSWORD": goodPassword}})
			wantAPIError(t, err, "InvalidParameterException", "Auth flow not enabled for this client")
			c = authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
				in.ExplicitAuthFlows = []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAdminNoSrpAuth}
			})
			_, err = env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
				ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeAdminNoSrpAuth,
				AuthParameters: map[string]string{"USERNAME": "gina", "PASSWORD": goodPassword}})
			if err != nil {
				t.Fatalf("ADMIN_NO_SRP_AUTH with the legacy value: %v", err)
			}
			_, err = c.password("gina", goodPassword)
			wantAPIError(t, err, "InvalidParameterException", "USER_PASSWORD_AUTH flow not enabled for this client")
		})

		// The default flows (none given): SRP and refresh, no passwords.
		t.Run("defaults", func(t *testing.T) {
			c := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) { in.ExplicitAuthFlows = nil })
			out := c.mustSRP(t, "gina", goodPassword)
			if _, err := c.refresh("gina", *out.RefreshToken); err != nil {
				t.Fatalf("refresh with the default flows: %v", err)
			}
			_, err := c.password("gina", goodPassword)
			wantAPIError(t, err, "InvalidParameterException", "USER_PASSWORD_AUTH flow not enabled for this client")
		})
	})
}

func TestSignInNames(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		t.Run("case-insensitive username", func(t *testing.T) {
			poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
				in.UsernameConfiguration = &types.UsernameConfigurationType{CaseSensitive: aws.Bool(false)}
			})
			c := authClient(t, env, poolID, nil)
			confirmedUser(t, env, poolID, "Hanna", goodPassword)
			for _, name := range []string{"Hanna", "hanna", "HANNA"} {
				r := c.mustPassword(t, name, goodPassword)
				if got := claimsOf(t, *r.AccessToken)["username"]; got != "Hanna" {
					t.Errorf("signed in as %s: username claim %v", name, got)
				}
				s, cl, err := c.srpStart(name)
				if err != nil {
					t.Fatalf("SRP as %s: %v", name, err)
				}
				if s.ChallengeParameters["USER_ID_FOR_SRP"] != "Hanna" || s.ChallengeParameters["USERNAME"] != "Hanna" {
					t.Errorf("SRP as %s: USER_ID_FOR_SRP %q USERNAME %q", name, s.ChallengeParameters["USER_ID_FOR_SRP"], s.ChallengeParameters["USERNAME"])
				}
				out, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now()))
				if err != nil {
					t.Fatalf("PASSWORD_VERIFIER as %s: %v", name, err)
				}
				wantTokens(t, "SRP as "+name, out.AuthenticationResult)
			}
		})
		t.Run("case-sensitive username", func(t *testing.T) {
			poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
				in.UsernameConfiguration = &types.UsernameConfigurationType{CaseSensitive: aws.Bool(true)}
			})
			c := authClient(t, env, poolID, nil)
			confirmedUser(t, env, poolID, "Ivan", goodPassword)
			c.mustPassword(t, "Ivan", goodPassword)
			_, err := c.password("ivan", goodPassword)
			wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		})
		t.Run("verified email alias", func(t *testing.T) {
			poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
				in.AliasAttributes = []types.AliasAttributeType{types.AliasAttributeTypeEmail, types.AliasAttributeTypePreferredUsername}
			})
			c := authClient(t, env, poolID, withSecret)
			confirmedUser(t, env, poolID, "jane", goodPassword, "email", "jane@example.com", "email_verified", "true",
				"preferred_username", "janey")
			confirmedUser(t, env, poolID, "kurt", goodPassword, "email", "kurt@example.com")
			for _, name := range []string{"jane", "jane@example.com", "janey"} {
				r := c.mustPassword(t, name, goodPassword)
				if got := claimsOf(t, *r.IdToken)["cognito:username"]; got != "jane" {
					t.Errorf("signed in as %s: cognito:username %v", name, got)
				}
				c.mustSRP(t, name, goodPassword)
			}
			// An unverified email is no alias.
			_, err := c.password("kurt@example.com", goodPassword)
			wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
			c.mustPassword(t, "kurt", goodPassword)
		})
		t.Run("email as username", func(t *testing.T) {
			poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
				in.UsernameAttributes = []types.UsernameAttributeType{types.UsernameAttributeTypeEmail}
			})
			c := authClient(t, env, poolID, withSecret)
			u := confirmedUser(t, env, poolID, "lena@example.com", goodPassword)
			internal := aws.ToString(u.Username)
			if !uuidV4.MatchString(internal) {
				t.Fatalf("internal username %q", internal)
			}
			s, cl, err := c.srpStart("lena@example.com")
			if err != nil {
				t.Fatalf("SRP by email: %v", err)
			}
			if s.ChallengeParameters["USER_ID_FOR_SRP"] != internal {
				t.Fatalf("USER_ID_FOR_SRP %q, want the internal username %q", s.ChallengeParameters["USER_ID_FOR_SRP"], internal)
			}
			out, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now()))
			if err != nil {
				t.Fatalf("PASSWORD_VERIFIER: %v", err)
			}
			wantTokens(t, "SRP by email", out.AuthenticationResult)
			claims := claimsOf(t, *out.AuthenticationResult.IdToken)
			if claims["cognito:username"] != internal || claims["email"] != "lena@example.com" {
				t.Errorf("cognito:username %v email %v", claims["cognito:username"], claims["email"])
			}
			c.mustPassword(t, "lena@example.com", goodPassword)
		})
	})
}

func TestUserExistenceErrors(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		legacy := authClient(t, env, poolID, nil)
		enabled := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
			in.PreventUserExistenceErrors = types.PreventUserExistenceErrorTypesEnabled
		})
		confirmedUser(t, env, poolID, "mona", goodPassword)

		_, err := legacy.password("nobody", goodPassword)
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		_, _, err = legacy.srpStart("nobody")
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		_, err = env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
			ClientId: aws.String(legacy.clientID), AuthFlow: types.AuthFlowTypeAdminUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": "nobody", "PASSWORD": goodPassword}})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")

		_, err = enabled.password("nobody", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		// SRP for an unknown name gives a challenge like any other, which
		// then fails as a wrong password would; the salt is stable so a
		// second try cannot tell the name is unknown.
		s1, cl, err := enabled.srpStart("nobody")
		if err != nil {
			t.Fatalf("SRP for an unknown user with ENABLED: %v", err)
		}
		s2, _, err := enabled.srpStart("nobody")
		if err != nil {
			t.Fatal(err)
		}
		if s1.ChallengeParameters["SALT"] != s2.ChallengeParameters["SALT"] || s1.ChallengeParameters["USER_ID_FOR_SRP"] != "nobody" {
			t.Errorf("decoy challenge: salts %q/%q, USER_ID_FOR_SRP %q", s1.ChallengeParameters["SALT"], s2.ChallengeParameters["SALT"], s1.ChallengeParameters["USER_ID_FOR_SRP"])
		}
		_, err = enabled.respond(types.ChallengeNameTypePasswordVerifier, s1.Session, enabled.claim(t, cl, s1.ChallengeParameters, goodPassword, time.Now()))
		wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		// The known user still signs in, and a wrong password reads the
		// same as an unknown name.
		enabled.mustSRP(t, "mona", goodPassword)
		_, err = enabled.password("mona", otherPassword)
		wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)

		// Where users sign in by email, internal usernames are UUIDs, and
		// so is the decoy's USER_ID_FOR_SRP.
		byEmail := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.UsernameAttributes = []types.UsernameAttributeType{types.UsernameAttributeTypeEmail}
		})
		ec := authClient(t, env, byEmail, func(in *cip.CreateUserPoolClientInput) {
			in.PreventUserExistenceErrors = types.PreventUserExistenceErrorTypesEnabled
		})
		confirmedUser(t, env, byEmail, "nora@example.com", goodPassword)
		real, _, err := ec.srpStart("nora@example.com")
		if err != nil {
			t.Fatal(err)
		}
		d1, cl, err := ec.srpStart("nobody@example.com")
		if err != nil {
			t.Fatal(err)
		}
		d2, _, err := ec.srpStart("nobody@example.com")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []map[string]string{real.ChallengeParameters, d1.ChallengeParameters} {
			if !uuidV4.MatchString(p["USER_ID_FOR_SRP"]) || p["USERNAME"] != p["USER_ID_FOR_SRP"] {
				t.Errorf("USER_ID_FOR_SRP %q USERNAME %q", p["USER_ID_FOR_SRP"], p["USERNAME"])
			}
		}
		if d1.ChallengeParameters["USER_ID_FOR_SRP"] != d2.ChallengeParameters["USER_ID_FOR_SRP"] {
			t.Error("the decoy USER_ID_FOR_SRP changes between attempts")
		}
		_, err = ec.respond(types.ChallengeNameTypePasswordVerifier, d1.Session, ec.claim(t, cl, d1.ChallengeParameters, goodPassword, time.Now()))
		wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
	})
}
