package e2e

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// verifiedEmailPool is a pool that verifies email addresses itself.
func verifiedEmailPool(in *cip.CreateUserPoolInput) {
	in.AutoVerifiedAttributes = []types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail}
}

// signUp calls SignUp through c, with SecretHash when c has a secret.
func (c *signIn) signUp(username, password string, kv ...string) (*cip.SignUpOutput, error) {
	in := &cip.SignUpInput{ClientId: aws.String(c.clientID), Username: aws.String(username),
		Password: aws.String(password), UserAttributes: attrList(kv...)}
	if h := c.hash(username); h != "" {
		in.SecretHash = aws.String(h)
	}
	return c.env.Anon.SignUp(c.env.Ctx, in)
}

// confirmSignUp calls ConfirmSignUp through c.
func (c *signIn) confirmSignUp(username, code string) (*cip.ConfirmSignUpOutput, error) {
	in := &cip.ConfirmSignUpInput{ClientId: aws.String(c.clientID), Username: aws.String(username),
		ConfirmationCode: aws.String(code)}
	if h := c.hash(username); h != "" {
		in.SecretHash = aws.String(h)
	}
	return c.env.Anon.ConfirmSignUp(c.env.Ctx, in)
}

// resend calls ResendConfirmationCode through c.
func (c *signIn) resend(username string) (*cip.ResendConfirmationCodeOutput, error) {
	in := &cip.ResendConfirmationCodeInput{ClientId: aws.String(c.clientID), Username: aws.String(username)}
	if h := c.hash(username); h != "" {
		in.SecretHash = aws.String(h)
	}
	return c.env.Anon.ResendConfirmationCode(c.env.Ctx, in)
}

// signedUp signs a user up with an email address and confirms it with the
// code from the outbox.
func (c *signIn) signedUp(t *testing.T, username, email string, kv ...string) {
	t.Helper()
	if _, err := c.signUp(username, goodPassword, append([]string{"email", email}, kv...)...); err != nil {
		t.Fatalf("SignUp %s: %v", username, err)
	}
	if _, err := c.confirmSignUp(username, latestCode(t, c.env, c.poolID, email)); err != nil {
		t.Fatalf("ConfirmSignUp %s: %v", username, err)
	}
}

// wantDelivery checks CodeDeliveryDetails.
func wantDelivery(t *testing.T, what string, d *types.CodeDeliveryDetailsType, medium types.DeliveryMediumType, dest, attr string) {
	t.Helper()
	if d == nil {
		t.Fatalf("%s: no CodeDeliveryDetails", what)
	}
	if d.DeliveryMedium != medium || aws.ToString(d.Destination) != dest || aws.ToString(d.AttributeName) != attr {
		t.Errorf("%s: delivery {%s %s %s}, want {%s %s %s}", what, d.DeliveryMedium, aws.ToString(d.Destination),
			aws.ToString(d.AttributeName), medium, dest, attr)
	}
}

func TestSignUpAndConfirm(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, verifiedEmailPool), nil)
		out, err := c.signUp("alice", goodPassword, "email", "alice@example.com", "given_name", "Alice")
		if err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		if out.UserConfirmed || !uuidV4.MatchString(aws.ToString(out.UserSub)) {
			t.Errorf("SignUp: confirmed %v, sub %q", out.UserConfirmed, aws.ToString(out.UserSub))
		}
		wantDelivery(t, "SignUp", out.CodeDeliveryDetails, types.DeliveryMediumTypeEmail, "a***@e***", "email")

		u := getUser(t, env, c.poolID, "alice")
		if u.UserStatus != types.UserStatusTypeUnconfirmed {
			t.Errorf("status %s, want UNCONFIRMED", u.UserStatus)
		}
		if v, _ := attrValue(u.UserAttributes, "sub"); v != aws.ToString(out.UserSub) {
			t.Errorf("sub %q, SignUp said %q", v, aws.ToString(out.UserSub))
		}
		if v, ok := attrValue(u.UserAttributes, "email_verified"); ok && v == "true" {
			t.Error("email verified before confirmation")
		}
		m := lastMessage(t, env, c.poolID, "alice@example.com")
		if m.Kind != "verification" || m.DeliveryMedium != "EMAIL" || m.Subject != "Your verification code" ||
			!strings.HasPrefix(m.Body, "Your verification code is ") {
			t.Errorf("verification message %+v", m)
		}

		// An unconfirmed user cannot sign in.
		_, err = c.password("alice", goodPassword)
		wantAPIError(t, err, "UserNotConfirmedException", "User is not confirmed.")

		code := latestCode(t, env, c.poolID, "alice@example.com")
		_, err = c.confirmSignUp("alice", wrongCode(code))
		wantAPIError(t, err, "CodeMismatchException", "Invalid verification code provided, please try again.")
		if _, err := c.confirmSignUp("alice", code); err != nil {
			t.Fatalf("ConfirmSignUp: %v", err)
		}
		u = getUser(t, env, c.poolID, "alice")
		if u.UserStatus != types.UserStatusTypeConfirmed {
			t.Errorf("status %s, want CONFIRMED", u.UserStatus)
		}
		if v, _ := attrValue(u.UserAttributes, "email_verified"); v != "true" {
			t.Errorf("email_verified %q after confirmation", v)
		}
		_, err = c.confirmSignUp("alice", code)
		wantAPIError(t, err, "NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED")
		wantTokens(t, "sign-in after sign-up", c.mustPassword(t, "alice", goodPassword))
	})
}

func TestSignUpRefusals(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, verifiedEmailPool)
		c := authClient(t, env, poolID, nil)
		if _, err := c.signUp("taken", goodPassword, "email", "taken@example.com"); err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		_, err := c.signUp("taken", goodPassword)
		wantAPIError(t, err, "UsernameExistsException", "User already exists")

		cases := []struct {
			name, username, password string
			attrs                    []string
			typ, msg                 string
		}{
			{"short password", "p1", "Ab1!", nil, "InvalidPasswordException", "Password did not conform with policy: Password not long enough"},
			{"no symbol", "p2", "Abcdefg1", nil, "InvalidPasswordException", "Password did not conform with policy: Password must have symbol characters"},
			{"unknown attribute", "p3", goodPassword, []string{"custom:nope", "x"}, "InvalidParameterException",
				"Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.\n"},
			{"bad email", "p4", goodPassword, []string{"email", "not-an-email"}, "InvalidParameterException", "Invalid email address format."},
			{"sub", "p5", goodPassword, []string{"sub", "x"}, "InvalidParameterException",
				"Attributes did not conform to the schema: sub: Attribute cannot be updated.\n"},
			{"verifying itself", "p6", goodPassword, []string{"email", "p6@example.com", "email_verified", "true"},
				"NotAuthorizedException", "A client attempted to write unauthorized attribute"},
		}
		for _, tc := range cases {
			_, err := c.signUp(tc.username, tc.password, tc.attrs...)
			if err == nil {
				t.Errorf("%s: SignUp succeeded", tc.name)
				continue
			}
			wantAPIError(t, err, tc.typ, tc.msg)
			_, err = env.IDP.AdminGetUser(env.Ctx, &cip.AdminGetUserInput{UserPoolId: aws.String(poolID), Username: aws.String(tc.username)})
			wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		}

		_, err = unvalidated(env).SignUp(env.Ctx, &cip.SignUpInput{ClientId: aws.String(c.clientID), Password: aws.String(goodPassword)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null")
		_, err = env.Anon.SignUp(env.Ctx, &cip.SignUpInput{ClientId: aws.String("nosuchclient0000000000000a"),
			Username: aws.String("x"), Password: aws.String(goodPassword)})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool client nosuchclient0000000000000a does not exist.")

		// A client that may write only some attributes.
		limited := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
			in.WriteAttributes = []string{"email", "name"}
		})
		_, err = limited.signUp("lim", goodPassword, "email", "lim@example.com", "given_name", "Lim")
		wantAPIError(t, err, "NotAuthorizedException", "A client attempted to write unauthorized attribute")
		if _, err := limited.signUp("lim", goodPassword, "email", "lim@example.com", "name", "Lim"); err != nil {
			t.Errorf("SignUp with writable attributes: %v", err)
		}

		// Pools where only administrators create users.
		closed := authClient(t, env, userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AdminCreateUserConfig = &types.AdminCreateUserConfigType{AllowAdminCreateUserOnly: true}
		}), nil)
		_, err = closed.signUp("bob", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", "SignUp is not permitted for this user pool")
	})
}

func TestSignUpEmailAsUsername(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, func(in *cip.CreateUserPoolInput) {
			verifiedEmailPool(in)
			in.UsernameAttributes = []types.UsernameAttributeType{types.UsernameAttributeTypeEmail}
		}), nil)
		out, err := c.signUp("carol@example.com", goodPassword)
		if err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		wantDelivery(t, "SignUp", out.CodeDeliveryDetails, types.DeliveryMediumTypeEmail, "c***@e***", "email")
		u := getUser(t, env, c.poolID, "carol@example.com")
		if aws.ToString(u.Username) != aws.ToString(out.UserSub) {
			t.Errorf("username %q, want the sub %q", aws.ToString(u.Username), aws.ToString(out.UserSub))
		}
		_, err = c.signUp("carol@example.com", goodPassword)
		wantAPIError(t, err, "UsernameExistsException", "An account with the given email already exists.")
		_, err = c.signUp("carol", goodPassword)
		wantAPIError(t, err, "InvalidParameterException", "Username should be an email.")

		if _, err := c.confirmSignUp("carol@example.com", latestCode(t, env, c.poolID, "carol@example.com")); err != nil {
			t.Fatalf("ConfirmSignUp by email: %v", err)
		}
		wantTokens(t, "sign-in by email", c.mustPassword(t, "carol@example.com", goodPassword))
	})
}

func TestSignUpBySMSAndTemplates(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AutoVerifiedAttributes = []types.VerifiedAttributeType{types.VerifiedAttributeTypePhoneNumber, types.VerifiedAttributeTypeEmail}
			in.VerificationMessageTemplate = &types.VerificationMessageTemplateType{
				SmsMessage:   aws.String("Incognito code {####}"),
				EmailMessage: aws.String("Welcome! Your code: {####}"),
				EmailSubject: aws.String("Confirm your account"),
			}
		}), nil)
		out, err := c.signUp("dave", goodPassword, "phone_number", "+15555550100", "email", "dave@example.com")
		if err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		wantDelivery(t, "SignUp", out.CodeDeliveryDetails, types.DeliveryMediumTypeSms, "+*******0100", "phone_number")
		m := lastMessage(t, env, c.poolID, "+15555550100")
		if m.DeliveryMedium != "SMS" || m.Subject != "" || !sixDigitsBody(m.Body, "Incognito code ") {
			t.Errorf("SMS %+v", m)
		}
		if _, err := c.confirmSignUp("dave", latestCode(t, env, c.poolID, "+15555550100")); err != nil {
			t.Fatalf("ConfirmSignUp: %v", err)
		}
		u := getUser(t, env, c.poolID, "dave")
		if v, _ := attrValue(u.UserAttributes, "phone_number_verified"); v != "true" {
			t.Errorf("phone_number_verified %q", v)
		}
		if v, _ := attrValue(u.UserAttributes, "email_verified"); v == "true" {
			t.Error("email verified by an SMS code")
		}

		out, err = c.signUp("erin", goodPassword, "email", "erin@example.com")
		if err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		wantDelivery(t, "SignUp", out.CodeDeliveryDetails, types.DeliveryMediumTypeEmail, "e***@e***", "email")
		m = lastMessage(t, env, c.poolID, "erin@example.com")
		if m.Subject != "Confirm your account" || !sixDigitsBody(m.Body, "Welcome! Your code: ") {
			t.Errorf("email %+v", m)
		}
	})
}

// sixDigitsBody reports whether body is prefix followed by a code.
func sixDigitsBody(body, prefix string) bool {
	rest, ok := strings.CutPrefix(body, prefix)
	return ok && len(rest) == 6 && sixDigits.MatchString(rest)
}

func TestSignUpWithoutVerification(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, nil), nil)
		out, err := c.signUp("frank", goodPassword, "email", "frank@example.com")
		if err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		if out.CodeDeliveryDetails != nil || out.UserConfirmed {
			t.Errorf("SignUp without auto-verification: %+v", out)
		}
		if n := len(outbox(t, env, c.poolID)); n != 0 {
			t.Errorf("%d messages sent", n)
		}
		_, err = c.resend("frank")
		wantAPIError(t, err, "InvalidParameterException", "Cannot resend codes. Auto verification not turned on.")
		_, err = c.confirmSignUp("frank", "123456")
		wantAPIError(t, err, "CodeMismatchException", "Invalid verification code provided, please try again.")
		if _, err := env.IDP.AdminConfirmSignUp(env.Ctx, &cip.AdminConfirmSignUpInput{UserPoolId: aws.String(c.poolID),
			Username: aws.String("frank")}); err != nil {
			t.Fatalf("AdminConfirmSignUp: %v", err)
		}
		wantTokens(t, "sign-in", c.mustPassword(t, "frank", goodPassword))
	})
}

func TestResendConfirmationCode(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, verifiedEmailPool), nil)
		if _, err := c.signUp("gina", goodPassword, "email", "gina@example.com"); err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		first := latestCode(t, env, c.poolID, "gina@example.com")
		out, err := c.resend("gina")
		if err != nil {
			t.Fatalf("ResendConfirmationCode: %v", err)
		}
		wantDelivery(t, "resend", out.CodeDeliveryDetails, types.DeliveryMediumTypeEmail, "g***@e***", "email")
		second := latestCode(t, env, c.poolID, "gina@example.com")
		if n := len(outbox(t, env, c.poolID)); n != 2 {
			t.Errorf("%d messages, want 2", n)
		}
		if first != second {
			_, err = c.confirmSignUp("gina", first)
			wantAPIError(t, err, "CodeMismatchException", "Invalid verification code provided, please try again.")
		}
		for i := 2; i <= 5; i++ {
			if _, err := c.resend("gina"); err != nil {
				t.Fatalf("resend %d: %v", i, err)
			}
		}
		_, err = c.resend("gina")
		wantAPIError(t, err, "LimitExceededException", "Attempt limit exceeded, please try after some time.")
		if _, err := c.confirmSignUp("gina", latestCode(t, env, c.poolID, "gina@example.com")); err != nil {
			t.Fatalf("ConfirmSignUp with the newest code: %v", err)
		}

		c.signedUp(t, "hank", "hank@example.com")
		_, err = c.resend("hank")
		wantAPIError(t, err, "InvalidParameterException", "User is already confirmed.")
		_, err = c.resend("nobody")
		wantAPIError(t, err, "UserNotFoundException", "Username/client id combination not found.")
		_, err = c.confirmSignUp("nobody", "123456")
		wantAPIError(t, err, "UserNotFoundException", "Username/client id combination not found.")
	})
}

func TestConfirmSignUpAttempts(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, verifiedEmailPool), nil)
		if _, err := c.signUp("ivan", goodPassword, "email", "ivan@example.com"); err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		code := latestCode(t, env, c.poolID, "ivan@example.com")
		for i := 1; i <= 5; i++ {
			_, err := c.confirmSignUp("ivan", wrongCode(code))
			wantAPIError(t, err, "CodeMismatchException", "Invalid verification code provided, please try again.")
		}
		// Five wrong codes lock the user out, even with the right one.
		_, err := c.confirmSignUp("ivan", code)
		wantAPIError(t, err, "LimitExceededException", "Attempt limit exceeded, please try after some time.")
	})
}

func TestSignUpHidesUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, verifiedEmailPool)
		c := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
			in.PreventUserExistenceErrors = types.PreventUserExistenceErrorTypesEnabled
		})
		out, err := c.resend("nobody@example.com")
		if err != nil {
			t.Fatalf("ResendConfirmationCode for an unknown user: %v", err)
		}
		wantDelivery(t, "simulated", out.CodeDeliveryDetails, types.DeliveryMediumTypeEmail, "n***@e***", "email")
		_, err = c.confirmSignUp("nobody", "123456")
		wantAPIError(t, err, "CodeMismatchException", "Invalid verification code provided, please try again.")
		if n := len(outbox(t, env, poolID)); n != 0 {
			t.Errorf("%d messages sent for unknown users", n)
		}
		// Sign-up itself still tells a taken username.
		c.signedUp(t, "jane", "jane@example.com")
		_, err = c.signUp("jane", goodPassword)
		wantAPIError(t, err, "UsernameExistsException", "User already exists")
	})
}

func TestConfirmSignUpAlias(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, func(in *cip.CreateUserPoolInput) {
			verifiedEmailPool(in)
			in.AliasAttributes = []types.AliasAttributeType{types.AliasAttributeTypeEmail}
		}), nil)
		c.signedUp(t, "kim", "shared@example.com")
		if _, err := c.signUp("lee", goodPassword, "email", "shared@example.com"); err != nil {
			t.Fatalf("SignUp with an address another user verified: %v", err)
		}
		code := latestCode(t, env, c.poolID, "shared@example.com")
		_, err := c.confirmSignUp("lee", code)
		wantAPIError(t, err, "AliasExistsException", "An account with the given email already exists.")
		if getUser(t, env, c.poolID, "lee").UserStatus != types.UserStatusTypeUnconfirmed {
			t.Error("lee confirmed despite the alias conflict")
		}
		_, err = c.env.Anon.ConfirmSignUp(env.Ctx, &cip.ConfirmSignUpInput{ClientId: aws.String(c.clientID),
			Username: aws.String("lee"), ConfirmationCode: aws.String(code), ForceAliasCreation: true})
		if err != nil {
			t.Fatalf("ConfirmSignUp with ForceAliasCreation: %v", err)
		}
		if v, _ := attrValue(getUser(t, env, c.poolID, "kim").UserAttributes, "email_verified"); v != "false" {
			t.Errorf("kim's email_verified %q after the alias moved", v)
		}
		claims := claimsOf(t, aws.ToString(c.mustPassword(t, "shared@example.com", goodPassword).IdToken))
		if claims["cognito:username"] != "lee" {
			t.Errorf("the email alias signs in %v, want lee", claims["cognito:username"])
		}
	})
}

func TestSignUpWithClientSecret(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, verifiedEmailPool), withSecret)
		missing := "Client " + c.clientID + " is configured for secret but secret was not received"
		wrong := "Unable to verify secret hash for client " + c.clientID
		badHash := aws.String("d3JvbmcgaGFzaA==")

		_, err := env.Anon.SignUp(env.Ctx, &cip.SignUpInput{ClientId: aws.String(c.clientID),
			Username: aws.String("mia"), Password: aws.String(goodPassword), UserAttributes: attrList("email", "mia@example.com")})
		wantAPIError(t, err, "NotAuthorizedException", missing)
		_, err = env.Anon.SignUp(env.Ctx, &cip.SignUpInput{ClientId: aws.String(c.clientID), SecretHash: badHash,
			Username: aws.String("mia"), Password: aws.String(goodPassword), UserAttributes: attrList("email", "mia@example.com")})
		wantAPIError(t, err, "NotAuthorizedException", wrong)
		// The hash is over the username the request names.
		_, err = env.Anon.SignUp(env.Ctx, &cip.SignUpInput{ClientId: aws.String(c.clientID), SecretHash: aws.String(c.hash("other")),
			Username: aws.String("mia"), Password: aws.String(goodPassword)})
		wantAPIError(t, err, "NotAuthorizedException", wrong)
		if _, err := c.signUp("mia", goodPassword, "email", "mia@example.com"); err != nil {
			t.Fatalf("SignUp with SecretHash: %v", err)
		}

		_, err = env.Anon.ResendConfirmationCode(env.Ctx, &cip.ResendConfirmationCodeInput{ClientId: aws.String(c.clientID), Username: aws.String("mia")})
		wantAPIError(t, err, "NotAuthorizedException", missing)
		_, err = env.Anon.ResendConfirmationCode(env.Ctx, &cip.ResendConfirmationCodeInput{ClientId: aws.String(c.clientID),
			Username: aws.String("mia"), SecretHash: badHash})
		wantAPIError(t, err, "NotAuthorizedException", wrong)
		if _, err := c.resend("mia"); err != nil {
			t.Fatalf("ResendConfirmationCode with SecretHash: %v", err)
		}

		code := latestCode(t, env, c.poolID, "mia@example.com")
		_, err = env.Anon.ConfirmSignUp(env.Ctx, &cip.ConfirmSignUpInput{ClientId: aws.String(c.clientID),
			Username: aws.String("mia"), ConfirmationCode: aws.String(code)})
		wantAPIError(t, err, "NotAuthorizedException", missing)
		_, err = env.Anon.ConfirmSignUp(env.Ctx, &cip.ConfirmSignUpInput{ClientId: aws.String(c.clientID),
			Username: aws.String("mia"), ConfirmationCode: aws.String(code), SecretHash: badHash})
		wantAPIError(t, err, "NotAuthorizedException", wrong)
		if _, err := c.confirmSignUp("mia", code); err != nil {
			t.Fatalf("ConfirmSignUp with SecretHash: %v", err)
		}
		wantTokens(t, "sign-in", c.mustPassword(t, "mia", goodPassword))
	})
}

func TestInvitationMessage(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AdminCreateUserConfig = &types.AdminCreateUserConfigType{InviteMessageTemplate: &types.MessageTemplateType{
				EmailSubject: aws.String("Welcome aboard"),
				EmailMessage: aws.String("Hello {username}, your password is {####}"),
				SMSMessage:   aws.String("User {username} password {####}"),
			}}
		})
		c := authClient(t, env, poolID, nil)
		_, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID),
			Username: aws.String("nora"), UserAttributes: attrList("email", "nora@example.com", "phone_number", "+15555550111"),
			DesiredDeliveryMediums: []types.DeliveryMediumType{types.DeliveryMediumTypeEmail, types.DeliveryMediumTypeSms}})
		if err != nil {
			t.Fatalf("AdminCreateUser: %v", err)
		}
		email := lastMessage(t, env, poolID, "nora@example.com")
		password, ok := strings.CutPrefix(email.Body, "Hello nora, your password is ")
		if !ok || email.Subject != "Welcome aboard" || email.Kind != "invitation" {
			t.Fatalf("invitation email %+v", email)
		}
		sms := lastMessage(t, env, poolID, "+15555550111")
		if sms.Body != "User nora password "+password || sms.DeliveryMedium != "SMS" {
			t.Errorf("invitation SMS %+v", sms)
		}
		out, err := c.password("nora", password)
		if err != nil {
			t.Fatalf("sign-in with the invitation's password: %v", err)
		}
		if out.ChallengeName != types.ChallengeNameTypeNewPasswordRequired {
			t.Errorf("challenge %q, want NEW_PASSWORD_REQUIRED", out.ChallengeName)
		}

		// Suppressed invitations send nothing; the default medium is SMS.
		mkUser(t, env, poolID, "quiet", "email", "quiet@example.com")
		_, err = env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID),
			Username: aws.String("olga"), UserAttributes: attrList("phone_number", "+15555550122", "email", "olga@example.com")})
		if err != nil {
			t.Fatalf("AdminCreateUser: %v", err)
		}
		for _, m := range outbox(t, env, poolID) {
			if m.Destination == "quiet@example.com" || m.Destination == "olga@example.com" {
				t.Errorf("unexpected message %+v", m)
			}
		}
		lastMessage(t, env, poolID, "+15555550122")
	})
}
