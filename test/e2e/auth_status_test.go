package e2e

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/incognito-idp/incognito/internal/store"
)

// srpAttempt runs an SRP sign-in and returns the error of whichever step
// refused it.
func (c *signIn) srpAttempt(t *testing.T, username, password string) error {
	t.Helper()
	_, err := c.srpSignIn(t, username, password)
	return err
}

func TestUserStatusRules(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)

		t.Run("UNCONFIRMED", func(t *testing.T) {
			confirmedUser(t, env, poolID, "uma", goodPassword)
			setStatus(t, env, poolID, "uma", "UNCONFIRMED")
			_, err := c.password("uma", goodPassword)
			wantAPIError(t, err, "UserNotConfirmedException", "User is not confirmed.")
			wantAPIError(t, c.srpAttempt(t, "uma", goodPassword), "UserNotConfirmedException", "User is not confirmed.")
			// The password is checked first: a wrong one says so.
			_, err = c.password("uma", otherPassword)
			wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		})
		t.Run("disabled", func(t *testing.T) {
			confirmedUser(t, env, poolID, "vera", goodPassword)
			before := c.mustPassword(t, "vera", goodPassword)
			if _, err := env.IDP.AdminDisableUser(env.Ctx, &cip.AdminDisableUserInput{UserPoolId: aws.String(poolID), Username: aws.String("vera")}); err != nil {
				t.Fatal(err)
			}
			_, err := c.password("vera", goodPassword)
			wantAPIError(t, err, "NotAuthorizedException", "User is disabled.")
			wantAPIError(t, c.srpAttempt(t, "vera", goodPassword), "NotAuthorizedException", "User is disabled.")
			_, err = env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
				ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeAdminUserPasswordAuth,
				AuthParameters: map[string]string{"USERNAME": "vera", "PASSWORD": goodPassword}})
			wantAPIError(t, err, "NotAuthorizedException", "User is disabled.")
			// Disabling a user revokes its access tokens (AdminDisableUser);
			// its refresh tokens answer that the user is disabled.
			_, err = c.getUser(*before.AccessToken)
			wantAPIError(t, err, "NotAuthorizedException", "Access Token has been revoked")
			_, err = c.refresh("vera", *before.RefreshToken)
			wantAPIError(t, err, "NotAuthorizedException", "User is disabled.")
			_, err = c.getTokens(*before.RefreshToken)
			wantAPIError(t, err, "NotAuthorizedException", "User is disabled.")
			if _, err := env.IDP.AdminEnableUser(env.Ctx, &cip.AdminEnableUserInput{UserPoolId: aws.String(poolID), Username: aws.String("vera")}); err != nil {
				t.Fatal(err)
			}
			c.mustPassword(t, "vera", goodPassword)
			// Enabling the user again does not bring the old tokens back.
			_, err = c.getUser(*before.AccessToken)
			wantAPIError(t, err, "NotAuthorizedException", "Access Token has been revoked")
			_, err = c.getTokens(*before.RefreshToken)
			wantAPIError(t, err, "NotAuthorizedException", "Refresh Token has been revoked")
		})
		t.Run("RESET_REQUIRED", func(t *testing.T) {
			confirmedUser(t, env, poolID, "wes", goodPassword)
			setStatus(t, env, poolID, "wes", "RESET_REQUIRED")
			_, err := c.password("wes", goodPassword)
			wantAPIError(t, err, "PasswordResetRequiredException", "Password reset required for the user")
			wantAPIError(t, c.srpAttempt(t, "wes", goodPassword), "PasswordResetRequiredException", "Password reset required for the user")
		})
		// Incognito's choice: no password sign-in in the states it never
		// sets itself.
		for _, status := range []string{"COMPROMISED", "ARCHIVED", "UNKNOWN", "EXTERNAL_PROVIDER"} {
			t.Run(status, func(t *testing.T) {
				name := "st-" + status
				confirmedUser(t, env, poolID, name, goodPassword)
				setStatus(t, env, poolID, name, status)
				_, err := c.password(name, goodPassword)
				wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
				wantAPIError(t, c.srpAttempt(t, name, goodPassword), "NotAuthorizedException", incorrectPassword)
			})
		}
	})
}

func TestNewPasswordRequired(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.Policies = &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{
				MinimumLength: aws.Int32(12), RequireNumbers: true, RequireLowercase: true}}
			in.Schema = []types.SchemaAttributeType{{Name: aws.String("name"), AttributeDataType: types.AttributeDataTypeString,
				Required: aws.Bool(true), Mutable: aws.Bool(true)}}
		})
		c := authClient(t, env, poolID, withSecret)
		const temp = "temporary pass 1"
		create := func(username string) {
			t.Helper()
			_, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID),
				Username: aws.String(username), TemporaryPassword: aws.String(temp), MessageAction: types.MessageActionTypeSuppress,
				UserAttributes: attrList("name", "Placeholder", "email", username+"@example.com", "email_verified", "true")})
			if err != nil {
				t.Fatalf("AdminCreateUser %s: %v", username, err)
			}
		}

		t.Run("password flow with a required attribute", func(t *testing.T) {
			create("olga")
			// A user without a required attribute (an import, or a
			// schema the user predates) must give it with the new
			// password.
			err := env.App.Store.UpdateUser(env.Ctx, poolID, "olga", func(r store.UserRecord) (store.UserRecord, error) {
				delete(r.Attributes, "name")
				return r, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			out, err := c.password("olga", temp)
			if err != nil {
				t.Fatalf("sign-in with the temporary password: %v", err)
			}
			if out.ChallengeName != types.ChallengeNameTypeNewPasswordRequired || out.AuthenticationResult != nil {
				t.Fatalf("challenge %q, tokens %v", out.ChallengeName, out.AuthenticationResult != nil)
			}
			p := out.ChallengeParameters
			if p["USER_ID_FOR_SRP"] != "olga" {
				t.Errorf("USER_ID_FOR_SRP %q", p["USER_ID_FOR_SRP"])
			}
			var required []string
			if err := json.Unmarshal([]byte(p["requiredAttributes"]), &required); err != nil || len(required) != 1 || required[0] != "userAttributes.name" {
				t.Errorf("requiredAttributes %q (%v)", p["requiredAttributes"], err)
			}
			var current map[string]string
			if err := json.Unmarshal([]byte(p["userAttributes"]), &current); err != nil {
				t.Fatalf("userAttributes %q: %v", p["userAttributes"], err)
			}
			if current["email"] != "olga@example.com" || current["email_verified"] != "true" {
				t.Errorf("userAttributes %v", current)
			}
			if _, ok := current["sub"]; ok {
				t.Errorf("userAttributes carries sub: %v", current)
			}

			answer := func(session *string, kv ...string) (*cip.RespondToAuthChallengeOutput, error) {
				return c.respond(types.ChallengeNameTypeNewPasswordRequired, session, c.params("olga", append([]string{"USERNAME", "olga"}, kv...)...))
			}
			_, err = answer(out.Session, "NEW_PASSWORD", "short 1", "userAttributes.name", "Olga")
			wantAPIError(t, err, "InvalidPasswordException", "Password did not conform with policy: Password not long enough")
			_, err = answer(out.Session, "NEW_PASSWORD", "no numbers in here", "userAttributes.name", "Olga")
			wantAPIError(t, err, "InvalidPasswordException", "Password did not conform with policy: Password must have numeric characters")
			_, err = answer(out.Session, "NEW_PASSWORD", "a good new password 1")
			wantAPIError(t, err, "InvalidParameterException", "Invalid attributes given, name is missing")
			_, err = answer(out.Session, "userAttributes.name", "Olga")
			wantAPIError(t, err, "InvalidParameterException", "Invalid attributes given, new password should be given with key NEW_PASSWORD.")
			_, err = answer(out.Session, "NEW_PASSWORD", "a good new password 1", "userAttributes.name", "Olga", "userAttributes.nosuch", "x")
			wantAPIError(t, err, "InvalidParameterException", "")
			r := c.params("olga", "USERNAME", "olga", "NEW_PASSWORD", "a good new password 1", "userAttributes.name", "Olga")
			r["SECRET_HASH"] = c.hash("someone-else")
			_, err = c.respond(types.ChallengeNameTypeNewPasswordRequired, out.Session, r)
			wantAPIError(t, err, "NotAuthorizedException", "Unable to verify secret hash for client "+c.clientID)
			// Nothing above changed the user.
			if s := getUser(t, env, poolID, "olga").UserStatus; s != types.UserStatusTypeForceChangePassword {
				t.Fatalf("status after refused answers: %s", s)
			}

			done, err := answer(out.Session, "NEW_PASSWORD", "a good new password 1", "userAttributes.name", "Olga")
			if err != nil {
				t.Fatalf("NEW_PASSWORD_REQUIRED: %v", err)
			}
			wantTokens(t, "NEW_PASSWORD_REQUIRED", done.AuthenticationResult)
			if got := claimsOf(t, *done.AuthenticationResult.IdToken)["name"]; got != "Olga" {
				t.Errorf("name claim %v", got)
			}
			u := getUser(t, env, poolID, "olga")
			if u.UserStatus != types.UserStatusTypeConfirmed {
				t.Errorf("status %s, want CONFIRMED", u.UserStatus)
			}
			if v, _ := attrValue(u.UserAttributes, "name"); v != "Olga" {
				t.Errorf("name %q", v)
			}
			// The session is spent; the temporary password is gone.
			_, err = answer(out.Session, "NEW_PASSWORD", "another new password 2", "userAttributes.name", "Olga")
			wantAPIError(t, err, "NotAuthorizedException", "Invalid session for the user, session is expired.")
			_, err = c.password("olga", temp)
			wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
			c.mustPassword(t, "olga", "a good new password 1")
		})

		t.Run("SRP flow", func(t *testing.T) {
			create("petra")
			out, err := c.srpSignIn(t, "petra", temp)
			if err != nil {
				t.Fatalf("SRP with the temporary password: %v", err)
			}
			if out.ChallengeName != types.ChallengeNameTypeNewPasswordRequired {
				t.Fatalf("challenge %q", out.ChallengeName)
			}
			if out.ChallengeParameters["requiredAttributes"] != "[]" {
				t.Errorf("requiredAttributes %q", out.ChallengeParameters["requiredAttributes"])
			}
			done, err := c.respond(types.ChallengeNameTypeNewPasswordRequired, out.Session,
				c.params("petra", "USERNAME", "petra", "NEW_PASSWORD", "petra's new password 1"))
			if err != nil {
				t.Fatalf("NEW_PASSWORD_REQUIRED after SRP: %v", err)
			}
			wantTokens(t, "NEW_PASSWORD_REQUIRED after SRP", done.AuthenticationResult)
			c.mustSRP(t, "petra", "petra's new password 1")
		})

		t.Run("admin flow", func(t *testing.T) {
			create("quinn")
			out, err := env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
				ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeAdminUserPasswordAuth,
				AuthParameters: c.params("quinn", "USERNAME", "quinn", "PASSWORD", temp)})
			if err != nil || out.ChallengeName != types.ChallengeNameTypeNewPasswordRequired {
				t.Fatalf("AdminInitiateAuth: %v %v", out, err)
			}
			done, err := env.IDP.AdminRespondToAuthChallenge(env.Ctx, &cip.AdminRespondToAuthChallengeInput{
				UserPoolId: aws.String(poolID), ClientId: aws.String(c.clientID),
				ChallengeName: types.ChallengeNameTypeNewPasswordRequired, Session: out.Session,
				ChallengeResponses: c.params("quinn", "USERNAME", "quinn", "NEW_PASSWORD", "quinn's new password 1"),
			})
			if err != nil {
				t.Fatalf("AdminRespondToAuthChallenge: %v", err)
			}
			wantTokens(t, "admin NEW_PASSWORD_REQUIRED", done.AuthenticationResult)
		})

		t.Run("wrong temporary password", func(t *testing.T) {
			create("rosa")
			_, err := c.password("rosa", "not the temporary 1")
			wantAPIError(t, err, "NotAuthorizedException", incorrectPassword)
		})

		t.Run("session expires", func(t *testing.T) {
			// A Session is only good for the client's AuthSessionValidity;
			// expiry itself is covered with an injected clock in
			// internal/authflow. Here: a Session of one client is refused
			// by another.
			create("sara")
			out, err := c.password("sara", temp)
			if err != nil {
				t.Fatal(err)
			}
			other := authClient(t, env, poolID, nil)
			_, err = other.respond(types.ChallengeNameTypeNewPasswordRequired, out.Session,
				map[string]string{"USERNAME": "sara", "NEW_PASSWORD": "sara's new password 1"})
			wantAPIError(t, err, "NotAuthorizedException", "Invalid session for the user, session is expired.")
		})
	})
}
