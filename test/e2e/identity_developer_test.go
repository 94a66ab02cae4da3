package e2e

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
)

const devProvider = "login.example.app"

// TestDeveloperIdentities covers GetOpenIdTokenForDeveloperIdentity,
// LookupDeveloperIdentity, MergeDeveloperIdentities and
// UnlinkDeveloperIdentity, and the developer token as a login.
func TestDeveloperIdentities(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) {
			in.DeveloperProviderName = aws.String(devProvider)
			in.AllowUnauthenticatedIdentities = false
		})
		x.setRoles(t, poolID, nil)
		devToken := func(user string, identityID *string, duration *int64) (*ci.GetOpenIdTokenForDeveloperIdentityOutput, error) {
			return x.CI.GetOpenIdTokenForDeveloperIdentity(env.Ctx, &ci.GetOpenIdTokenForDeveloperIdentityInput{
				IdentityPoolId: aws.String(poolID), IdentityId: identityID, Logins: map[string]string{devProvider: user}, TokenDuration: duration,
			})
		}
		mustDev := func(user string, identityID *string) *ci.GetOpenIdTokenForDeveloperIdentityOutput {
			t.Helper()
			out, err := devToken(user, identityID, nil)
			if err != nil {
				t.Fatalf("GetOpenIdTokenForDeveloperIdentity %s: %v", user, err)
			}
			return out
		}
		u1 := mustDev("user-1", nil)
		id1 := aws.ToString(u1.IdentityId)
		if again := mustDev("user-1", nil); aws.ToString(again.IdentityId) != id1 {
			t.Errorf("user-1 got %s then %s", id1, aws.ToString(again.IdentityId))
		}
		id2 := aws.ToString(mustDev("user-2", nil).IdentityId)
		if id2 == id1 {
			t.Fatal("two developer users share an identity")
		}
		if linked := mustDev("user-3", aws.String(id1)); aws.ToString(linked.IdentityId) != id1 {
			t.Errorf("linking user-3 to %s gave %s", id1, aws.ToString(linked.IdentityId))
		}
		_, err := devToken("user-1", aws.String(id2), nil)
		wantAPIError(t, err, "DeveloperUserAlreadyRegisteredException", "")

		claims := claimsOf(t, aws.ToString(u1.Token))
		iat, _ := claims["iat"].(json.Number).Int64()
		exp, _ := claims["exp"].(json.Number).Int64()
		amr, _ := claims["amr"].([]any)
		if exp-iat != 900 || claims["sub"] != id1 || claims["aud"] != poolID || len(amr) != 3 || amr[0] != "authenticated" ||
			amr[1] != devProvider || amr[2] != devProvider+":"+poolID+":user-1" {
			t.Errorf("developer token claims %v", claims)
		}
		long, err := devToken("user-1", nil, aws.Int64(86400))
		if err != nil {
			t.Fatal(err)
		}
		lc := claimsOf(t, aws.ToString(long.Token))
		if li, _ := lc["iat"].(json.Number).Int64(); func() int64 { e, _ := lc["exp"].(json.Number).Int64(); return e - li }() != 86400 {
			t.Errorf("TokenDuration 86400 gave %v", lc)
		}
		_, err = devToken("user-1", nil, aws.Int64(86401))
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value '86401' at 'tokenDuration' failed to satisfy constraint: Member must have value less than or equal to 86400")

		// The token is the identity's login, in the public flow.
		login := map[string]string{"cognito-identity.amazonaws.com": aws.ToString(u1.Token)}
		if got := x.mustGetID(t, poolID, login); got != id1 {
			t.Errorf("GetId with the developer token: %s, want %s", got, id1)
		}
		if arn := x.callerArn(t, x.mustCreds(t, id1, login)); arn != assumedRole(roleAuth) {
			t.Errorf("caller %s", arn)
		}
		_, err = x.creds(id2, login)
		wantAPIError(t, err, "NotAuthorizedException", msgLoginsDontMatch)

		// LookupDeveloperIdentity, both ways.
		look, err := x.CI.LookupDeveloperIdentity(env.Ctx, &ci.LookupDeveloperIdentityInput{IdentityPoolId: aws.String(poolID), DeveloperUserIdentifier: aws.String("user-3")})
		if err != nil {
			t.Fatalf("LookupDeveloperIdentity: %v", err)
		}
		if aws.ToString(look.IdentityId) != id1 || len(look.DeveloperUserIdentifierList) != 2 {
			t.Errorf("lookup by user = %+v", look)
		}
		page, err := x.CI.LookupDeveloperIdentity(env.Ctx, &ci.LookupDeveloperIdentityInput{IdentityPoolId: aws.String(poolID), IdentityId: aws.String(id1), MaxResults: aws.Int32(1)})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.DeveloperUserIdentifierList) != 1 || page.DeveloperUserIdentifierList[0] != "user-1" || page.NextToken == nil {
			t.Fatalf("first page %+v", page)
		}
		page, err = x.CI.LookupDeveloperIdentity(env.Ctx, &ci.LookupDeveloperIdentityInput{IdentityPoolId: aws.String(poolID), IdentityId: aws.String(id1), MaxResults: aws.Int32(1), NextToken: page.NextToken})
		if err != nil || len(page.DeveloperUserIdentifierList) != 1 || page.DeveloperUserIdentifierList[0] != "user-3" || page.NextToken != nil {
			t.Fatalf("second page %+v, %v", page, err)
		}
		_, err = x.CI.LookupDeveloperIdentity(env.Ctx, &ci.LookupDeveloperIdentityInput{IdentityPoolId: aws.String(poolID), IdentityId: aws.String(id2), DeveloperUserIdentifier: aws.String("user-1")})
		wantAPIError(t, err, "ResourceConflictException", "")
		_, err = x.CI.LookupDeveloperIdentity(env.Ctx, &ci.LookupDeveloperIdentityInput{IdentityPoolId: aws.String(poolID), DeveloperUserIdentifier: aws.String("nobody")})
		wantAPIError(t, err, "ResourceNotFoundException", "")
		_, err = x.CI.LookupDeveloperIdentity(env.Ctx, &ci.LookupDeveloperIdentityInput{IdentityPoolId: aws.String(poolID)})
		wantAPIError(t, err, "InvalidParameterException", "")

		// MergeDeveloperIdentities: user-2's identity joins user-1's.
		_, err = x.CI.MergeDeveloperIdentities(env.Ctx, &ci.MergeDeveloperIdentitiesInput{IdentityPoolId: aws.String(poolID),
			DeveloperProviderName: aws.String("other.provider"), SourceUserIdentifier: aws.String("user-2"), DestinationUserIdentifier: aws.String("user-1")})
		wantAPIError(t, err, "InvalidParameterException", "")
		_, err = x.CI.MergeDeveloperIdentities(env.Ctx, &ci.MergeDeveloperIdentitiesInput{IdentityPoolId: aws.String(poolID),
			DeveloperProviderName: aws.String(devProvider), SourceUserIdentifier: aws.String("nobody"), DestinationUserIdentifier: aws.String("user-1")})
		wantAPIError(t, err, "ResourceNotFoundException", "")
		merged, err := x.CI.MergeDeveloperIdentities(env.Ctx, &ci.MergeDeveloperIdentitiesInput{IdentityPoolId: aws.String(poolID),
			DeveloperProviderName: aws.String(devProvider), SourceUserIdentifier: aws.String("user-2"), DestinationUserIdentifier: aws.String("user-1")})
		if err != nil {
			t.Fatalf("MergeDeveloperIdentities: %v", err)
		}
		if aws.ToString(merged.IdentityId) != id1 {
			t.Errorf("merged into %s, want %s", aws.ToString(merged.IdentityId), id1)
		}
		if got := aws.ToString(mustDev("user-2", nil).IdentityId); got != id1 {
			t.Errorf("user-2 now reaches %s, want %s", got, id1)
		}
		_, err = x.CI.DescribeIdentity(env.Ctx, &ci.DescribeIdentityInput{IdentityId: aws.String(id2)})
		wantAPIError(t, err, "ResourceNotFoundException", "Identity '"+id2+"' not found.")

		// UnlinkDeveloperIdentity: user-3 no longer reaches id1.
		if _, err := x.CI.UnlinkDeveloperIdentity(env.Ctx, &ci.UnlinkDeveloperIdentityInput{IdentityId: aws.String(id1), IdentityPoolId: aws.String(poolID),
			DeveloperProviderName: aws.String(devProvider), DeveloperUserIdentifier: aws.String("user-3")}); err != nil {
			t.Fatalf("UnlinkDeveloperIdentity: %v", err)
		}
		_, err = x.CI.LookupDeveloperIdentity(env.Ctx, &ci.LookupDeveloperIdentityInput{IdentityPoolId: aws.String(poolID), DeveloperUserIdentifier: aws.String("user-3")})
		wantAPIError(t, err, "ResourceNotFoundException", "")
		_, err = x.CI.UnlinkDeveloperIdentity(env.Ctx, &ci.UnlinkDeveloperIdentityInput{IdentityId: aws.String(id1), IdentityPoolId: aws.String(poolID),
			DeveloperProviderName: aws.String(devProvider), DeveloperUserIdentifier: aws.String("user-3")})
		wantAPIError(t, err, "ResourceNotFoundException", "")
		if got := aws.ToString(mustDev("user-3", nil).IdentityId); got == id1 {
			t.Error("the unlinked developer user still reaches the identity")
		}

		// A developer login must be the pool's own developer provider.
		_, err = x.CI.GetOpenIdTokenForDeveloperIdentity(env.Ctx, &ci.GetOpenIdTokenForDeveloperIdentityInput{
			IdentityPoolId: aws.String(poolID), Logins: map[string]string{"other.provider": "user-1"}})
		wantAPIError(t, err, "NotAuthorizedException", "")
		plain := x.newIdentityPool(t, nil)
		_, err = x.CI.GetOpenIdTokenForDeveloperIdentity(env.Ctx, &ci.GetOpenIdTokenForDeveloperIdentityInput{
			IdentityPoolId: aws.String(plain), Logins: map[string]string{devProvider: "user-1"}})
		wantAPIError(t, err, "NotAuthorizedException", "")
	})
}

// TestDeveloperTokenExpires: an expired OpenID token is refused as a
// login, with Cognito's message.
func TestDeveloperTokenExpires(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		poolID := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) { in.DeveloperProviderName = aws.String(devProvider) })
		x.setRoles(t, poolID, nil)
		out, err := x.CI.GetOpenIdTokenForDeveloperIdentity(env.Ctx, &ci.GetOpenIdTokenForDeveloperIdentityInput{
			IdentityPoolId: aws.String(poolID), Logins: map[string]string{devProvider: "short-lived"}, TokenDuration: aws.Int64(1)})
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(2100 * time.Millisecond)
		_, err = x.creds(aws.ToString(out.IdentityId), map[string]string{"cognito-identity.amazonaws.com": aws.ToString(out.Token)})
		wantAPIError(t, err, "NotAuthorizedException", "")
		exp, _ := claimsOf(t, aws.ToString(out.Token))["exp"].(json.Number).Int64()
		msg := apiMessage(err)
		var now, gotExp int64
		if n, _ := sscanExpired(msg, &now, &gotExp); n != 2 || gotExp != exp || now < exp {
			t.Errorf("expired-token message %q (exp %d)", msg, exp)
		}
	})
}
