package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

const (
	msgLoginsDontMatch = "Logins don't match. Please include at least one valid login for this identity or identity pool."
	msgUnsupported     = "Token is not from a supported provider of this identity pool."
	msgNotOpenID       = "Invalid login token. Not a valid OpenId Connect identity token."
	msgGuestsOff       = "Unauthenticated access is not supported for this identity pool."
	msgNoRole          = "Invalid identity pool configuration. Check assigned IAM roles for this pool."
)

// TestIdentityGuestAccess is the guest half of the seed app: a pool with
// guest access gives a new identity per visit and credentials for the
// unauthenticated role; without guest access it refuses.
func TestIdentityGuestAccess(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		poolID := x.newIdentityPool(t, nil)
		first := x.mustGetID(t, poolID, nil)
		second := x.mustGetID(t, poolID, nil)
		if first == second || !strings.HasPrefix(first, "us-east-1:") {
			t.Errorf("guest identities %q and %q", first, second)
		}
		_, err := x.creds(first, nil)
		wantAPIError(t, err, "InvalidIdentityPoolConfigurationException", msgNoRole)

		x.setRoles(t, poolID, nil)
		c := x.mustCreds(t, first, nil)
		if !strings.HasPrefix(aws.ToString(c.AccessKeyId), "ASIA") || len(aws.ToString(c.SecretKey)) != 40 || aws.ToString(c.SessionToken) == "" {
			t.Errorf("credentials %+v", c)
		}
		if ttl := time.Until(aws.ToTime(c.Expiration)); ttl < 55*time.Minute || ttl > 61*time.Minute {
			t.Errorf("credentials expire in %v, want an hour", ttl)
		}
		if arn := x.callerArn(t, c); arn != assumedRole(roleGuest) {
			t.Errorf("guest caller %s, want %s", arn, assumedRole(roleGuest))
		}

		// Guest access switched off: no new guests, and existing ones get
		// no more credentials.
		_, err = x.CI.UpdateIdentityPool(env.Ctx, &ci.UpdateIdentityPoolInput{IdentityPoolId: aws.String(poolID),
			IdentityPoolName: aws.String("no guests"), AllowUnauthenticatedIdentities: false})
		if err != nil {
			t.Fatal(err)
		}
		_, err = x.getID(poolID, nil)
		wantAPIError(t, err, "NotAuthorizedException", msgGuestsOff)
		_, err = x.creds(first, nil)
		wantAPIError(t, err, "NotAuthorizedException", msgGuestsOff)

		_, err = x.getID("us-east-1:00000000-0000-4000-8000-000000000000", nil)
		wantAPIError(t, err, "ResourceNotFoundException", "IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found.")
		_, err = x.creds("us-east-1:00000000-0000-4000-8000-00000000abcd", nil)
		wantAPIError(t, err, "ResourceNotFoundException", "Identity 'us-east-1:00000000-0000-4000-8000-00000000abcd' not found.")
	})
}

// TestIdentityUserPoolLogin is the signed-in half of the seed app: one
// user, one identity, under either spelling of the provider, and
// credentials for the authenticated role.
func TestIdentityUserPoolLogin(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(false)}
		})
		x.setRoles(t, poolID, nil)
		ada := up.user(t, "ada")
		id := x.mustGetID(t, poolID, map[string]string{up.Provider: ada})
		if again := x.mustGetID(t, poolID, map[string]string{up.IssuerKey: ada}); again != id {
			t.Errorf("issuer-keyed login gave %s, AWS-keyed %s", again, id)
		}
		if fresh := x.mustGetID(t, poolID, map[string]string{up.Provider: up.idToken(t, "ada")}); fresh != id {
			t.Errorf("a new sign-in gave identity %s, want %s", fresh, id)
		}
		bob := up.user(t, "bob")
		bobID := x.mustGetID(t, poolID, map[string]string{up.IssuerKey: bob})
		if bobID == id {
			t.Error("two users share an identity")
		}

		c := x.mustCreds(t, id, map[string]string{up.IssuerKey: ada})
		if arn := x.callerArn(t, c); arn != assumedRole(roleAuth) {
			t.Errorf("user caller %s, want %s", arn, assumedRole(roleAuth))
		}
		_, err := x.creds(id, nil)
		wantAPIError(t, err, "NotAuthorizedException", msgLoginsDontMatch)
		_, err = x.creds(id, map[string]string{up.Provider: bob})
		wantAPIError(t, err, "NotAuthorizedException", msgLoginsDontMatch)

		desc, err := x.CI.DescribeIdentity(env.Ctx, &ci.DescribeIdentityInput{IdentityId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeIdentity: %v", err)
		}
		if len(desc.Logins) != 1 || desc.Logins[0] != up.Provider || desc.CreationDate == nil || desc.LastModifiedDate == nil {
			t.Errorf("DescribeIdentity = %+v", desc)
		}
	})
}

// TestIdentityLoginRefusals: logins are really checked.
func TestIdentityLoginRefusals(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		other := newUserPoolSide(t, env, nil)           // a pool the identity pool does not trust
		untrusted := authClient(t, env, up.poolID, nil) // a client of the trusted pool it does not trust
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(false)}
			in.AllowUnauthenticatedIdentities = false
			in.SupportedLoginProviders = map[string]string{"accounts.google.com": "123.apps.googleusercontent.com"}
		})
		ada := up.user(t, "ada")
		access := aws.ToString(up.mustPassword(t, "ada", goodPassword).AccessToken)
		confirmedUser(t, env, untrusted.poolID, "eve", goodPassword)
		wrongClient := aws.ToString(untrusted.mustPassword(t, "eve", goodPassword).IdToken)
		otherToken := other.user(t, "mallory")

		expired := mintIDToken(t, env, up.poolID, func(c map[string]any) {
			c["aud"] = up.clientID
			c["iat"], c["exp"] = time.Now().Add(-2*time.Hour).Unix(), time.Now().Add(-time.Hour).Unix()
		})
		wrongAud := mintIDToken(t, env, up.poolID, func(c map[string]any) { c["aud"] = "someoneelsesclient" })
		tampered := ada[:strings.LastIndex(ada, ".")+1] + strings.Repeat("A", 342)

		cases := []struct {
			name   string
			logins map[string]string
			typ    string
			msg    string
		}{
			{"no logins and no guests", nil, "NotAuthorizedException", msgGuestsOff},
			{"expired ID token", map[string]string{up.Provider: expired}, "NotAuthorizedException", ""},
			{"audience not trusted", map[string]string{up.Provider: wrongAud}, "NotAuthorizedException", msgUnsupported},
			{"another client of the pool", map[string]string{up.Provider: wrongClient}, "NotAuthorizedException", msgUnsupported},
			{"user pool not trusted", map[string]string{other.Provider: otherToken}, "NotAuthorizedException", msgUnsupported},
			{"token of another pool under this key", map[string]string{up.Provider: otherToken}, "NotAuthorizedException", "Invalid login token. Issuer doesn't match providerName"},
			{"access token", map[string]string{up.Provider: access}, "NotAuthorizedException", msgNotOpenID},
			{"tampered signature", map[string]string{up.Provider: tampered}, "NotAuthorizedException", msgNotOpenID},
			{"not a JWT", map[string]string{up.Provider: "not-a-token"}, "NotAuthorizedException", msgNotOpenID},
			{"unknown provider", map[string]string{"graph.facebook.com": "EAAB..."}, "NotAuthorizedException", msgUnsupported},
			{"configured social provider", map[string]string{"accounts.google.com": "eyJ..."}, "NotAuthorizedException", ""},
			{"developer login on the public API", map[string]string{"login.example.app": "user-1"}, "NotAuthorizedException", msgUnsupported},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := x.getID(poolID, tc.logins)
				wantAPIError(t, err, tc.typ, tc.msg)
			})
		}
		_, err := x.getID(poolID, map[string]string{up.Provider: expired})
		if msg := apiMessage(err); !strings.HasPrefix(msg, "Invalid login token. Token expired: ") || !strings.Contains(msg, " >= ") {
			t.Errorf("expired-token message %q", msg)
		}
		if _, err := x.getID(poolID, map[string]string{up.Provider: ada}); err != nil {
			t.Errorf("the genuine token was refused: %v", err)
		}
	})
}

// TestIdentityServerSideTokenCheck: with ServerSideTokenCheck, tokens of
// signed-out or deleted users are refused; without it they are not.
func TestIdentityServerSideTokenCheck(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		checked := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(true)}
		})
		unchecked := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(false)}
		})
		ada := up.user(t, "ada")
		bob := up.user(t, "bob")
		x.mustGetID(t, checked, map[string]string{up.Provider: ada})
		if _, err := env.IDP.AdminUserGlobalSignOut(env.Ctx, &cip.AdminUserGlobalSignOutInput{UserPoolId: aws.String(up.poolID), Username: aws.String("ada")}); err != nil {
			t.Fatal(err)
		}
		_, err := x.getID(checked, map[string]string{up.Provider: ada})
		wantAPIError(t, err, "NotAuthorizedException", "Invalid login token. Token has been revoked.")
		x.mustGetID(t, unchecked, map[string]string{up.Provider: ada})

		if _, err := env.IDP.AdminDeleteUser(env.Ctx, &cip.AdminDeleteUserInput{UserPoolId: aws.String(up.poolID), Username: aws.String("bob")}); err != nil {
			t.Fatal(err)
		}
		_, err = x.getID(checked, map[string]string{up.Provider: bob})
		wantAPIError(t, err, "NotAuthorizedException", "Invalid login token. Token has been revoked.")
		x.mustGetID(t, checked, map[string]string{up.Provider: up.idToken(t, "ada")})
	})
}

// TestGetOpenIdToken covers the pools' own OpenID tokens: claims as
// Cognito's, verifiable with the published JWKS, and usable as the
// cognito-identity.amazonaws.com login.
func TestGetOpenIdToken(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(false)}
		})
		x.setRoles(t, poolID, nil)
		guest := x.mustGetID(t, poolID, nil)
		out, err := x.Anon.GetOpenIdToken(env.Ctx, &ci.GetOpenIdTokenInput{IdentityId: aws.String(guest)})
		if err != nil {
			t.Fatalf("GetOpenIdToken: %v", err)
		}
		header, claims := jwtParts(t, aws.ToString(out.Token))
		if claims["iss"] != env.URL+"/cognito-identity" || claims["sub"] != guest || claims["aud"] != poolID ||
			claims["https://cognito-identity.amazonaws.com/identity-pool-arn"] != "arn:aws:cognito-identity:us-east-1:000000000000:identitypool/"+poolID {
			t.Errorf("guest token claims %v", claims)
		}
		if amr := claims["amr"].([]any); len(amr) != 1 || amr[0] != "unauthenticated" {
			t.Errorf("guest amr %v", amr)
		}
		if _, has := claims["token_use"]; has {
			t.Error("identity token carries token_use")
		}
		iat, _ := claims["iat"].(json.Number).Int64()
		exp, _ := claims["exp"].(json.Number).Int64()
		if exp-iat != 600 {
			t.Errorf("token lives %d s, want 600", exp-iat)
		}
		jwks := getJSON(t, env.URL+"/cognito-identity/.well-known/jwks_uri")
		keys, _ := jwks["keys"].([]any)
		if len(keys) != 1 || keys[0].(map[string]any)["kid"] != header["kid"] || header["alg"] != "RS256" {
			t.Errorf("JWKS %v does not hold kid %v", jwks, header["kid"])
		}
		// The key set lives beside the pools in the store but is not one.
		pools, err := x.CI.ListIdentityPools(env.Ctx, &ci.ListIdentityPoolsInput{MaxResults: aws.Int32(60)})
		if err != nil || len(pools.IdentityPools) != 1 || aws.ToString(pools.IdentityPools[0].IdentityPoolId) != poolID {
			t.Errorf("ListIdentityPools after minting = %+v, %v", pools, err)
		}
		disc := getJSON(t, env.URL+"/cognito-identity/.well-known/openid-configuration")
		if disc["issuer"] != env.URL+"/cognito-identity" || disc["jwks_uri"] != env.URL+"/cognito-identity/.well-known/jwks_uri" {
			t.Errorf("discovery %v", disc)
		}
		// The token is a login for its identity, and for no other.
		c := x.mustCreds(t, guest, map[string]string{"cognito-identity.amazonaws.com": aws.ToString(out.Token)})
		if arn := x.callerArn(t, c); arn != assumedRole(roleGuest) {
			t.Errorf("caller %s", arn)
		}
		otherGuest := x.mustGetID(t, poolID, nil)
		_, err = x.creds(otherGuest, map[string]string{"cognito-identity.amazonaws.com": aws.ToString(out.Token)})
		wantAPIError(t, err, "NotAuthorizedException", msgLoginsDontMatch)

		ada := up.user(t, "ada")
		id := x.mustGetID(t, poolID, map[string]string{up.Provider: ada})
		if _, err := x.CI.SetPrincipalTagAttributeMap(env.Ctx, &ci.SetPrincipalTagAttributeMapInput{IdentityPoolId: aws.String(poolID),
			IdentityProviderName: aws.String(up.Provider), UseDefaults: aws.Bool(true)}); err != nil {
			t.Fatal(err)
		}
		user, err := x.Anon.GetOpenIdToken(env.Ctx, &ci.GetOpenIdTokenInput{IdentityId: aws.String(id), Logins: map[string]string{up.IssuerKey: ada}})
		if err != nil {
			t.Fatalf("GetOpenIdToken with a login: %v", err)
		}
		uc := claimsOf(t, aws.ToString(user.Token))
		sub := claimsOf(t, ada)["sub"]
		amr, _ := uc["amr"].([]any)
		if len(amr) != 3 || amr[0] != "authenticated" || amr[1] != up.Provider || amr[2] != up.Provider+":CognitoSignIn:"+sub.(string) {
			t.Errorf("user amr %v", amr)
		}
		tags, _ := uc["https://aws.amazon.com/tags"].(map[string]any)
		principal, _ := tags["principal_tags"].(map[string]any)
		client, _ := principal["client"].([]any)
		username, _ := principal["username"].([]any)
		if len(client) != 1 || client[0] != up.clientID || len(username) != 1 || username[0] != sub {
			t.Errorf("session tags %v", uc["https://aws.amazon.com/tags"])
		}
		c = x.mustCreds(t, id, map[string]string{"cognito-identity.amazonaws.com": aws.ToString(user.Token)})
		if arn := x.callerArn(t, c); arn != assumedRole(roleAuth) {
			t.Errorf("caller with the user's OpenID token %s", arn)
		}
		_, err = x.Anon.GetOpenIdToken(env.Ctx, &ci.GetOpenIdTokenInput{IdentityId: aws.String(id)})
		wantAPIError(t, err, "NotAuthorizedException", msgLoginsDontMatch)
		_, err = x.creds(id, map[string]string{"cognito-identity.amazonaws.com": "not.a.token"})
		wantAPIError(t, err, "NotAuthorizedException", msgNotOpenID)
	})
}

// TestIdentityLinking: several logins link to one identity; a guest who
// signs in keeps their identity.
func TestIdentityLinking(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		one := newUserPoolSide(t, env, nil)
		two := newUserPoolSide(t, env, nil)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{one.trust(false), two.trust(false)}
		})
		x.setRoles(t, poolID, nil)
		a1, a2 := one.user(t, "ada"), two.user(t, "ada")
		id := x.mustGetID(t, poolID, map[string]string{one.Provider: a1, two.Provider: a2})
		if again := x.mustGetID(t, poolID, map[string]string{two.IssuerKey: a2}); again != id {
			t.Errorf("second login alone gave %s, want %s", again, id)
		}
		desc, _ := x.CI.DescribeIdentity(env.Ctx, &ci.DescribeIdentityInput{IdentityId: aws.String(id)})
		if len(desc.Logins) != 2 {
			t.Errorf("linked logins %v", desc.Logins)
		}

		// Logins of two different identities cannot be linked together.
		b1, b2 := one.user(t, "bob"), two.user(t, "bob")
		x.mustGetID(t, poolID, map[string]string{one.Provider: b1})
		x.mustGetID(t, poolID, map[string]string{two.Provider: b2})
		_, err := x.getID(poolID, map[string]string{one.Provider: b1, two.Provider: b2})
		wantAPIError(t, err, "ResourceConflictException", "")

		// A guest who signs in: the login is linked to the guest identity,
		// which is then no longer a guest.
		guest := x.mustGetID(t, poolID, nil)
		c1 := one.user(t, "cy")
		c := x.mustCreds(t, guest, map[string]string{one.Provider: c1})
		if arn := x.callerArn(t, c); arn != assumedRole(roleAuth) {
			t.Errorf("caller %s", arn)
		}
		if again := x.mustGetID(t, poolID, map[string]string{one.Provider: c1}); again != guest {
			t.Errorf("signed-in guest got %s, want their identity %s", again, guest)
		}
		_, err = x.creds(guest, nil)
		wantAPIError(t, err, "NotAuthorizedException", msgLoginsDontMatch)
	})
}

// TestIdentitiesAdmin covers ListIdentities, DescribeIdentity,
// DeleteIdentities and UnlinkIdentity.
func TestIdentitiesAdmin(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		one := newUserPoolSide(t, env, nil)
		two := newUserPoolSide(t, env, nil)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{one.trust(false), two.trust(false)}
		})
		g1, g2 := x.mustGetID(t, poolID, nil), x.mustGetID(t, poolID, nil)
		a1, a2 := one.user(t, "ada"), two.user(t, "ada")
		ada := x.mustGetID(t, poolID, map[string]string{one.Provider: a1, two.Provider: a2})

		list := func(hide bool) map[string][]string {
			out := map[string][]string{}
			var next *string
			for {
				page, err := x.CI.ListIdentities(env.Ctx, &ci.ListIdentitiesInput{IdentityPoolId: aws.String(poolID), MaxResults: aws.Int32(2), NextToken: next, HideDisabled: hide})
				if err != nil {
					t.Fatalf("ListIdentities: %v", err)
				}
				if aws.ToString(page.IdentityPoolId) != poolID || len(page.Identities) > 2 {
					t.Fatalf("page %+v", page)
				}
				for _, i := range page.Identities {
					out[aws.ToString(i.IdentityId)] = i.Logins
				}
				if next = page.NextToken; next == nil {
					return out
				}
			}
		}
		all := list(false)
		if len(all) != 3 || len(all[ada]) != 2 || len(all[g1]) != 0 {
			t.Errorf("ListIdentities = %v", all)
		}

		// UnlinkIdentity: the caller proves the identity, then drops a provider.
		_, err := x.Anon.UnlinkIdentity(env.Ctx, &ci.UnlinkIdentityInput{IdentityId: aws.String(ada),
			Logins: map[string]string{one.Provider: one.user(t, "bob")}, LoginsToRemove: []string{two.Provider}})
		wantAPIError(t, err, "NotAuthorizedException", msgLoginsDontMatch)
		_, err = x.Anon.UnlinkIdentity(env.Ctx, &ci.UnlinkIdentityInput{IdentityId: aws.String(ada),
			Logins: map[string]string{one.Provider: a1}, LoginsToRemove: []string{two.IssuerKey}})
		if err != nil {
			t.Fatalf("UnlinkIdentity: %v", err)
		}
		desc, _ := x.CI.DescribeIdentity(env.Ctx, &ci.DescribeIdentityInput{IdentityId: aws.String(ada)})
		if len(desc.Logins) != 1 || desc.Logins[0] != one.Provider {
			t.Errorf("after unlink, logins %v", desc.Logins)
		}
		if fresh := x.mustGetID(t, poolID, map[string]string{two.Provider: a2}); fresh == ada {
			t.Error("the unlinked login still reaches the identity")
		}
		// Removing the last login disables the identity.
		_, err = x.Anon.UnlinkIdentity(env.Ctx, &ci.UnlinkIdentityInput{IdentityId: aws.String(ada),
			Logins: map[string]string{one.Provider: a1}, LoginsToRemove: []string{one.Provider}})
		if err != nil {
			t.Fatalf("UnlinkIdentity of the last login: %v", err)
		}
		if visible := list(true); len(visible) != 3 || visible[ada] != nil {
			t.Errorf("HideDisabled listing %v", visible)
		}
		if _, err := x.creds(ada, nil); err == nil {
			t.Error("a disabled identity got guest credentials")
		}

		del, err := x.CI.DeleteIdentities(env.Ctx, &ci.DeleteIdentitiesInput{IdentityIdsToDelete: []string{g1, "us-east-1:00000000-0000-4000-8000-000000000000"}})
		if err != nil {
			t.Fatalf("DeleteIdentities: %v", err)
		}
		if len(del.UnprocessedIdentityIds) != 0 {
			t.Errorf("unprocessed %+v", del.UnprocessedIdentityIds)
		}
		_, err = x.CI.DescribeIdentity(env.Ctx, &ci.DescribeIdentityInput{IdentityId: aws.String(g1)})
		wantAPIError(t, err, "ResourceNotFoundException", "Identity '"+g1+"' not found.")
		if _, err := x.CI.DescribeIdentity(env.Ctx, &ci.DescribeIdentityInput{IdentityId: aws.String(g2)}); err != nil {
			t.Errorf("the other guest went too: %v", err)
		}
		tooMany := make([]string, 61)
		for i := range tooMany {
			tooMany[i] = g2
		}
		_, err = x.CI.DeleteIdentities(env.Ctx, &ci.DeleteIdentitiesInput{IdentityIdsToDelete: tooMany})
		wantAPIError(t, err, "InvalidParameterException", "")
		_, err = x.CI.ListIdentities(env.Ctx, &ci.ListIdentitiesInput{IdentityPoolId: aws.String(poolID), MaxResults: aws.Int32(0)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1")
		_, err = x.CI.ListIdentities(env.Ctx, &ci.ListIdentitiesInput{IdentityPoolId: aws.String("us-east-1:00000000-0000-4000-8000-000000000000"), MaxResults: aws.Int32(5)})
		wantAPIError(t, err, "ResourceNotFoundException", "")
	})
}

// apiMessage is the message of an API error, "" for none.
func apiMessage(err error) string {
	var apiErr interface{ ErrorMessage() string }
	if err != nil && asAPI(err, &apiErr) {
		return apiErr.ErrorMessage()
	}
	return ""
}

func getJSON(t *testing.T, url string) map[string]any {
	t.Helper()
	var out map[string]any
	if err := json.Unmarshal(fetch(t, url), &out); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return out
}

// TestGuestSignsInAsExistingUser: a guest identity presented with the
// login of a user who already has an identity answers with the user's
// identity, and the guest identity merges into it (amplify sends exactly
// this when a guest signs in on a device that kept its guest identity).
func TestGuestSignsInAsExistingUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.CognitoIdentityProviders = []citypes.CognitoIdentityProvider{up.trust(false)}
		})
		x.setRoles(t, poolID, nil)
		ada := up.user(t, "ada")
		adaID := x.mustGetID(t, poolID, map[string]string{up.Provider: ada})
		guest := x.mustGetID(t, poolID, nil)
		if guest == adaID {
			t.Fatal("the guest got the user's identity")
		}
		out, err := x.creds(guest, map[string]string{up.IssuerKey: ada})
		if err != nil {
			t.Fatalf("GetCredentialsForIdentity(guest, ada's login): %v", err)
		}
		if got := aws.ToString(out.IdentityId); got != adaID {
			t.Fatalf("answered identity %s, want ada's %s", got, adaID)
		}
		if arn := x.callerArn(t, out.Credentials); arn != assumedRole(roleAuth) {
			t.Errorf("caller %s, want %s", arn, assumedRole(roleAuth))
		}
		_, err = x.CI.DescribeIdentity(env.Ctx, &ci.DescribeIdentityInput{IdentityId: aws.String(guest)})
		wantAPIError(t, err, "ResourceNotFoundException", "")
		// A user's identity never switches to another user's.
		bob := up.user(t, "bob")
		_, err = x.creds(adaID, map[string]string{up.Provider: bob})
		wantAPIError(t, err, "NotAuthorizedException", msgLoginsDontMatch)
	})
}
