package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/incognito-idp/incognito/internal/awscreds"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/secret"
)

func assumeWithWebIdentity(env *Env, role, tok string) (*sts.AssumeRoleWithWebIdentityOutput, error) {
	return stsClient(env.URL, aws.AnonymousCredentials{}).AssumeRoleWithWebIdentity(env.Ctx, &sts.AssumeRoleWithWebIdentityInput{
		RoleArn: aws.String(role), RoleSessionName: aws.String("e2e-session"), WebIdentityToken: aws.String(tok),
	})
}

// TestSTSClassicFlow is the basic flow: GetId, GetOpenIdToken, then
// AssumeRoleWithWebIdentity with a role of the pool.
func TestSTSClassicFlow(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.AllowClassicFlow = aws.Bool(true)
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(false)}
		})
		x.setRoles(t, poolID, map[string]citypes.RoleMapping{up.Provider + ":" + up.clientID: {
			Type: citypes.RoleMappingTypeRules, AmbiguousRoleResolution: citypes.AmbiguousRoleResolutionTypeAuthenticatedRole,
			RulesConfiguration: &citypes.RulesConfigurationType{Rules: []citypes.MappingRule{rule("email", citypes.MappingRuleMatchTypeContains, "@", roleEditor)}},
		}})
		guest := x.mustGetID(t, poolID, nil)
		tok, err := x.Anon.GetOpenIdToken(env.Ctx, &ci.GetOpenIdTokenInput{IdentityId: aws.String(guest)})
		if err != nil {
			t.Fatal(err)
		}
		out, err := assumeWithWebIdentity(env, roleGuest, aws.ToString(tok.Token))
		if err != nil {
			t.Fatalf("AssumeRoleWithWebIdentity: %v", err)
		}
		if aws.ToString(out.SubjectFromWebIdentityToken) != guest || aws.ToString(out.Audience) != poolID ||
			aws.ToString(out.Provider) != "cognito-identity.amazonaws.com" ||
			aws.ToString(out.AssumedRoleUser.Arn) != "arn:aws:sts::000000000000:assumed-role/IdentityGuest/e2e-session" {
			t.Errorf("AssumeRoleWithWebIdentity = %+v / %+v", out, out.AssumedRoleUser)
		}
		c := out.Credentials
		caller, err := stsClient(env.URL, static(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))).
			GetCallerIdentity(env.Ctx, &sts.GetCallerIdentityInput{})
		if err != nil {
			t.Fatalf("GetCallerIdentity: %v", err)
		}
		if aws.ToString(caller.Arn) != aws.ToString(out.AssumedRoleUser.Arn) || aws.ToString(caller.Account) != "000000000000" ||
			aws.ToString(caller.UserId) != aws.ToString(out.AssumedRoleUser.AssumedRoleId) {
			t.Errorf("GetCallerIdentity = %+v", caller)
		}

		// A guest may not take the authenticated role; a user may take it
		// or a role the mappings name, but not an unrelated one.
		_, err = assumeWithWebIdentity(env, roleAuth, aws.ToString(tok.Token))
		wantAPIError(t, err, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity")
		ada := up.user(t, "ada", "email", "ada@example.com")
		id := x.mustGetID(t, poolID, map[string]string{up.Provider: ada})
		userTok, err := x.Anon.GetOpenIdToken(env.Ctx, &ci.GetOpenIdTokenInput{IdentityId: aws.String(id), Logins: map[string]string{up.Provider: ada}})
		if err != nil {
			t.Fatal(err)
		}
		for _, role := range []string{roleAuth, roleEditor} {
			if _, err := assumeWithWebIdentity(env, role, aws.ToString(userTok.Token)); err != nil {
				t.Errorf("user assuming %s: %v", role, err)
			}
		}
		_, err = assumeWithWebIdentity(env, roleAdmins, aws.ToString(userTok.Token))
		wantAPIError(t, err, "AccessDenied", "")

		// Classic flow off: the same tokens are refused.
		_, err = x.CI.UpdateIdentityPool(env.Ctx, &ci.UpdateIdentityPoolInput{IdentityPoolId: aws.String(poolID), IdentityPoolName: aws.String("enhanced only"),
			AllowUnauthenticatedIdentities: true, AllowClassicFlow: aws.Bool(false),
			CognitoIdentityProviders: []citypes.CognitoIdentityProvider{up.trust(false)}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = assumeWithWebIdentity(env, roleGuest, aws.ToString(tok.Token))
		wantAPIError(t, err, "InvalidIdentityToken", "Basic (classic) flow is not enabled, please use enhanced flow.")
	})
}

// TestSTSWebIdentityTokens: user-pool ID tokens are accepted for any role;
// everything else is refused with STS's codes.
func TestSTSWebIdentityTokens(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		ada := up.user(t, "ada")
		out, err := assumeWithWebIdentity(env, roleAdmins, ada)
		if err != nil {
			t.Fatalf("AssumeRoleWithWebIdentity with an ID token: %v", err)
		}
		sub := claimsOf(t, ada)["sub"].(string)
		if aws.ToString(out.SubjectFromWebIdentityToken) != sub || aws.ToString(out.Audience) != up.clientID ||
			aws.ToString(out.Provider) != env.URL+"/"+up.poolID {
			t.Errorf("AssumeRoleWithWebIdentity = %+v", out)
		}
		if arn := x.callerArn(t, &citypes.Credentials{AccessKeyId: out.Credentials.AccessKeyId, SecretKey: out.Credentials.SecretAccessKey,
			SessionToken: out.Credentials.SessionToken}); arn != "arn:aws:sts::000000000000:assumed-role/IdentityAdmins/e2e-session" {
			t.Errorf("caller %s", arn)
		}
		if ttl := time.Until(aws.ToTime(out.Credentials.Expiration)); ttl < 55*time.Minute || ttl > 61*time.Minute {
			t.Errorf("credentials expire in %v", ttl)
		}

		access := aws.ToString(up.mustPassword(t, "ada", goodPassword).AccessToken)
		expired := mintIDToken(t, env, up.poolID, func(c map[string]any) {
			c["iat"], c["exp"] = time.Now().Add(-2*time.Hour).Unix(), time.Now().Add(-time.Hour).Unix()
		})
		foreign := mintIDToken(t, env, up.poolID, func(c map[string]any) { c["iss"] = "https://accounts.example.com" })
		tampered := ada[:strings.LastIndex(ada, ".")+1] + strings.Repeat("A", 342)
		cases := []struct {
			name, role, token, code, msg string
		}{
			{"access token", roleAuth, access, "InvalidIdentityToken", ""},
			{"expired ID token", roleAuth, expired, "ExpiredTokenException", ""},
			{"tampered signature", roleAuth, tampered, "InvalidIdentityToken", ""},
			{"not a JWT", roleAuth, "not-a-token", "InvalidIdentityToken", ""},
			{"unknown issuer", roleAuth, foreign, "InvalidIdentityToken", "No OpenIDConnect provider found in your account for https://accounts.example.com"},
			{"not a role ARN", "arn:aws:iam::000000000000:user/Someone", ada, "ValidationError", "Request ARN is invalid"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := assumeWithWebIdentity(env, tc.role, tc.token)
				wantAPIError(t, err, tc.code, tc.msg)
			})
		}
		_, err = assumeWithWebIdentity(env, roleAuth, expired)
		if msg := apiMessage(err); !strings.HasPrefix(msg, "Token expired: current date/time ") {
			t.Errorf("expired message %q", msg)
		}
	})
}

// TestVendedCredentials: credentials are checked for real, and never
// authorise the admin operations.
func TestVendedCredentials(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		poolID := x.newIdentityPool(t, nil)
		x.setRoles(t, poolID, nil)
		c := x.mustCreds(t, x.mustGetID(t, poolID, nil), nil)
		akid, secretKey, session := aws.ToString(c.AccessKeyId), aws.ToString(c.SecretKey), aws.ToString(c.SessionToken)
		if arn := x.callerArn(t, c); arn != assumedRole(roleGuest) {
			t.Fatalf("caller %s", arn)
		}
		admin, err := stsClient(env.URL, static(testAccessKey, testSecretKey, "")).GetCallerIdentity(env.Ctx, &sts.GetCallerIdentityInput{})
		if err != nil || aws.ToString(admin.Arn) != "arn:aws:iam::000000000000:root" {
			t.Errorf("admin caller %+v, %v", admin, err)
		}

		expired := expiredCredentials(t, env)
		caller := func(key, sec, tok string) error {
			_, err := stsClient(env.URL, static(key, sec, tok)).GetCallerIdentity(env.Ctx, &sts.GetCallerIdentityInput{})
			return err
		}
		cases := []struct {
			name, key, secret, token, code string
		}{
			{"forged secret", akid, strings.Repeat("x", 40), session, "SignatureDoesNotMatch"},
			{"wrong session token", akid, secretKey, session[:len(session)-4] + "AAAA", "InvalidClientTokenId"},
			{"no session token", akid, secretKey, "", "InvalidClientTokenId"},
			{"unknown access key", "ASIAUNKNOWNKEY000000", secretKey, session, "InvalidClientTokenId"},
			{"expired credentials", expired.AccessKeyID, expired.SecretAccessKey, expired.SessionToken, "InvalidClientTokenId"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				wantAPIError(t, caller(tc.key, tc.secret, tc.token), tc.code, "")
			})
		}

		// Vended credentials never pass for the admin keys.
		vended := static(akid, secretKey, session)
		idp := cip.New(cip.Options{Region: "us-east-1", BaseEndpoint: aws.String(env.URL), Credentials: vended, RetryMaxAttempts: 1})
		_, err = idp.ListUserPools(env.Ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(10)})
		wantAPIError(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")
		_, err = identityClient(env.URL, vended).ListIdentityPools(env.Ctx, &ci.ListIdentityPoolsInput{MaxResults: aws.Int32(10)})
		wantAPIError(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")
	})
}

// expiredCredentials vends credentials that expired a minute ago, the way
// the server vends them (its master key, its store).
func expiredCredentials(t *testing.T, env *Env) awscreds.Credentials {
	t.Helper()
	master, err := secret.LoadOrCreateKeyFile(filepath.Join(env.App.Config.DataDir, "master.key"))
	if err != nil {
		t.Fatal(err)
	}
	sealer, err := secret.New(master)
	if err != nil {
		t.Fatal(err)
	}
	v := awscreds.New(env.App.Store, sealer.Derive("aws-credentials"), "000000000000", nil, nil)
	c, _, err := v.Issue(env.Ctx, awscreds.Principal{RoleArn: roleGuest}, -time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestVendedCredentialsDevMode: without admin keys, any well-formed
// signature passes for the admin operations and GetCallerIdentity, but
// vended credentials are still checked for real and still refused for the
// admin operations.
func TestVendedCredentialsDevMode(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			env := start(t, b, func(c *config.Config) { c.AdminAccessKeyID, c.AdminSecretAccessKey = "", "" })
			x := identities(env)
			poolID := x.newIdentityPool(t, nil)
			x.setRoles(t, poolID, nil)
			c := x.mustCreds(t, x.mustGetID(t, poolID, nil), nil)
			if arn := x.callerArn(t, c); arn != assumedRole(roleGuest) {
				t.Errorf("caller %s", arn)
			}
			root, err := stsClient(env.URL, static("AKIDANYTHING", "whatever", "")).GetCallerIdentity(env.Ctx, &sts.GetCallerIdentityInput{})
			if err != nil || aws.ToString(root.Arn) != "arn:aws:iam::000000000000:root" {
				t.Errorf("dev-mode caller %+v, %v", root, err)
			}
			_, err = stsClient(env.URL, static(aws.ToString(c.AccessKeyId), strings.Repeat("x", 40), aws.ToString(c.SessionToken))).
				GetCallerIdentity(env.Ctx, &sts.GetCallerIdentityInput{})
			wantAPIError(t, err, "SignatureDoesNotMatch", "")
			vended := static(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretKey), aws.ToString(c.SessionToken))
			_, err = identityClient(env.URL, vended).ListIdentityPools(env.Ctx, &ci.ListIdentityPoolsInput{MaxResults: aws.Int32(10)})
			wantAPIError(t, err, "UnrecognizedClientException", "")
			if _, err := identityClient(env.URL, static("AKIDANYTHING", "whatever", "")).ListIdentityPools(env.Ctx, &ci.ListIdentityPoolsInput{MaxResults: aws.Int32(10)}); err != nil {
				t.Errorf("dev-mode admin call: %v", err)
			}
		})
	}
}
