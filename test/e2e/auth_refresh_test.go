package e2e

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

const invalidRefresh = "Invalid Refresh Token"

func TestRefreshTokenAuth(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		other := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "xena", goodPassword)
		first := c.mustPassword(t, "xena", goodPassword)
		orig := claimsOf(t, *first.AccessToken)

		for _, flow := range []types.AuthFlowType{types.AuthFlowTypeRefreshTokenAuth, types.AuthFlowTypeRefreshToken} {
			out, err := env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: flow, ClientId: aws.String(c.clientID),
				AuthParameters: map[string]string{"REFRESH_TOKEN": *first.RefreshToken}})
			if err != nil {
				t.Fatalf("%s: %v", flow, err)
			}
			r := out.AuthenticationResult
			if r == nil || aws.ToString(r.AccessToken) == "" || aws.ToString(r.IdToken) == "" {
				t.Fatalf("%s: no tokens: %+v", flow, out)
			}
			if r.RefreshToken != nil {
				t.Errorf("%s returned a refresh token without rotation", flow)
			}
			if r.ExpiresIn != 3600 || aws.ToString(r.TokenType) != "Bearer" {
				t.Errorf("%s: ExpiresIn %d TokenType %q", flow, r.ExpiresIn, aws.ToString(r.TokenType))
			}
			fresh := claimsOf(t, *r.AccessToken)
			for _, name := range []string{"sub", "origin_jti", "auth_time", "username", "client_id"} {
				if fresh[name] != orig[name] {
					t.Errorf("%s: %s %v, was %v", flow, name, fresh[name], orig[name])
				}
			}
			if fresh["jti"] == orig["jti"] {
				t.Errorf("%s: the refreshed access token reuses jti %v", flow, fresh["jti"])
			}
			if _, err := c.getUser(*r.AccessToken); err != nil {
				t.Errorf("GetUser with a refreshed token: %v", err)
			}
		}
		a, err := env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
			ClientId: aws.String(c.clientID), AuthFlow: types.AuthFlowTypeRefreshTokenAuth,
			AuthParameters: map[string]string{"REFRESH_TOKEN": *first.RefreshToken}})
		if err != nil || a.AuthenticationResult == nil {
			t.Fatalf("AdminInitiateAuth REFRESH_TOKEN_AUTH: %v", err)
		}

		g, err := c.getTokens(*first.RefreshToken)
		if err != nil {
			t.Fatalf("GetTokensFromRefreshToken: %v", err)
		}
		if g.AuthenticationResult == nil || g.AuthenticationResult.RefreshToken != nil || aws.ToString(g.AuthenticationResult.AccessToken) == "" {
			t.Fatalf("GetTokensFromRefreshToken without rotation: %+v", g.AuthenticationResult)
		}

		for name, bad := range map[string]string{
			"garbage":      "not-a-refresh-token",
			"access token": *first.AccessToken,
			"id token":     *first.IdToken,
			"unknown":      "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.AAAA.BBBB.CCCC.DDDD",
		} {
			_, err := c.refresh("xena", bad)
			if err == nil {
				t.Errorf("%s accepted as a refresh token", name)
				continue
			}
			wantAPIError(t, err, "NotAuthorizedException", invalidRefresh)
			_, err = c.getTokens(bad)
			wantAPIError(t, err, "NotAuthorizedException", invalidRefresh)
		}
		// A refresh token works only at the client it was issued to.
		_, err = other.refresh("xena", *first.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", invalidRefresh)
		_, err = other.getTokens(*first.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", invalidRefresh)

		raw := unvalidated(env)
		_, err = raw.GetTokensFromRefreshToken(env.Ctx, &cip.GetTokensFromRefreshTokenInput{ClientId: aws.String(c.clientID)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'refreshToken' failed to satisfy constraint: Member must not be null")
		_, err = raw.GetTokensFromRefreshToken(env.Ctx, &cip.GetTokensFromRefreshTokenInput{RefreshToken: first.RefreshToken})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null")
	})
}

func TestRefreshWithSecret(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AliasAttributes = []types.AliasAttributeType{types.AliasAttributeTypeEmail}
		})
		c := authClient(t, env, poolID, withSecret)
		confirmedUser(t, env, poolID, "yuri", goodPassword, "email", "yuri@example.com", "email_verified", "true")
		// Signed in by the alias, with SECRET_HASH over the alias...
		r := c.mustPassword(t, "yuri@example.com", goodPassword)
		missing := "Client " + c.clientID + " is configured for secret but secret was not received"
		wrong := "Unable to verify secret hash for client " + c.clientID

		// ...but the refresh's SECRET_HASH is over the internal username.
		_, err := c.refresh("yuri@example.com", *r.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", wrong)
		_, err = env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeRefreshTokenAuth,
			ClientId: aws.String(c.clientID), AuthParameters: map[string]string{"REFRESH_TOKEN": *r.RefreshToken}})
		wantAPIError(t, err, "NotAuthorizedException", missing)
		out, err := c.refresh("yuri", *r.RefreshToken)
		if err != nil {
			t.Fatalf("REFRESH_TOKEN_AUTH with SECRET_HASH over the internal username: %v", err)
		}
		if out.AuthenticationResult == nil || aws.ToString(out.AuthenticationResult.AccessToken) == "" {
			t.Fatal("no tokens")
		}

		// GetTokensFromRefreshToken takes the raw secret instead.
		if _, err := c.getTokens(*r.RefreshToken); err != nil {
			t.Fatalf("GetTokensFromRefreshToken with ClientSecret: %v", err)
		}
		_, err = env.Anon.GetTokensFromRefreshToken(env.Ctx, &cip.GetTokensFromRefreshTokenInput{ClientId: aws.String(c.clientID),
			RefreshToken: r.RefreshToken})
		wantAPIError(t, err, "NotAuthorizedException", missing)
		_, err = env.Anon.GetTokensFromRefreshToken(env.Ctx, &cip.GetTokensFromRefreshTokenInput{ClientId: aws.String(c.clientID),
			RefreshToken: r.RefreshToken, ClientSecret: aws.String("wrongsecret0000000000000000000000")})
		wantAPIError(t, err, "NotAuthorizedException", "Client secret is invalid for client "+c.clientID)
		_, err = env.Anon.GetTokensFromRefreshToken(env.Ctx, &cip.GetTokensFromRefreshTokenInput{ClientId: aws.String(c.clientID),
			RefreshToken: r.RefreshToken, ClientSecret: aws.String(c.hash("yuri"))})
		wantAPIError(t, err, "NotAuthorizedException", "Client secret is invalid for client "+c.clientID)
	})
}

func TestRefreshTokenRotation(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		rotating := func(grace int32) *signIn {
			// Cognito wants REFRESH_TOKEN_AUTH off on a rotating client:
			// rotation happens only through GetTokensFromRefreshToken.
			return authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
				withSecret(in)
				in.ExplicitAuthFlows = []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserPasswordAuth,
					types.ExplicitAuthFlowsTypeAllowUserSrpAuth}
				in.RefreshTokenRotation = &types.RefreshTokenRotationType{Feature: types.FeatureTypeEnabled, RetryGracePeriodSeconds: aws.Int32(grace)}
			})
		}
		confirmedUser(t, env, poolID, "zara", goodPassword)
		next := func(c *signIn, refresh string) string {
			t.Helper()
			out, err := c.getTokens(refresh)
			if err != nil {
				t.Fatalf("GetTokensFromRefreshToken: %v", err)
			}
			r := out.AuthenticationResult
			if r == nil || aws.ToString(r.RefreshToken) == "" || aws.ToString(r.AccessToken) == "" || aws.ToString(r.IdToken) == "" {
				t.Fatalf("rotation gave %+v", r)
			}
			if *r.RefreshToken == refresh {
				t.Fatal("rotation returned the same refresh token")
			}
			if _, err := c.getUser(*r.AccessToken); err != nil {
				t.Fatalf("GetUser after rotation: %v", err)
			}
			return *r.RefreshToken
		}

		t.Run("no grace period", func(t *testing.T) {
			c := rotating(0)
			r0 := *c.mustPassword(t, "zara", goodPassword).RefreshToken
			r1 := next(c, r0)
			_, err := c.getTokens(r0)
			wantAPIError(t, err, "RefreshTokenReuseException", "")
			r2 := next(c, r1)
			_, err = c.getTokens(r1)
			wantAPIError(t, err, "RefreshTokenReuseException", "")
			// REFRESH_TOKEN_AUTH cannot rotate, so a rotating client
			// refuses it.
			_, err = c.refresh("zara", r2)
			wantAPIError(t, err, "InvalidParameterException", "Refresh Token flow not enabled for this client")
			next(c, r2)
		})
		t.Run("grace period", func(t *testing.T) {
			c := rotating(1)
			r0 := *c.mustPassword(t, "zara", goodPassword).RefreshToken
			next(c, r0)
			// A retry with the old token inside the grace period works
			// (the client may not have seen the answer)...
			r1b := next(c, r0)
			time.Sleep(1100 * time.Millisecond)
			// ...after it the old token is spent.
			_, err := c.getTokens(r0)
			wantAPIError(t, err, "RefreshTokenReuseException", "")
			next(c, r1b)
		})
	})
}
