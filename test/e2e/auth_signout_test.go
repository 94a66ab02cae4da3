package e2e

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

const (
	revokedAccess  = "Access Token has been revoked"
	revokedRefresh = "Refresh Token has been revoked"
)

func TestRevokeToken(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "abe", goodPassword)
		s1 := c.mustPassword(t, "abe", goodPassword)
		s2 := c.mustSRP(t, "abe", goodPassword)
		// An access token minted later from s1's refresh token belongs
		// to the same session.
		ref, err := c.refresh("abe", *s1.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}
		revoke := func(c *signIn, token, secret string) error {
			in := &cip.RevokeTokenInput{ClientId: aws.String(c.clientID), Token: aws.String(token)}
			if secret != "" {
				in.ClientSecret = aws.String(secret)
			}
			_, err := env.Anon.RevokeToken(env.Ctx, in)
			return err
		}

		// Only refresh tokens can be revoked.
		wantAPIError(t, revoke(c, *s1.AccessToken, ""), "UnsupportedTokenTypeException", "")
		wantAPIError(t, revoke(c, *s1.IdToken, ""), "UnsupportedTokenTypeException", "")
		if _, err := c.getUser(*s1.AccessToken); err != nil {
			t.Fatalf("a refused revocation revoked something: %v", err)
		}
		// Another client cannot revoke this client's tokens.
		other := authClient(t, env, poolID, nil)
		wantAPIError(t, revoke(other, *s1.RefreshToken, ""), "UnauthorizedException", "")

		if err := revoke(c, *s1.RefreshToken, ""); err != nil {
			t.Fatalf("RevokeToken: %v", err)
		}
		_, err = c.refresh("abe", *s1.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", revokedRefresh)
		_, err = c.getTokens(*s1.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", revokedRefresh)
		for name, tok := range map[string]string{"signed-in": *s1.AccessToken, "refreshed": *ref.AuthenticationResult.AccessToken} {
			_, err = c.getUser(tok)
			if err == nil {
				t.Errorf("the %s access token of a revoked session still works", name)
				continue
			}
			wantAPIError(t, err, "NotAuthorizedException", revokedAccess)
		}
		// The user's other session is untouched.
		if _, err := c.getUser(*s2.AccessToken); err != nil {
			t.Fatalf("another session was revoked too: %v", err)
		}
		if _, err := c.refresh("abe", *s2.RefreshToken); err != nil {
			t.Fatalf("another session's refresh token was revoked too: %v", err)
		}
		// Revoking twice, or an unknown token, succeeds (RFC 7009 2.2).
		if err := revoke(c, *s1.RefreshToken, ""); err != nil {
			t.Errorf("second RevokeToken: %v", err)
		}
		if err := revoke(c, "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.AAAA.BBBB.CCCC.DDDD", ""); err != nil {
			t.Errorf("RevokeToken of an unknown token: %v", err)
		}

		// A client with a secret must send it.
		sc := authClient(t, env, poolID, withSecret)
		sr := sc.mustPassword(t, "abe", goodPassword)
		wantAPIError(t, revoke(sc, *sr.RefreshToken, ""), "UnauthorizedException", "")
		wantAPIError(t, revoke(sc, *sr.RefreshToken, "wrongsecret0000000000000000000"), "UnauthorizedException", "")
		if _, err := sc.getTokens(*sr.RefreshToken); err != nil {
			t.Fatalf("a refused revocation revoked the token: %v", err)
		}
		if err := revoke(sc, *sr.RefreshToken, sc.secret); err != nil {
			t.Fatalf("RevokeToken with the secret: %v", err)
		}
		_, err = sc.getTokens(*sr.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", revokedRefresh)

		// Revocation can be turned off per client.
		off := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) { in.EnableTokenRevocation = aws.Bool(false) })
		or := off.mustPassword(t, "abe", goodPassword)
		wantAPIError(t, revoke(off, *or.RefreshToken, ""), "UnsupportedOperationException", "")

		raw := unvalidated(env)
		_, err = raw.RevokeToken(env.Ctx, &cip.RevokeTokenInput{ClientId: aws.String(c.clientID)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'token' failed to satisfy constraint: Member must not be null")
	})
}

func TestGlobalSignOut(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		c2 := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "bea", goodPassword)
		confirmedUser(t, env, poolID, "cy", goodPassword)

		signedOut := func(sessions ...*types.AuthenticationResultType) {
			t.Helper()
			for _, s := range sessions {
				_, err := c.getUser(*s.AccessToken)
				wantAPIError(t, err, "NotAuthorizedException", revokedAccess)
				_, err = env.Anon.GlobalSignOut(env.Ctx, &cip.GlobalSignOutInput{AccessToken: s.AccessToken})
				wantAPIError(t, err, "NotAuthorizedException", revokedAccess)
			}
		}

		t.Run("GlobalSignOut", func(t *testing.T) {
			a := c.mustPassword(t, "bea", goodPassword)
			b := c.mustSRP(t, "bea", goodPassword)
			d := c2.mustPassword(t, "bea", goodPassword)
			cy := c.mustPassword(t, "cy", goodPassword)
			if _, err := env.Anon.GlobalSignOut(env.Ctx, &cip.GlobalSignOutInput{AccessToken: a.AccessToken}); err != nil {
				t.Fatalf("GlobalSignOut: %v", err)
			}
			signedOut(a, b, d)
			for _, s := range []*types.AuthenticationResultType{a, b} {
				_, err := c.refresh("bea", *s.RefreshToken)
				wantAPIError(t, err, "NotAuthorizedException", revokedRefresh)
			}
			_, err := c2.getTokens(*d.RefreshToken)
			wantAPIError(t, err, "NotAuthorizedException", revokedRefresh)
			// Other users keep their sessions; bea can sign in again.
			if _, err := c.getUser(*cy.AccessToken); err != nil {
				t.Fatalf("another user's session was revoked: %v", err)
			}
			again := c.mustPassword(t, "bea", goodPassword)
			if _, err := c.getUser(*again.AccessToken); err != nil {
				t.Fatalf("a new session after the sign-out: %v", err)
			}
		})
		t.Run("AdminUserGlobalSignOut", func(t *testing.T) {
			a := c.mustPassword(t, "cy", goodPassword)
			b := c2.mustSRP(t, "cy", goodPassword)
			_, err := env.Anon.AdminUserGlobalSignOut(env.Ctx, &cip.AdminUserGlobalSignOutInput{UserPoolId: aws.String(poolID), Username: aws.String("cy")})
			wantAPIError(t, err, "UnrecognizedClientException", "")
			if _, err := c.getUser(*a.AccessToken); err != nil {
				t.Fatalf("a refused sign-out signed out: %v", err)
			}
			if _, err := env.IDP.AdminUserGlobalSignOut(env.Ctx, &cip.AdminUserGlobalSignOutInput{UserPoolId: aws.String(poolID), Username: aws.String("cy")}); err != nil {
				t.Fatalf("AdminUserGlobalSignOut: %v", err)
			}
			signedOut(a, b)
			_, err = c.refresh("cy", *a.RefreshToken)
			wantAPIError(t, err, "NotAuthorizedException", revokedRefresh)

			_, err = env.IDP.AdminUserGlobalSignOut(env.Ctx, &cip.AdminUserGlobalSignOutInput{UserPoolId: aws.String(poolID), Username: aws.String("nobody")})
			wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
			_, err = env.IDP.AdminUserGlobalSignOut(env.Ctx, &cip.AdminUserGlobalSignOutInput{UserPoolId: aws.String("us-east-1_Nope12345"), Username: aws.String("cy")})
			wantAPIError(t, err, "ResourceNotFoundException", "User pool us-east-1_Nope12345 does not exist.")
		})
	})
}

func TestGetUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{
				{Name: aws.String("team"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(true)},
				{Name: aws.String("secret"), AttributeDataType: types.AttributeDataTypeString, DeveloperOnlyAttribute: aws.Bool(true), Mutable: aws.Bool(true)},
			}
		})
		c := authClient(t, env, poolID, nil)
		u := confirmedUser(t, env, poolID, "dora", goodPassword, "email", "dora@example.com", "email_verified", "true",
			"custom:team", "blue", "dev:custom:secret", "hidden")
		r := c.mustPassword(t, "dora", goodPassword)
		me, err := c.getUser(*r.AccessToken)
		if err != nil {
			t.Fatalf("GetUser: %v", err)
		}
		if aws.ToString(me.Username) != "dora" {
			t.Errorf("Username %q", aws.ToString(me.Username))
		}
		sub, _ := attrValue(u.Attributes, "sub")
		want := map[string]string{"sub": sub, "email": "dora@example.com", "email_verified": "true", "custom:team": "blue"}
		got := map[string]string{}
		for _, a := range me.UserAttributes {
			got[aws.ToString(a.Name)] = aws.ToString(a.Value)
		}
		sameJSON(t, "GetUser attributes", got, want)

		// GetUser only takes access tokens.
		_, err = c.getUser(*r.IdToken)
		wantAPIError(t, err, "NotAuthorizedException", "Invalid Access Token")
		_, err = c.getUser(*r.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", "Invalid Access Token")
		_, err = c.getUser("not.a.token")
		wantAPIError(t, err, "NotAuthorizedException", "Invalid Access Token")
		_, err = unvalidated(env).GetUser(env.Ctx, &cip.GetUserInput{})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null")

		// A deleted user's token finds no user.
		if _, err := env.IDP.AdminDeleteUser(env.Ctx, &cip.AdminDeleteUserInput{UserPoolId: aws.String(poolID), Username: aws.String("dora")}); err != nil {
			t.Fatal(err)
		}
		_, err = c.getUser(*r.AccessToken)
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		_, err = c.refresh("dora", *r.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", "")
	})
}
