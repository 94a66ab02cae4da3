package e2e

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// selfUser signs a confirmed user with a verified email in and returns its
// access token.
func selfUser(t *testing.T, c *signIn, username, email string, kv ...string) string {
	t.Helper()
	confirmedUser(t, c.env, c.poolID, username, goodPassword, append([]string{"email", email, "email_verified", "true"}, kv...)...)
	return aws.ToString(c.mustPassword(t, username, goodPassword).AccessToken)
}

func (c *signIn) updateAttributes(token string, kv ...string) (*cip.UpdateUserAttributesOutput, error) {
	return c.env.Anon.UpdateUserAttributes(c.env.Ctx, &cip.UpdateUserAttributesInput{AccessToken: aws.String(token),
		UserAttributes: attrList(kv...)})
}

func (c *signIn) attributeCode(token, attr string) (*cip.GetUserAttributeVerificationCodeOutput, error) {
	return c.env.Anon.GetUserAttributeVerificationCode(c.env.Ctx, &cip.GetUserAttributeVerificationCodeInput{
		AccessToken: aws.String(token), AttributeName: aws.String(attr)})
}

func (c *signIn) verifyAttribute(token, attr, code string) error {
	_, err := c.env.Anon.VerifyUserAttribute(c.env.Ctx, &cip.VerifyUserAttributeInput{AccessToken: aws.String(token),
		AttributeName: aws.String(attr), Code: aws.String(code)})
	return err
}

// mustGetUser is GetUser's attributes.
func (c *signIn) mustGetUser(t *testing.T, token string) []types.AttributeType {
	t.Helper()
	out, err := c.getUser(token)
	if err != nil {
		t.Fatalf("GetUser: %v", err)
	}
	return out.UserAttributes
}

func wantAttr(t *testing.T, attrs []types.AttributeType, name, want string) {
	t.Helper()
	if got, _ := attrValue(attrs, name); got != want {
		t.Errorf("%s = %q, want %q", name, got, want)
	}
}

func TestUpdateUserAttributes(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, verifiedEmailPool), nil)
		token := selfUser(t, c, "ann", "ann@example.com")

		out, err := c.updateAttributes(token, "given_name", "Ann", "custom:none", "")
		wantAPIError(t, err, "InvalidParameterException", "user.custom:none: Attribute does not exist in the schema.\n")
		out, err = c.updateAttributes(token, "given_name", "Ann")
		if err != nil {
			t.Fatalf("UpdateUserAttributes: %v", err)
		}
		if len(out.CodeDeliveryDetailsList) != 0 {
			t.Errorf("codes sent for a name: %+v", out.CodeDeliveryDetailsList)
		}
		wantAttr(t, c.mustGetUser(t, token), "given_name", "Ann")

		// A new email address is unverified until its code comes back.
		out, err = c.updateAttributes(token, "email", "ann@example.org")
		if err != nil {
			t.Fatalf("UpdateUserAttributes: %v", err)
		}
		if len(out.CodeDeliveryDetailsList) != 1 {
			t.Fatalf("CodeDeliveryDetailsList %+v", out.CodeDeliveryDetailsList)
		}
		wantDelivery(t, "UpdateUserAttributes", &out.CodeDeliveryDetailsList[0], types.DeliveryMediumTypeEmail, "a***@e***", "email")
		attrs := c.mustGetUser(t, token)
		wantAttr(t, attrs, "email", "ann@example.org")
		wantAttr(t, attrs, "email_verified", "false")
		m := lastMessage(t, env, c.poolID, "ann@example.org")
		if m.Kind != "attribute-verification" {
			t.Errorf("message %+v", m)
		}
		code := latestCode(t, env, c.poolID, "ann@example.org")
		wantAPIError(t, c.verifyAttribute(token, "email", wrongCode(code)),
			"CodeMismatchException", "Invalid verification code provided, please try again.")
		if err := c.verifyAttribute(token, "email", code); err != nil {
			t.Fatalf("VerifyUserAttribute: %v", err)
		}
		wantAttr(t, c.mustGetUser(t, token), "email_verified", "true")
		wantAPIError(t, c.verifyAttribute(token, "email", code),
			"ExpiredCodeException", "Invalid code provided, please request a code again.")

		_, err = c.updateAttributes(token, "sub", "x")
		wantAPIError(t, err, "InvalidParameterException", "user.sub: Attribute cannot be updated.\n")
		_, err = c.updateAttributes(token, "email_verified", "true")
		wantAPIError(t, err, "NotAuthorizedException", "A client attempted to write unauthorized attribute")
		_, err = unvalidated(env).UpdateUserAttributes(env.Ctx, &cip.UpdateUserAttributesInput{AccessToken: aws.String(token)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null")
		_, err = c.updateAttributes("not-a-token", "given_name", "X")
		wantAPIError(t, err, "NotAuthorizedException", "Invalid Access Token")

		limited := authClient(t, env, c.poolID, func(in *cip.CreateUserPoolClientInput) {
			in.WriteAttributes = []string{"given_name"}
		})
		confirmedUser(t, env, c.poolID, "bea", goodPassword)
		limitedToken := aws.ToString(limited.mustPassword(t, "bea", goodPassword).AccessToken)
		_, err = limited.updateAttributes(limitedToken, "family_name", "B")
		wantAPIError(t, err, "NotAuthorizedException", "A client attempted to write unauthorized attribute")
		if _, err := limited.updateAttributes(limitedToken, "given_name", "Bea"); err != nil {
			t.Errorf("writable attribute: %v", err)
		}
	})
}

func TestUpdateAttributesRequiringVerification(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, func(in *cip.CreateUserPoolInput) {
			verifiedEmailPool(in)
			in.AliasAttributes = []types.AliasAttributeType{types.AliasAttributeTypeEmail}
			in.UserAttributeUpdateSettings = &types.UserAttributeUpdateSettingsType{
				AttributesRequireVerificationBeforeUpdate: []types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail}}
		}), nil)
		token := selfUser(t, c, "cal", "cal@example.com")
		out, err := c.updateAttributes(token, "email", "cal@example.net")
		if err != nil {
			t.Fatalf("UpdateUserAttributes: %v", err)
		}
		if len(out.CodeDeliveryDetailsList) != 1 {
			t.Fatalf("CodeDeliveryDetailsList %+v", out.CodeDeliveryDetailsList)
		}
		// The verified address stays until the new one is verified.
		attrs := c.mustGetUser(t, token)
		wantAttr(t, attrs, "email", "cal@example.com")
		wantAttr(t, attrs, "email_verified", "true")
		wantTokens(t, "sign-in by the old address", c.mustPassword(t, "cal@example.com", goodPassword))

		if err := c.verifyAttribute(token, "email", latestCode(t, env, c.poolID, "cal@example.net")); err != nil {
			t.Fatalf("VerifyUserAttribute: %v", err)
		}
		attrs = c.mustGetUser(t, token)
		wantAttr(t, attrs, "email", "cal@example.net")
		wantAttr(t, attrs, "email_verified", "true")
		wantTokens(t, "sign-in by the new address", c.mustPassword(t, "cal@example.net", goodPassword))
		_, err = c.password("cal@example.com", goodPassword)
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")

		// An address another user has verified cannot be verified twice.
		other := selfUser(t, c, "dee", "dee@example.com")
		if _, err := c.updateAttributes(other, "email", "cal@example.net"); err != nil {
			t.Fatalf("UpdateUserAttributes: %v", err)
		}
		wantAPIError(t, c.verifyAttribute(other, "email", latestCode(t, env, c.poolID, "cal@example.net")),
			"AliasExistsException", "An account with the given email already exists.")
		wantAttr(t, c.mustGetUser(t, other), "email", "dee@example.com")
	})
}

func TestAttributeVerificationCodes(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, verifiedEmailPool), nil)
		confirmedUser(t, env, c.poolID, "eli", goodPassword, "email", "eli@example.com", "phone_number", "+15555550155")
		token := aws.ToString(c.mustPassword(t, "eli", goodPassword).AccessToken)

		out, err := c.attributeCode(token, "phone_number")
		if err != nil {
			t.Fatalf("GetUserAttributeVerificationCode: %v", err)
		}
		wantDelivery(t, "phone code", out.CodeDeliveryDetails, types.DeliveryMediumTypeSms, "+*******0155", "phone_number")
		if err := c.verifyAttribute(token, "phone_number", latestCode(t, env, c.poolID, "+15555550155")); err != nil {
			t.Fatalf("VerifyUserAttribute: %v", err)
		}
		wantAttr(t, c.mustGetUser(t, token), "phone_number_verified", "true")

		out, err = c.attributeCode(token, "email")
		if err != nil {
			t.Fatalf("GetUserAttributeVerificationCode: %v", err)
		}
		wantDelivery(t, "email code", out.CodeDeliveryDetails, types.DeliveryMediumTypeEmail, "e***@e***", "email")
		// A code is for its own attribute only.
		wantAPIError(t, c.verifyAttribute(token, "phone_number", latestCode(t, env, c.poolID, "eli@example.com")),
			"CodeMismatchException", "Invalid verification code provided, please try again.")
		if err := c.verifyAttribute(token, "email", latestCode(t, env, c.poolID, "eli@example.com")); err != nil {
			t.Fatalf("VerifyUserAttribute: %v", err)
		}
		wantAttr(t, c.mustGetUser(t, token), "email_verified", "true")

		_, err = c.attributeCode(token, "given_name")
		wantAPIError(t, err, "InvalidParameterException", "Invalid attribute name. Only phone_number and email can be verified.")
		wantAPIError(t, c.verifyAttribute(token, "given_name", "123456"),
			"InvalidParameterException", "Invalid attribute name. Only phone_number and email can be verified.")
		for i := 3; i <= 5; i++ {
			if _, err := c.attributeCode(token, "email"); err != nil {
				t.Fatalf("GetUserAttributeVerificationCode %d: %v", i, err)
			}
		}
		_, err = c.attributeCode(token, "email")
		wantAPIError(t, err, "LimitExceededException", "Attempt limit exceeded, please try after some time.")
		_, err = unvalidated(env).VerifyUserAttribute(env.Ctx, &cip.VerifyUserAttributeInput{AccessToken: aws.String(token),
			AttributeName: aws.String("email")})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'code' failed to satisfy constraint: Member must not be null")
	})
}

func TestDeleteUserAttributes(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{{Name: aws.String("email"), Required: aws.Bool(true), Mutable: aws.Bool(true),
				AttributeDataType: types.AttributeDataTypeString}}
		}), nil)
		token := selfUser(t, c, "fox", "fox@example.com", "given_name", "Fox", "family_name", "F")
		del := func(names ...string) error {
			_, err := env.Anon.DeleteUserAttributes(env.Ctx, &cip.DeleteUserAttributesInput{AccessToken: aws.String(token),
				UserAttributeNames: names})
			return err
		}
		if err := del("given_name", "family_name"); err != nil {
			t.Fatalf("DeleteUserAttributes: %v", err)
		}
		attrs := c.mustGetUser(t, token)
		for _, name := range []string{"given_name", "family_name"} {
			if _, ok := attrValue(attrs, name); ok {
				t.Errorf("%s still there", name)
			}
		}
		wantAPIError(t, del("email"), "InvalidParameterException", "user.email: The attribute is required\n")
		wantAPIError(t, del("custom:none"), "InvalidParameterException", "user.custom:none: Attribute does not exist in the schema.\n")
		wantAPIError(t, del("email_verified"), "NotAuthorizedException", "A client attempted to write unauthorized attribute")
		_, err := unvalidated(env).DeleteUserAttributes(env.Ctx, &cip.DeleteUserAttributesInput{AccessToken: aws.String(token)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'userAttributeNames' failed to satisfy constraint: Member must not be null")
		wantAttr(t, c.mustGetUser(t, token), "email", "fox@example.com")
	})
}

func TestDeleteUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, nil), nil)
		confirmedUser(t, env, c.poolID, "gil", goodPassword)
		tokens := c.mustPassword(t, "gil", goodPassword)
		deleteUser := func(token string) error {
			_, err := env.Anon.DeleteUser(env.Ctx, &cip.DeleteUserInput{AccessToken: aws.String(token)})
			return err
		}
		wantAPIError(t, deleteUser("not-a-token"), "NotAuthorizedException", "Invalid Access Token")
		if err := deleteUser(aws.ToString(tokens.AccessToken)); err != nil {
			t.Fatalf("DeleteUser: %v", err)
		}
		_, err := env.IDP.AdminGetUser(env.Ctx, &cip.AdminGetUserInput{UserPoolId: aws.String(c.poolID), Username: aws.String("gil")})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		// The user's tokens go with it.
		_, err = c.getUser(aws.ToString(tokens.AccessToken))
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		wantAPIError(t, deleteUser(aws.ToString(tokens.AccessToken)), "UserNotFoundException", "User does not exist.")
		_, err = c.refresh("gil", aws.ToString(tokens.RefreshToken))
		wantAPIError(t, err, "NotAuthorizedException", "")

		// The name is free again.
		confirmedUser(t, env, c.poolID, "gil", goodPassword)
		wantTokens(t, "sign-in as the new gil", c.mustPassword(t, "gil", goodPassword))
	})
}

func TestSelfServiceAfterSignOut(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, verifiedEmailPool), nil)
		token := selfUser(t, c, "hugo", "hugo@example.com")
		if _, err := env.Anon.GlobalSignOut(env.Ctx, &cip.GlobalSignOutInput{AccessToken: aws.String(token)}); err != nil {
			t.Fatalf("GlobalSignOut: %v", err)
		}
		revoked := "Access Token has been revoked"
		_, err := c.updateAttributes(token, "given_name", "H")
		wantAPIError(t, err, "NotAuthorizedException", revoked)
		wantAPIError(t, c.changePassword(token, goodPassword, otherPassword), "NotAuthorizedException", revoked)
		_, err = c.attributeCode(token, "email")
		wantAPIError(t, err, "NotAuthorizedException", revoked)
		wantAPIError(t, c.verifyAttribute(token, "email", "123456"), "NotAuthorizedException", revoked)
		_, err = env.Anon.DeleteUserAttributes(env.Ctx, &cip.DeleteUserAttributesInput{AccessToken: aws.String(token),
			UserAttributeNames: []string{"given_name"}})
		wantAPIError(t, err, "NotAuthorizedException", revoked)
		_, err = env.Anon.DeleteUser(env.Ctx, &cip.DeleteUserInput{AccessToken: aws.String(token)})
		wantAPIError(t, err, "NotAuthorizedException", revoked)
		getUser(t, env, c.poolID, "hugo")
	})
}
