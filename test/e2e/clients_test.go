package e2e

import (
	"context"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

var (
	clientIDFormat     = regexp.MustCompile(`^[a-z0-9]{26}$`)
	clientSecretFormat = regexp.MustCompile(`^[a-z0-9]{51}$`)
)

// clientPool creates a pool with a custom attribute for client tests.
func clientPool(t *testing.T, env *Env) *string {
	t.Helper()
	p := createPool(t, env, &cip.CreateUserPoolInput{PoolName: aws.String("clients"),
		Schema: []types.SchemaAttributeType{{Name: aws.String("team"), AttributeDataType: "String"}}})
	return p.Id
}

func createClient(t *testing.T, env *Env, in *cip.CreateUserPoolClientInput) *types.UserPoolClientType {
	t.Helper()
	out, err := env.IDP.CreateUserPoolClient(env.Ctx, in)
	if err != nil {
		t.Fatalf("CreateUserPoolClient: %v", err)
	}
	return out.UserPoolClient
}

func describeClient(t *testing.T, env *Env, pool, client *string) *types.UserPoolClientType {
	t.Helper()
	out, err := env.IDP.DescribeUserPoolClient(env.Ctx, &cip.DescribeUserPoolClientInput{UserPoolId: pool, ClientId: client})
	if err != nil {
		t.Fatalf("DescribeUserPoolClient: %v", err)
	}
	return out.UserPoolClient
}

func TestClientDefaults(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		pool := clientPool(t, env)
		created := createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("web app")})
		if !clientIDFormat.MatchString(aws.ToString(created.ClientId)) {
			t.Fatalf("client ID %q does not look like Cognito's", aws.ToString(created.ClientId))
		}
		c := describeClient(t, env, pool, created.ClientId)
		sameJSON(t, "CreateUserPoolClient's client", created, c)
		want := &types.UserPoolClientType{
			UserPoolId: pool, ClientName: aws.String("web app"), ClientId: created.ClientId,
			LastModifiedDate: c.LastModifiedDate, CreationDate: c.CreationDate,
			RefreshTokenValidity: 30, AccessTokenValidity: aws.Int32(60), IdTokenValidity: aws.Int32(60),
			TokenValidityUnits:              &types.TokenValidityUnitsType{AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days"},
			ExplicitAuthFlows:               []types.ExplicitAuthFlowsType{"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"},
			AllowedOAuthFlowsUserPoolClient: aws.Bool(false), PreventUserExistenceErrors: "LEGACY",
			EnableTokenRevocation: aws.Bool(true), EnablePropagateAdditionalUserContextData: aws.Bool(false),
			AuthSessionValidity: aws.Int32(3),
		}
		sameJSON(t, "defaults", c, want)
		if c.CreationDate == nil || c.LastModifiedDate == nil {
			t.Error("dates missing")
		}
	})
}

func TestClientSecrets(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		pool := clientPool(t, env)
		gen := createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("server"), GenerateSecret: true})
		secret := aws.ToString(gen.ClientSecret)
		if !clientSecretFormat.MatchString(secret) {
			t.Fatalf("client secret %q does not look like Cognito's", secret)
		}
		if got := aws.ToString(describeClient(t, env, pool, gen.ClientId).ClientSecret); got != secret {
			t.Errorf("DescribeUserPoolClient secret = %q, want %q", got, secret)
		}
		// Sealed at rest: the store never holds the secret in clear.
		rec, err := env.App.Store.GetClient(context.Background(), *gen.ClientId)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(rec.Data), secret) || strings.Contains(string(rec.Data), base64.StdEncoding.EncodeToString([]byte(secret))) {
			t.Error("the store holds the client secret in clear")
		}
		// A secret of the caller's choosing.
		own := createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("own"),
			ClientSecret: aws.String("my_own+secret_value_0123456789")})
		if got := aws.ToString(describeClient(t, env, pool, own.ClientId).ClientSecret); got != "my_own+secret_value_0123456789" {
			t.Errorf("custom secret = %q", got)
		}
		_, err = env.IDP.CreateUserPoolClient(env.Ctx, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("both"),
			GenerateSecret: true, ClientSecret: aws.String("my_own+secret_value_0123456789")})
		wantAPIError(t, err, "InvalidParameterException", "You cannot specify both GenerateSecret as true and provide a ClientSecret value.")
		_, err = env.IDP.CreateUserPoolClient(env.Ctx, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("short"),
			ClientSecret: aws.String("short")})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length greater than or equal to 24")

		// Rotation: a second secret, listed without values, and deletion.
		added, err := env.IDP.AddUserPoolClientSecret(env.Ctx, &cip.AddUserPoolClientSecretInput{UserPoolId: pool, ClientId: gen.ClientId})
		if err != nil {
			t.Fatalf("AddUserPoolClientSecret: %v", err)
		}
		d := added.ClientSecretDescriptor
		if !clientSecretFormat.MatchString(aws.ToString(d.ClientSecretValue)) || !strings.HasPrefix(aws.ToString(d.ClientSecretId), *gen.ClientId+"--") ||
			d.ClientSecretCreateDate == nil {
			t.Errorf("added secret %+v", d)
		}
		_, err = env.IDP.AddUserPoolClientSecret(env.Ctx, &cip.AddUserPoolClientSecretInput{UserPoolId: pool, ClientId: gen.ClientId})
		wantAPIError(t, err, "LimitExceededException", fmt.Sprintf("User pool client %s already has the maximum of 2 client secrets.", *gen.ClientId))
		list, err := env.IDP.ListUserPoolClientSecrets(env.Ctx, &cip.ListUserPoolClientSecretsInput{UserPoolId: pool, ClientId: gen.ClientId})
		if err != nil {
			t.Fatalf("ListUserPoolClientSecrets: %v", err)
		}
		if len(list.ClientSecrets) != 2 || aws.ToString(list.ClientSecrets[1].ClientSecretId) != aws.ToString(d.ClientSecretId) {
			t.Fatalf("listed secrets %+v", list.ClientSecrets)
		}
		for _, s := range list.ClientSecrets {
			if s.ClientSecretValue != nil {
				t.Error("ListUserPoolClientSecrets revealed a secret value")
			}
		}
		first := list.ClientSecrets[0].ClientSecretId
		if _, err := env.IDP.DeleteUserPoolClientSecret(env.Ctx, &cip.DeleteUserPoolClientSecretInput{UserPoolId: pool,
			ClientId: gen.ClientId, ClientSecretId: first}); err != nil {
			t.Fatalf("DeleteUserPoolClientSecret: %v", err)
		}
		if got := aws.ToString(describeClient(t, env, pool, gen.ClientId).ClientSecret); got != aws.ToString(d.ClientSecretValue) {
			t.Errorf("after deleting the first secret DescribeUserPoolClient shows %q", got)
		}
		_, err = env.IDP.DeleteUserPoolClientSecret(env.Ctx, &cip.DeleteUserPoolClientSecretInput{UserPoolId: pool,
			ClientId: gen.ClientId, ClientSecretId: d.ClientSecretId})
		wantAPIError(t, err, "InvalidParameterException", fmt.Sprintf("You cannot delete the last remaining secret of user pool client %s.", *gen.ClientId))
		_, err = env.IDP.DeleteUserPoolClientSecret(env.Ctx, &cip.DeleteUserPoolClientSecretInput{UserPoolId: pool,
			ClientId: gen.ClientId, ClientSecretId: first})
		wantAPIError(t, err, "ResourceNotFoundException", fmt.Sprintf("Client secret %s does not exist.", *first))
		// A custom second secret is not echoed back.
		custom, err := env.IDP.AddUserPoolClientSecret(env.Ctx, &cip.AddUserPoolClientSecretInput{UserPoolId: pool, ClientId: gen.ClientId,
			ClientSecret: aws.String("another_custom_secret_000000")})
		if err != nil {
			t.Fatal(err)
		}
		if custom.ClientSecretDescriptor.ClientSecretValue != nil {
			t.Error("a custom secret was echoed back")
		}
		public := createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("public")})
		_, err = env.IDP.AddUserPoolClientSecret(env.Ctx, &cip.AddUserPoolClientSecretInput{UserPoolId: pool, ClientId: public.ClientId})
		wantAPIError(t, err, "InvalidParameterException", fmt.Sprintf("User pool client %s does not have a client secret.", *public.ClientId))
	})
}

// fullClient sets every setting CreateUserPoolClient accepts.
func fullClient(pool *string) *cip.CreateUserPoolClientInput {
	return &cip.CreateUserPoolClientInput{
		UserPoolId: pool, ClientName: aws.String("every setting"), GenerateSecret: true,
		RefreshTokenValidity: 10, AccessTokenValidity: aws.Int32(30), IdTokenValidity: aws.Int32(2),
		TokenValidityUnits:              &types.TokenValidityUnitsType{AccessToken: "minutes", IdToken: "hours", RefreshToken: "days"},
		ReadAttributes:                  []string{"email", "email_verified", "custom:team"},
		WriteAttributes:                 []string{"email", "custom:team"},
		ExplicitAuthFlows:               []types.ExplicitAuthFlowsType{"ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH"},
		SupportedIdentityProviders:      []string{"COGNITO"},
		CallbackURLs:                    []string{"https://app.example.com/callback", "http://localhost:3000/cb", "myapp://signin"},
		LogoutURLs:                      []string{"https://app.example.com/bye"},
		DefaultRedirectURI:              aws.String("https://app.example.com/callback"),
		AllowedOAuthFlows:               []types.OAuthFlowType{"code", "implicit"},
		AllowedOAuthScopes:              []string{"openid", "email", "profile", "aws.cognito.signin.user.admin"},
		AllowedOAuthFlowsUserPoolClient: true,
		AnalyticsConfiguration: &types.AnalyticsConfigurationType{ApplicationId: aws.String("0123abcd"),
			RoleArn: aws.String("arn:aws:iam::123456789012:role/analytics"), ExternalId: aws.String("ext"), UserDataShared: true},
		PreventUserExistenceErrors:               "ENABLED",
		EnableTokenRevocation:                    aws.Bool(false),
		EnablePropagateAdditionalUserContextData: aws.Bool(true),
		AuthSessionValidity:                      aws.Int32(10),
		RefreshTokenRotation:                     &types.RefreshTokenRotationType{Feature: "ENABLED", RetryGracePeriodSeconds: aws.Int32(30)},
	}
}

func checkClient(t *testing.T, c *types.UserPoolClientType, in *cip.UpdateUserPoolClientInput) {
	t.Helper()
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"ClientName", c.ClientName, in.ClientName},
		{"RefreshTokenValidity", c.RefreshTokenValidity, in.RefreshTokenValidity},
		{"AccessTokenValidity", c.AccessTokenValidity, in.AccessTokenValidity},
		{"IdTokenValidity", c.IdTokenValidity, in.IdTokenValidity},
		{"TokenValidityUnits", c.TokenValidityUnits, in.TokenValidityUnits},
		{"ReadAttributes", c.ReadAttributes, in.ReadAttributes},
		{"WriteAttributes", c.WriteAttributes, in.WriteAttributes},
		{"ExplicitAuthFlows", c.ExplicitAuthFlows, in.ExplicitAuthFlows},
		{"SupportedIdentityProviders", c.SupportedIdentityProviders, in.SupportedIdentityProviders},
		{"CallbackURLs", c.CallbackURLs, in.CallbackURLs},
		{"LogoutURLs", c.LogoutURLs, in.LogoutURLs},
		{"DefaultRedirectURI", c.DefaultRedirectURI, in.DefaultRedirectURI},
		{"AllowedOAuthFlows", c.AllowedOAuthFlows, in.AllowedOAuthFlows},
		{"AllowedOAuthScopes", c.AllowedOAuthScopes, in.AllowedOAuthScopes},
		{"AllowedOAuthFlowsUserPoolClient", *c.AllowedOAuthFlowsUserPoolClient, in.AllowedOAuthFlowsUserPoolClient},
		{"AnalyticsConfiguration", c.AnalyticsConfiguration, in.AnalyticsConfiguration},
		{"PreventUserExistenceErrors", c.PreventUserExistenceErrors, in.PreventUserExistenceErrors},
		{"EnableTokenRevocation", c.EnableTokenRevocation, in.EnableTokenRevocation},
		{"EnablePropagateAdditionalUserContextData", c.EnablePropagateAdditionalUserContextData, in.EnablePropagateAdditionalUserContextData},
		{"AuthSessionValidity", c.AuthSessionValidity, in.AuthSessionValidity},
		{"RefreshTokenRotation", c.RefreshTokenRotation, in.RefreshTokenRotation},
	} {
		sameJSON(t, f.name, f.got, f.want)
	}
}

func asClientUpdate(c *cip.CreateUserPoolClientInput, id *string) *cip.UpdateUserPoolClientInput {
	return &cip.UpdateUserPoolClientInput{
		UserPoolId: c.UserPoolId, ClientId: id, ClientName: c.ClientName,
		RefreshTokenValidity: c.RefreshTokenValidity, AccessTokenValidity: c.AccessTokenValidity, IdTokenValidity: c.IdTokenValidity,
		TokenValidityUnits: c.TokenValidityUnits, ReadAttributes: c.ReadAttributes, WriteAttributes: c.WriteAttributes,
		ExplicitAuthFlows: c.ExplicitAuthFlows, SupportedIdentityProviders: c.SupportedIdentityProviders,
		CallbackURLs: c.CallbackURLs, LogoutURLs: c.LogoutURLs, DefaultRedirectURI: c.DefaultRedirectURI,
		AllowedOAuthFlows: c.AllowedOAuthFlows, AllowedOAuthScopes: c.AllowedOAuthScopes,
		AllowedOAuthFlowsUserPoolClient: c.AllowedOAuthFlowsUserPoolClient, AnalyticsConfiguration: c.AnalyticsConfiguration,
		PreventUserExistenceErrors: c.PreventUserExistenceErrors, EnableTokenRevocation: c.EnableTokenRevocation,
		EnablePropagateAdditionalUserContextData: c.EnablePropagateAdditionalUserContextData,
		AuthSessionValidity:                      c.AuthSessionValidity, RefreshTokenRotation: c.RefreshTokenRotation,
	}
}

func TestClientRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		pool := clientPool(t, env)
		in := fullClient(pool)
		created := createClient(t, env, in)
		c := describeClient(t, env, pool, created.ClientId)
		checkClient(t, c, asClientUpdate(in, created.ClientId))
		secret := aws.ToString(c.ClientSecret)
		if !clientSecretFormat.MatchString(secret) {
			t.Fatalf("secret %q", secret)
		}

		upd := &cip.UpdateUserPoolClientInput{
			UserPoolId: pool, ClientId: created.ClientId, ClientName: aws.String("machine"),
			RefreshTokenValidity: 600, AccessTokenValidity: aws.Int32(3600), IdTokenValidity: aws.Int32(300),
			TokenValidityUnits: &types.TokenValidityUnitsType{AccessToken: "seconds", IdToken: "seconds", RefreshToken: "minutes"},
			ReadAttributes:     []string{"name"}, WriteAttributes: []string{"name", "given_name"},
			ExplicitAuthFlows:               []types.ExplicitAuthFlowsType{"ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH"},
			SupportedIdentityProviders:      []string{"COGNITO"},
			AllowedOAuthFlows:               []types.OAuthFlowType{"client_credentials"},
			AllowedOAuthScopes:              []string{},
			AllowedOAuthFlowsUserPoolClient: true,
			AnalyticsConfiguration:          &types.AnalyticsConfigurationType{ApplicationArn: aws.String("arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc")},
			PreventUserExistenceErrors:      "LEGACY", EnableTokenRevocation: aws.Bool(true),
			EnablePropagateAdditionalUserContextData: aws.Bool(false), AuthSessionValidity: aws.Int32(15),
			RefreshTokenRotation: &types.RefreshTokenRotationType{Feature: "DISABLED", RetryGracePeriodSeconds: aws.Int32(0)},
		}
		_, err := env.IDP.UpdateUserPoolClient(env.Ctx, upd)
		wantAPIError(t, err, "InvalidParameterException", "AllowedOAuthScopes are required when AllowedOAuthFlowsUserPoolClient is true.")
		upd.AllowedOAuthFlowsUserPoolClient, upd.AllowedOAuthFlows, upd.AllowedOAuthScopes = false, nil, nil
		out, err := env.IDP.UpdateUserPoolClient(env.Ctx, upd)
		if err != nil {
			t.Fatalf("UpdateUserPoolClient: %v", err)
		}
		c = describeClient(t, env, pool, created.ClientId)
		sameJSON(t, "UpdateUserPoolClient's client", out.UserPoolClient, c)
		checkClient(t, c, upd)
		if aws.ToString(c.ClientSecret) != secret {
			t.Error("the update changed the secret")
		}
		if !c.LastModifiedDate.After(*c.CreationDate) && !c.LastModifiedDate.Equal(*c.CreationDate) {
			t.Error("LastModifiedDate before CreationDate")
		}

		// Omitted settings return to their defaults; the name stays.
		if _, err := env.IDP.UpdateUserPoolClient(env.Ctx, &cip.UpdateUserPoolClientInput{UserPoolId: pool, ClientId: created.ClientId}); err != nil {
			t.Fatal(err)
		}
		c = describeClient(t, env, pool, created.ClientId)
		fresh := createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("machine"), GenerateSecret: true})
		fresh.ClientId, fresh.ClientSecret, fresh.CreationDate, fresh.LastModifiedDate = c.ClientId, c.ClientSecret, c.CreationDate, c.LastModifiedDate
		sameJSON(t, "after an empty update", c, fresh)
	})
}

func TestClientValidation(t *testing.T) {
	cases := []struct {
		name, typ, msg string
		change         func(in *cip.CreateUserPoolClientInput)
	}{
		{"name pattern", "InvalidParameterException",
			`1 validation error detected: Value 'a/b' at 'clientName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+`,
			func(in *cip.CreateUserPoolClientInput) { in.ClientName = aws.String("a/b") }},
		{"access validity too short", "InvalidParameterException", "Invalid range for token validity.",
			func(in *cip.CreateUserPoolClientInput) {
				in.AccessTokenValidity = aws.Int32(4)
				in.TokenValidityUnits = &types.TokenValidityUnitsType{AccessToken: "minutes"}
			}},
		{"id validity too long", "InvalidParameterException", "Invalid range for token validity.",
			func(in *cip.CreateUserPoolClientInput) { in.IdTokenValidity = aws.Int32(25) }},
		{"refresh validity too long", "InvalidParameterException", "Invalid range for token validity.",
			func(in *cip.CreateUserPoolClientInput) { in.RefreshTokenValidity = 3651 }},
		{"refresh validity too short", "InvalidParameterException", "Invalid range for token validity.",
			func(in *cip.CreateUserPoolClientInput) {
				in.RefreshTokenValidity = 59
				in.TokenValidityUnits = &types.TokenValidityUnitsType{RefreshToken: "minutes"}
			}},
		{"access validity model range", "InvalidParameterException",
			"1 validation error detected: Value '86401' at 'accessTokenValidity' failed to satisfy constraint: Member must have value less than or equal to 86400",
			func(in *cip.CreateUserPoolClientInput) { in.AccessTokenValidity = aws.Int32(86401) }},
		{"unit enum", "InvalidParameterException",
			"1 validation error detected: Value 'weeks' at 'tokenValidityUnits.refreshToken' failed to satisfy constraint: Member must satisfy enum value set: [seconds, minutes, hours, days]",
			func(in *cip.CreateUserPoolClientInput) {
				in.TokenValidityUnits = &types.TokenValidityUnitsType{RefreshToken: "weeks"}
			}},
		{"unknown read attribute", "InvalidParameterException", "Invalid read attributes specified while creating a client",
			func(in *cip.CreateUserPoolClientInput) { in.ReadAttributes = []string{"email", "custom:nope"} }},
		{"unknown write attribute", "InvalidParameterException", "Invalid write attributes specified while creating a client",
			func(in *cip.CreateUserPoolClientInput) { in.WriteAttributes = []string{"favourite_colour"} }},
		{"sub is not writable", "InvalidParameterException", "Invalid write attributes specified while creating a client",
			func(in *cip.CreateUserPoolClientInput) { in.WriteAttributes = []string{"sub"} }},
		{"flow enum", "InvalidParameterException",
			"1 validation error detected: Value '[ALLOW_USER_SRP_AUTH, USER_SRP_AUTH]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH]]",
			func(in *cip.CreateUserPoolClientInput) {
				in.ExplicitAuthFlows = []types.ExplicitAuthFlowsType{"ALLOW_USER_SRP_AUTH", "USER_SRP_AUTH"}
			}},
		{"legacy and new flows", "InvalidParameterException",
			"ExplicitAuthFlows cannot mix the legacy values ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH with ALLOW_ values.",
			func(in *cip.CreateUserPoolClientInput) {
				in.ExplicitAuthFlows = []types.ExplicitAuthFlowsType{"ALLOW_USER_SRP_AUTH", "USER_PASSWORD_AUTH"}
			}},
		{"unknown provider", "InvalidParameterException", "", // message names the pool
			func(in *cip.CreateUserPoolClientInput) { in.SupportedIdentityProviders = []string{"COGNITO", "Google"} }},
		{"plain http callback", "InvalidParameterException",
			"http://app.example.com/cb is not a valid callback URL: it must be absolute, without a fragment, and use HTTPS unless it is http://localhost, http://127.0.0.1 or http://[::1].",
			func(in *cip.CreateUserPoolClientInput) { in.CallbackURLs = []string{"http://app.example.com/cb"} }},
		{"callback with fragment", "InvalidParameterException",
			"https://app.example.com/cb#x is not a valid callback URL: it must be absolute, without a fragment, and use HTTPS unless it is http://localhost, http://127.0.0.1 or http://[::1].",
			func(in *cip.CreateUserPoolClientInput) { in.CallbackURLs = []string{"https://app.example.com/cb#x"} }},
		{"too many callbacks", "InvalidParameterException", "",
			func(in *cip.CreateUserPoolClientInput) {
				for i := range 101 {
					in.CallbackURLs = append(in.CallbackURLs, fmt.Sprintf("https://app.example.com/%d", i))
				}
			}},
		{"default redirect not a callback", "InvalidParameterException", "DefaultRedirectURI https://other.example.com must be one of the CallbackURLs.",
			func(in *cip.CreateUserPoolClientInput) {
				in.CallbackURLs = []string{"https://app.example.com/cb"}
				in.DefaultRedirectURI = aws.String("https://other.example.com")
			}},
		{"oauth flows without oauth", "InvalidParameterException",
			"AllowedOAuthFlows and AllowedOAuthScopes can be set only when AllowedOAuthFlowsUserPoolClient is true.",
			func(in *cip.CreateUserPoolClientInput) { in.AllowedOAuthFlows = []types.OAuthFlowType{"code"} }},
		{"oauth without flows", "InvalidOAuthFlowException", "AllowedOAuthFlows are required when AllowedOAuthFlowsUserPoolClient is true.",
			func(in *cip.CreateUserPoolClientInput) { in.AllowedOAuthFlowsUserPoolClient = true }},
		{"oauth flow enum", "InvalidParameterException",
			"1 validation error detected: Value '[code, token]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [code, implicit, client_credentials]]",
			func(in *cip.CreateUserPoolClientInput) { in.AllowedOAuthFlows = []types.OAuthFlowType{"code", "token"} }},
		{"client credentials with code", "InvalidOAuthFlowException", "client_credentials flow can not be selected along with code flow or implicit flow.",
			func(in *cip.CreateUserPoolClientInput) {
				in.AllowedOAuthFlowsUserPoolClient, in.GenerateSecret = true, true
				in.AllowedOAuthFlows = []types.OAuthFlowType{"client_credentials", "code"}
				in.AllowedOAuthScopes = []string{"openid"}
				in.CallbackURLs = []string{"https://app.example.com/cb"}
			}},
		{"client credentials without secret", "InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.",
			func(in *cip.CreateUserPoolClientInput) {
				in.AllowedOAuthFlowsUserPoolClient = true
				in.AllowedOAuthFlows = []types.OAuthFlowType{"client_credentials"}
				in.AllowedOAuthScopes = []string{"api/read"}
			}},
		{"openid with client credentials", "InvalidOAuthFlowException", "openid is not supported with client_credentials flow",
			func(in *cip.CreateUserPoolClientInput) {
				in.AllowedOAuthFlowsUserPoolClient, in.GenerateSecret = true, true
				in.AllowedOAuthFlows = []types.OAuthFlowType{"client_credentials"}
				in.AllowedOAuthScopes = []string{"openid"}
			}},
		{"unknown scope", "ScopeDoesNotExistException", "Invalid scope requested: Cognito",
			func(in *cip.CreateUserPoolClientInput) {
				in.AllowedOAuthFlowsUserPoolClient = true
				in.AllowedOAuthFlows = []types.OAuthFlowType{"code"}
				in.AllowedOAuthScopes = []string{"openid", "Cognito"}
				in.CallbackURLs = []string{"https://app.example.com/cb"}
			}},
		{"code flow without callbacks", "InvalidParameterException", "CallbackURLs are required for the code and implicit OAuth flows.",
			func(in *cip.CreateUserPoolClientInput) {
				in.AllowedOAuthFlowsUserPoolClient = true
				in.AllowedOAuthFlows = []types.OAuthFlowType{"code"}
				in.AllowedOAuthScopes = []string{"openid"}
			}},
		{"auth session validity", "InvalidParameterException",
			"1 validation error detected: Value '2' at 'authSessionValidity' failed to satisfy constraint: Member must have value greater than or equal to 3",
			func(in *cip.CreateUserPoolClientInput) { in.AuthSessionValidity = aws.Int32(2) }},
		{"user existence enum", "InvalidParameterException",
			"1 validation error detected: Value 'ON' at 'preventUserExistenceErrors' failed to satisfy constraint: Member must satisfy enum value set: [LEGACY, ENABLED]",
			func(in *cip.CreateUserPoolClientInput) { in.PreventUserExistenceErrors = "ON" }},
		{"context data without secret", "InvalidParameterException",
			"EnablePropagateAdditionalUserContextData can only be activated for an app client that has a client secret.",
			func(in *cip.CreateUserPoolClientInput) { in.EnablePropagateAdditionalUserContextData = aws.Bool(true) }},
		{"rotation grace", "InvalidParameterException",
			"1 validation error detected: Value '61' at 'refreshTokenRotation.retryGracePeriodSeconds' failed to satisfy constraint: Member must have value less than or equal to 60",
			func(in *cip.CreateUserPoolClientInput) {
				in.RefreshTokenRotation = &types.RefreshTokenRotationType{Feature: "ENABLED", RetryGracePeriodSeconds: aws.Int32(61)}
			}},
	}
	forEachStore(t, func(t *testing.T, env *Env) {
		pool := clientPool(t, env)
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in := &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("validation")}
				c.change(in)
				_, err := env.IDP.CreateUserPoolClient(env.Ctx, in)
				wantAPIError(t, err, c.typ, c.msg)
			})
		}
		_, err := env.IDP.CreateUserPoolClient(env.Ctx, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("x"),
			SupportedIdentityProviders: []string{"Google"}})
		wantAPIError(t, err, "InvalidParameterException", "The provider Google does not exist for User Pool "+*pool)
		list, err := env.IDP.ListUserPoolClients(env.Ctx, &cip.ListUserPoolClientsInput{UserPoolId: pool})
		if err != nil {
			t.Fatal(err)
		}
		if len(list.UserPoolClients) != 0 {
			t.Errorf("refused requests left %d clients behind", len(list.UserPoolClients))
		}
		_, err = unvalidated(env).CreateUserPoolClient(env.Ctx, &cip.CreateUserPoolClientInput{UserPoolId: pool})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'clientName' failed to satisfy constraint: Member must not be null")

		// Updates are validated the same way and change nothing when refused.
		id := createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("stays")}).ClientId
		_, err = env.IDP.UpdateUserPoolClient(env.Ctx, &cip.UpdateUserPoolClientInput{UserPoolId: pool, ClientId: id,
			ClientName: aws.String("renamed"), ReadAttributes: []string{"nope"}})
		wantAPIError(t, err, "InvalidParameterException", "Invalid read attributes specified while updating a client")
		if c := describeClient(t, env, pool, id); aws.ToString(c.ClientName) != "stays" {
			t.Errorf("refused update renamed the client to %q", aws.ToString(c.ClientName))
		}
	})
}

func TestUnknownClient(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		pool := clientPool(t, env)
		other := clientPool(t, env)
		id := createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("c")}).ClientId
		missing := aws.String("0000000000000000000000none")
		for name, call := range map[string]func(pool, client *string) error{
			"DescribeUserPoolClient": func(p, c *string) error {
				_, err := env.IDP.DescribeUserPoolClient(env.Ctx, &cip.DescribeUserPoolClientInput{UserPoolId: p, ClientId: c})
				return err
			},
			"UpdateUserPoolClient": func(p, c *string) error {
				_, err := env.IDP.UpdateUserPoolClient(env.Ctx, &cip.UpdateUserPoolClientInput{UserPoolId: p, ClientId: c})
				return err
			},
			"DeleteUserPoolClient": func(p, c *string) error {
				_, err := env.IDP.DeleteUserPoolClient(env.Ctx, &cip.DeleteUserPoolClientInput{UserPoolId: p, ClientId: c})
				return err
			},
			"ListUserPoolClientSecrets": func(p, c *string) error {
				_, err := env.IDP.ListUserPoolClientSecrets(env.Ctx, &cip.ListUserPoolClientSecretsInput{UserPoolId: p, ClientId: c})
				return err
			},
		} {
			t.Run(name, func(t *testing.T) {
				wantAPIError(t, call(pool, missing), "ResourceNotFoundException", "User pool client "+*missing+" does not exist.")
				// A client is found only through its own pool.
				wantAPIError(t, call(other, id), "ResourceNotFoundException", "User pool client "+*id+" does not exist.")
				wantAPIError(t, call(aws.String("us-east-1_Gone12345"), id), "ResourceNotFoundException", "User pool us-east-1_Gone12345 does not exist.")
			})
		}
		if _, err := env.IDP.DeleteUserPoolClient(env.Ctx, &cip.DeleteUserPoolClientInput{UserPoolId: pool, ClientId: id}); err != nil {
			t.Fatalf("DeleteUserPoolClient: %v", err)
		}
		_, err := env.IDP.DescribeUserPoolClient(env.Ctx, &cip.DescribeUserPoolClientInput{UserPoolId: pool, ClientId: id})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool client "+*id+" does not exist.")
		_, err = env.IDP.CreateUserPoolClient(env.Ctx, &cip.CreateUserPoolClientInput{UserPoolId: aws.String("us-east-1_Gone12345"), ClientName: aws.String("x")})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool us-east-1_Gone12345 does not exist.")
		_, err = env.IDP.DescribeUserPoolClient(env.Ctx, &cip.DescribeUserPoolClientInput{UserPoolId: pool, ClientId: aws.String("bad-id")})
		wantAPIError(t, err, "InvalidParameterException",
			`1 validation error detected: Value 'bad-id' at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+]+`)
	})
}

func TestListUserPoolClients(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		pool := clientPool(t, env)
		other := clientPool(t, env)
		createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: other, ClientName: aws.String("elsewhere")})
		want := map[string]string{}
		for i := range 5 {
			c := createClient(t, env, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String(fmt.Sprintf("client %d", i))})
			want[*c.ClientId] = *c.ClientName
		}
		seen := map[string]string{}
		var sizes []int
		var token *string
		for {
			out, err := env.IDP.ListUserPoolClients(env.Ctx, &cip.ListUserPoolClientsInput{UserPoolId: pool, MaxResults: aws.Int32(2), NextToken: token})
			if err != nil {
				t.Fatalf("ListUserPoolClients: %v", err)
			}
			sizes = append(sizes, len(out.UserPoolClients))
			for _, c := range out.UserPoolClients {
				if aws.ToString(c.UserPoolId) != *pool {
					t.Errorf("client %s listed with pool %s", *c.ClientId, aws.ToString(c.UserPoolId))
				}
				seen[*c.ClientId] = *c.ClientName
			}
			if token = out.NextToken; token == nil {
				break
			}
		}
		sameJSON(t, "page sizes", sizes, []int{2, 2, 1})
		sameJSON(t, "clients listed", seen, want)
		all, err := env.IDP.ListUserPoolClients(env.Ctx, &cip.ListUserPoolClientsInput{UserPoolId: pool})
		if err != nil || len(all.UserPoolClients) != 5 || all.NextToken != nil {
			t.Errorf("listing without MaxResults: %v, %d clients", err, len(all.UserPoolClients))
		}
		_, err = env.IDP.ListUserPoolClients(env.Ctx, &cip.ListUserPoolClientsInput{UserPoolId: pool, MaxResults: aws.Int32(61)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60")
		_, err = env.IDP.ListUserPoolClients(env.Ctx, &cip.ListUserPoolClientsInput{UserPoolId: aws.String("us-east-1_Gone12345")})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool us-east-1_Gone12345 does not exist.")
		// Deleting the pool deletes its clients.
		if _, err := env.IDP.DeleteUserPool(env.Ctx, &cip.DeleteUserPoolInput{UserPoolId: pool}); err != nil {
			t.Fatal(err)
		}
		for id := range want {
			if _, err := env.App.Pools.GetClient(env.Ctx, id); err == nil {
				t.Errorf("client %s outlived its pool", id)
			}
		}
	})
}

func TestClientOperationsNeedKnownKeys(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		pool := clientPool(t, env)
		_, err := env.Anon.CreateUserPoolClient(env.Ctx, &cip.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String("anon")})
		wantAPIError(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")
		_, err = env.Anon.ListUserPoolClients(env.Ctx, &cip.ListUserPoolClientsInput{UserPoolId: pool})
		wantAPIError(t, err, "UnrecognizedClientException", "")
		_, err = env.Anon.AddUserPoolClientSecret(env.Ctx, &cip.AddUserPoolClientSecretInput{UserPoolId: pool, ClientId: aws.String("abc")})
		wantAPIError(t, err, "UnrecognizedClientException", "")
	})
}
