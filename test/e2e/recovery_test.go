package e2e

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// forgot calls ForgotPassword through c.
func (c *signIn) forgot(username string) (*cip.ForgotPasswordOutput, error) {
	in := &cip.ForgotPasswordInput{ClientId: aws.String(c.clientID), Username: aws.String(username)}
	if h := c.hash(username); h != "" {
		in.SecretHash = aws.String(h)
	}
	return c.env.Anon.ForgotPassword(c.env.Ctx, in)
}

// confirmForgot calls ConfirmForgotPassword through c.
func (c *signIn) confirmForgot(username, code, password string) error {
	in := &cip.ConfirmForgotPasswordInput{ClientId: aws.String(c.clientID), Username: aws.String(username),
		ConfirmationCode: aws.String(code), Password: aws.String(password)}
	if h := c.hash(username); h != "" {
		in.SecretHash = aws.String(h)
	}
	_, err := c.env.Anon.ConfirmForgotPassword(c.env.Ctx, in)
	return err
}

// changePassword calls ChangePassword with an access token.
func (c *signIn) changePassword(token, previous, proposed string) error {
	_, err := c.env.Anon.ChangePassword(c.env.Ctx, &cip.ChangePasswordInput{AccessToken: aws.String(token),
		PreviousPassword: aws.String(previous), ProposedPassword: aws.String(proposed)})
	return err
}

const incorrect = "Incorrect username or password."

func TestForgotPassword(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, nil), nil)
		confirmedUser(t, env, c.poolID, "amy", goodPassword, "email", "amy@example.com", "email_verified", "true")
		out, err := c.forgot("amy")
		if err != nil {
			t.Fatalf("ForgotPassword: %v", err)
		}
		wantDelivery(t, "ForgotPassword", out.CodeDeliveryDetails, types.DeliveryMediumTypeEmail, "a***@e***", "email")
		m := lastMessage(t, env, c.poolID, "amy@example.com")
		if m.Kind != "forgot-password" || m.DeliveryMedium != "EMAIL" {
			t.Errorf("reset message %+v", m)
		}
		code := latestCode(t, env, c.poolID, "amy@example.com")

		wantAPIError(t, c.confirmForgot("amy", wrongCode(code), otherPassword),
			"CodeMismatchException", "Invalid verification code provided, please try again.")
		wantAPIError(t, c.confirmForgot("amy", code, "weak"),
			"InvalidPasswordException", "Password did not conform with policy: Password not long enough")
		if err := c.confirmForgot("amy", code, otherPassword); err != nil {
			t.Fatalf("ConfirmForgotPassword: %v", err)
		}
		wantAPIError(t, c.confirmForgot("amy", code, goodPassword),
			"ExpiredCodeException", "Invalid code provided, please request a code again.")
		_, err = c.password("amy", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", incorrect)
		wantTokens(t, "sign-in with the new password", c.mustPassword(t, "amy", otherPassword))

		// Unknown users, users without a verified address, disabled users.
		_, err = c.forgot("nobody")
		wantAPIError(t, err, "UserNotFoundException", "Username/client id combination not found.")
		wantAPIError(t, c.confirmForgot("nobody", "123456", goodPassword),
			"UserNotFoundException", "Username/client id combination not found.")
		confirmedUser(t, env, c.poolID, "ben", goodPassword, "email", "ben@example.com")
		_, err = c.forgot("ben")
		wantAPIError(t, err, "InvalidParameterException",
			"Cannot reset password for the user as there is no registered/verified email or phone_number")
		confirmedUser(t, env, c.poolID, "cat", goodPassword, "email", "cat@example.com", "email_verified", "true")
		if _, err := env.IDP.AdminDisableUser(env.Ctx, &cip.AdminDisableUserInput{UserPoolId: aws.String(c.poolID),
			Username: aws.String("cat")}); err != nil {
			t.Fatal(err)
		}
		_, err = c.forgot("cat")
		wantAPIError(t, err, "NotAuthorizedException", "User is disabled.")

		_, err = unvalidated(env).ForgotPassword(env.Ctx, &cip.ForgotPasswordInput{ClientId: aws.String(c.clientID)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null")
	})
}

func TestForgotPasswordLimitsAndAttempts(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, nil), nil)
		confirmedUser(t, env, c.poolID, "dan", goodPassword, "email", "dan@example.com", "email_verified", "true")
		for i := 1; i <= 10; i++ {
			if _, err := c.forgot("dan"); err != nil {
				t.Fatalf("ForgotPassword %d: %v", i, err)
			}
		}
		_, err := c.forgot("dan")
		wantAPIError(t, err, "LimitExceededException", "Attempt limit exceeded, please try after some time.")

		// Wrong codes count toward the lockout, as wrong passwords do.
		confirmedUser(t, env, c.poolID, "eve", goodPassword, "email", "eve@example.com", "email_verified", "true")
		if _, err := c.forgot("eve"); err != nil {
			t.Fatalf("ForgotPassword: %v", err)
		}
		code := latestCode(t, env, c.poolID, "eve@example.com")
		for i := 1; i <= 5; i++ {
			wantAPIError(t, c.confirmForgot("eve", wrongCode(code), otherPassword),
				"CodeMismatchException", "Invalid verification code provided, please try again.")
		}
		_, err = c.password("eve", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", "Password attempts exceeded")
	})
}

func TestForgotPasswordByPhone(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AccountRecoverySetting = &types.AccountRecoverySettingType{RecoveryMechanisms: []types.RecoveryOptionType{
				{Name: types.RecoveryOptionNameTypeVerifiedEmail, Priority: aws.Int32(2)},
				{Name: types.RecoveryOptionNameTypeVerifiedPhoneNumber, Priority: aws.Int32(1)},
			}}
		}), nil)
		confirmedUser(t, env, c.poolID, "fay", goodPassword, "email", "fay@example.com", "email_verified", "true",
			"phone_number", "+15555550133", "phone_number_verified", "true")
		out, err := c.forgot("fay")
		if err != nil {
			t.Fatalf("ForgotPassword: %v", err)
		}
		wantDelivery(t, "ForgotPassword", out.CodeDeliveryDetails, types.DeliveryMediumTypeSms, "+*******0133", "phone_number")
		if err := c.confirmForgot("fay", latestCode(t, env, c.poolID, "+15555550133"), otherPassword); err != nil {
			t.Fatalf("ConfirmForgotPassword: %v", err)
		}
		// Without a verified phone number, the email address is next.
		confirmedUser(t, env, c.poolID, "gus", goodPassword, "email", "gus@example.com", "email_verified", "true",
			"phone_number", "+15555550144")
		out, err = c.forgot("gus")
		if err != nil {
			t.Fatalf("ForgotPassword: %v", err)
		}
		wantDelivery(t, "ForgotPassword", out.CodeDeliveryDetails, types.DeliveryMediumTypeEmail, "g***@e***", "email")
	})
}

func TestForgotPasswordHidesUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, nil), func(in *cip.CreateUserPoolClientInput) {
			in.PreventUserExistenceErrors = types.PreventUserExistenceErrorTypesEnabled
		})
		out, err := c.forgot("nobody@example.com")
		if err != nil {
			t.Fatalf("ForgotPassword for an unknown user: %v", err)
		}
		if out.CodeDeliveryDetails == nil || aws.ToString(out.CodeDeliveryDetails.Destination) == "" {
			t.Errorf("no simulated delivery: %+v", out.CodeDeliveryDetails)
		}
		wantAPIError(t, c.confirmForgot("nobody@example.com", "123456", goodPassword),
			"CodeMismatchException", "Invalid verification code provided, please try again.")
		if n := len(outbox(t, env, c.poolID)); n != 0 {
			t.Errorf("%d messages sent for an unknown user", n)
		}
	})
}

func TestRecoveryWithClientSecret(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, nil), withSecret)
		confirmedUser(t, env, c.poolID, "hal", goodPassword, "email", "hal@example.com", "email_verified", "true")
		missing := "Client " + c.clientID + " is configured for secret but secret was not received"
		wrong := "Unable to verify secret hash for client " + c.clientID

		_, err := env.Anon.ForgotPassword(env.Ctx, &cip.ForgotPasswordInput{ClientId: aws.String(c.clientID), Username: aws.String("hal")})
		wantAPIError(t, err, "NotAuthorizedException", missing)
		_, err = env.Anon.ForgotPassword(env.Ctx, &cip.ForgotPasswordInput{ClientId: aws.String(c.clientID),
			Username: aws.String("hal"), SecretHash: aws.String(c.hash("someone"))})
		wantAPIError(t, err, "NotAuthorizedException", wrong)
		if _, err := c.forgot("hal"); err != nil {
			t.Fatalf("ForgotPassword with SecretHash: %v", err)
		}
		code := latestCode(t, env, c.poolID, "hal@example.com")
		_, err = env.Anon.ConfirmForgotPassword(env.Ctx, &cip.ConfirmForgotPasswordInput{ClientId: aws.String(c.clientID),
			Username: aws.String("hal"), ConfirmationCode: aws.String(code), Password: aws.String(otherPassword)})
		wantAPIError(t, err, "NotAuthorizedException", missing)
		_, err = env.Anon.ConfirmForgotPassword(env.Ctx, &cip.ConfirmForgotPasswordInput{ClientId: aws.String(c.clientID),
			Username: aws.String("hal"), ConfirmationCode: aws.String(code), Password: aws.String(otherPassword),
			SecretHash: aws.String("d3JvbmcgaGFzaA==")})
		wantAPIError(t, err, "NotAuthorizedException", wrong)
		if err := c.confirmForgot("hal", code, otherPassword); err != nil {
			t.Fatalf("ConfirmForgotPassword with SecretHash: %v", err)
		}
		wantTokens(t, "sign-in", c.mustPassword(t, "hal", otherPassword))
	})
}

func TestAdminResetUserPassword(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, nil), nil)
		confirmedUser(t, env, c.poolID, "ida", goodPassword, "email", "ida@example.com", "email_verified", "true")
		reset := func(client *cip.Client, username string) error {
			_, err := client.AdminResetUserPassword(env.Ctx, &cip.AdminResetUserPasswordInput{
				UserPoolId: aws.String(c.poolID), Username: aws.String(username)})
			return err
		}
		wantAPIError(t, reset(env.Anon, "ida"), "UnrecognizedClientException", "")
		if err := reset(env.IDP, "ida"); err != nil {
			t.Fatalf("AdminResetUserPassword: %v", err)
		}
		if s := getUser(t, env, c.poolID, "ida").UserStatus; s != types.UserStatusTypeResetRequired {
			t.Errorf("status %s, want RESET_REQUIRED", s)
		}
		_, err := c.password("ida", goodPassword)
		wantAPIError(t, err, "PasswordResetRequiredException", "Password reset required for the user")
		m := lastMessage(t, env, c.poolID, "ida@example.com")
		if m.Kind != "forgot-password" {
			t.Errorf("reset message %+v", m)
		}
		if err := c.confirmForgot("ida", latestCode(t, env, c.poolID, "ida@example.com"), otherPassword); err != nil {
			t.Fatalf("ConfirmForgotPassword: %v", err)
		}
		if s := getUser(t, env, c.poolID, "ida").UserStatus; s != types.UserStatusTypeConfirmed {
			t.Errorf("status %s, want CONFIRMED", s)
		}
		wantTokens(t, "sign-in", c.mustPassword(t, "ida", otherPassword))

		wantAPIError(t, reset(env.IDP, "nobody"), "UserNotFoundException", "User does not exist.")
		confirmedUser(t, env, c.poolID, "jon", goodPassword, "email", "jon@example.com")
		wantAPIError(t, reset(env.IDP, "jon"), "InvalidParameterException",
			"Cannot reset password for the user as there is no registered/verified email or phone_number")
		if s := getUser(t, env, c.poolID, "jon").UserStatus; s != types.UserStatusTypeConfirmed {
			t.Errorf("a refused reset changed the status to %s", s)
		}
		_, err = unvalidated(env).AdminResetUserPassword(env.Ctx, &cip.AdminResetUserPasswordInput{UserPoolId: aws.String(c.poolID)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null")
	})
}

func TestChangePassword(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, nil), nil)
		confirmedUser(t, env, c.poolID, "kay", goodPassword)
		token := aws.ToString(c.mustPassword(t, "kay", goodPassword).AccessToken)

		wantAPIError(t, c.changePassword(token, "Wrong-Password-9", otherPassword), "NotAuthorizedException", incorrect)
		wantAPIError(t, c.changePassword(token, goodPassword, "weak"),
			"InvalidPasswordException", "Password did not conform with policy: Password not long enough")
		if err := c.changePassword(token, goodPassword, otherPassword); err != nil {
			t.Fatalf("ChangePassword: %v", err)
		}
		_, err := c.password("kay", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", incorrect)
		wantTokens(t, "sign-in with the new password", c.mustPassword(t, "kay", otherPassword))

		// Five changes an hour.
		if err := c.changePassword(token, otherPassword, goodPassword); err != nil {
			t.Fatalf("ChangePassword: %v", err)
		}
		if err := c.changePassword(token, goodPassword, otherPassword); err != nil {
			t.Fatalf("ChangePassword: %v", err)
		}
		wantAPIError(t, c.changePassword(token, otherPassword, goodPassword),
			"LimitExceededException", "Attempt limit exceeded, please try after some time.")

		// Wrong previous passwords lock the user out.
		confirmedUser(t, env, c.poolID, "lou", goodPassword)
		token = aws.ToString(c.mustPassword(t, "lou", goodPassword).AccessToken)
		for i := 1; i <= 5; i++ {
			wantAPIError(t, c.changePassword(token, "Wrong-Password-9", otherPassword), "NotAuthorizedException", incorrect)
		}
		wantAPIError(t, c.changePassword(token, goodPassword, otherPassword), "NotAuthorizedException", "Password attempts exceeded")

		wantAPIError(t, c.changePassword("not-a-token", goodPassword, otherPassword), "NotAuthorizedException", "Invalid Access Token")
		_, err = unvalidated(env).ChangePassword(env.Ctx, &cip.ChangePasswordInput{AccessToken: aws.String(token),
			PreviousPassword: aws.String(goodPassword)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'proposedPassword' failed to satisfy constraint: Member must not be null")
	})
}
