package e2e

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
)

// TestIdentityPoolLifecycle covers Create, Describe, Update, List and
// Delete of identity pools, and their refusals.
func TestIdentityPoolLifecycle(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		up := newUserPoolSide(t, env, nil)
		out, err := x.CI.CreateIdentityPool(env.Ctx, &ci.CreateIdentityPoolInput{
			IdentityPoolName:               aws.String("demo app, v2 @ example.com"),
			AllowUnauthenticatedIdentities: true,
			AllowClassicFlow:               aws.Bool(true),
			DeveloperProviderName:          aws.String("login.example.app"),
			SupportedLoginProviders:        map[string]string{"accounts.google.com": "123.apps.googleusercontent.com"},
			CognitoIdentityProviders:       []citypes.CognitoIdentityProvider{up.trust(true)},
			OpenIdConnectProviderARNs:      []string{"arn:aws:iam::000000000000:oidc-provider/login.example.com"},
			IdentityPoolTags:               map[string]string{"team": "web"},
		})
		if err != nil {
			t.Fatalf("CreateIdentityPool: %v", err)
		}
		id := aws.ToString(out.IdentityPoolId)
		if !strings.HasPrefix(id, "us-east-1:") || len(id) != len("us-east-1:")+36 {
			t.Errorf("identity pool ID %q is not <region>:<uuid>", id)
		}
		got, err := x.CI.DescribeIdentityPool(env.Ctx, &ci.DescribeIdentityPoolInput{IdentityPoolId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeIdentityPool: %v", err)
		}
		if aws.ToString(got.IdentityPoolName) != "demo app, v2 @ example.com" || !got.AllowUnauthenticatedIdentities ||
			!aws.ToBool(got.AllowClassicFlow) || aws.ToString(got.DeveloperProviderName) != "login.example.app" ||
			len(got.CognitoIdentityProviders) != 1 || aws.ToString(got.CognitoIdentityProviders[0].ClientId) != up.clientID ||
			!aws.ToBool(got.CognitoIdentityProviders[0].ServerSideTokenCheck) ||
			got.SupportedLoginProviders["accounts.google.com"] != "123.apps.googleusercontent.com" ||
			len(got.OpenIdConnectProviderARNs) != 1 || got.IdentityPoolTags["team"] != "web" {
			t.Errorf("DescribeIdentityPool = %+v", got)
		}

		// UpdateIdentityPool replaces the settings; the developer provider
		// name stays and cannot change.
		upd, err := x.CI.UpdateIdentityPool(env.Ctx, &ci.UpdateIdentityPoolInput{
			IdentityPoolId: aws.String(id), IdentityPoolName: aws.String("renamed"), AllowUnauthenticatedIdentities: false,
		})
		if err != nil {
			t.Fatalf("UpdateIdentityPool: %v", err)
		}
		if aws.ToString(upd.IdentityPoolName) != "renamed" || upd.AllowUnauthenticatedIdentities || aws.ToBool(upd.AllowClassicFlow) ||
			len(upd.CognitoIdentityProviders) != 0 || aws.ToString(upd.DeveloperProviderName) != "login.example.app" ||
			upd.IdentityPoolTags["team"] != "web" {
			t.Errorf("UpdateIdentityPool = %+v", upd)
		}
		_, err = x.CI.UpdateIdentityPool(env.Ctx, &ci.UpdateIdentityPoolInput{
			IdentityPoolId: aws.String(id), IdentityPoolName: aws.String("renamed"), DeveloperProviderName: aws.String("other.provider"),
		})
		wantAPIError(t, err, "InvalidParameterException", "The developer provider name cannot be changed once set.")

		second := x.newIdentityPool(t, nil)
		third := x.newIdentityPool(t, nil)
		seen := map[string]bool{}
		var next *string
		for pages := 0; ; pages++ {
			list, err := x.CI.ListIdentityPools(env.Ctx, &ci.ListIdentityPoolsInput{MaxResults: aws.Int32(2), NextToken: next})
			if err != nil {
				t.Fatalf("ListIdentityPools: %v", err)
			}
			if len(list.IdentityPools) > 2 {
				t.Fatalf("page of %d pools with MaxResults 2", len(list.IdentityPools))
			}
			for _, p := range list.IdentityPools {
				seen[aws.ToString(p.IdentityPoolId)] = true
			}
			if next = list.NextToken; next == nil {
				break
			}
		}
		if len(seen) != 3 || !seen[id] || !seen[second] || !seen[third] {
			t.Errorf("ListIdentityPools saw %v", seen)
		}

		if _, err := x.CI.DeleteIdentityPool(env.Ctx, &ci.DeleteIdentityPoolInput{IdentityPoolId: aws.String(second)}); err != nil {
			t.Fatalf("DeleteIdentityPool: %v", err)
		}
		_, err = x.CI.DescribeIdentityPool(env.Ctx, &ci.DescribeIdentityPoolInput{IdentityPoolId: aws.String(second)})
		wantAPIError(t, err, "ResourceNotFoundException", "IdentityPool '"+second+"' not found.")
		_, err = x.CI.DeleteIdentityPool(env.Ctx, &ci.DeleteIdentityPoolInput{IdentityPoolId: aws.String(second)})
		wantAPIError(t, err, "ResourceNotFoundException", "IdentityPool '"+second+"' not found.")
		_, err = x.CI.UpdateIdentityPool(env.Ctx, &ci.UpdateIdentityPoolInput{IdentityPoolId: aws.String(second), IdentityPoolName: aws.String("x")})
		wantAPIError(t, err, "ResourceNotFoundException", "IdentityPool '"+second+"' not found.")
	})
}

func TestIdentityPoolValidation(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		cases := []struct {
			name string
			in   *ci.CreateIdentityPoolInput
			typ  string
			msg  string
		}{
			{"name with a slash", &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("a/b")}, "InvalidParameterException",
				`1 validation error detected: Value 'a/b' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+`},
			{"name too long", &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String(strings.Repeat("n", 129))}, "InvalidParameterException",
				"1 validation error detected: Value '" + strings.Repeat("n", 129) + "' at 'identityPoolName' failed to satisfy constraint: Member must have length less than or equal to 128"},
			{"bad developer provider", &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("p"), DeveloperProviderName: aws.String("a b")}, "InvalidParameterException",
				`1 validation error detected: Value 'a b' at 'developerProviderName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w._-]+`},
			{"bad client ID", &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("p"), CognitoIdentityProviders: []citypes.CognitoIdentityProvider{
				{ProviderName: aws.String("cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc"), ClientId: aws.String("a-b")}}}, "InvalidParameterException",
				`1 validation error detected: Value 'a-b' at 'cognitoIdentityProviders.1.member.clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w_]+`},
			{"provider that is not a user pool", &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("p"), CognitoIdentityProviders: []citypes.CognitoIdentityProvider{
				{ProviderName: aws.String("accounts.google.com"), ClientId: aws.String("abc")}}}, "InvalidParameterException", ""},
			{"short OIDC ARN", &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("p"), OpenIdConnectProviderARNs: []string{"arn:x"}}, "InvalidParameterException",
				"1 validation error detected: Value 'arn:x' at 'openIdConnectProviderARNs.1.member' failed to satisfy constraint: Member must have length greater than or equal to 20"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := x.CI.CreateIdentityPool(env.Ctx, tc.in)
				wantAPIError(t, err, tc.typ, tc.msg)
			})
		}
		_, err := x.CI.DescribeIdentityPool(env.Ctx, &ci.DescribeIdentityPoolInput{IdentityPoolId: aws.String("not-a-pool-id")})
		wantAPIError(t, err, "InvalidParameterException",
			`1 validation error detected: Value 'not-a-pool-id' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+:[0-9a-f-]+`)
		_, err = x.CI.DescribeIdentityPool(env.Ctx, &ci.DescribeIdentityPoolInput{IdentityPoolId: aws.String("us-east-1:00000000-0000-4000-8000-000000000000")})
		wantAPIError(t, err, "ResourceNotFoundException", "IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found.")
		_, err = x.CI.ListIdentityPools(env.Ctx, &ci.ListIdentityPoolsInput{MaxResults: aws.Int32(61)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60")
	})
}

// TestIdentityPoolAdminNeedsAdminKeys: every management operation is
// IAM-signed and refuses unknown keys.
func TestIdentityPoolAdminNeedsAdminKeys(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		_, err := x.Anon.ListIdentityPools(env.Ctx, &ci.ListIdentityPoolsInput{MaxResults: aws.Int32(10)})
		wantAPIError(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")
		_, err = x.Anon.CreateIdentityPool(env.Ctx, &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("p")})
		wantAPIError(t, err, "UnrecognizedClientException", "")
		_, err = x.Anon.GetOpenIdTokenForDeveloperIdentity(env.Ctx, &ci.GetOpenIdTokenForDeveloperIdentityInput{
			IdentityPoolId: aws.String("us-east-1:00000000-0000-4000-8000-000000000000"), Logins: map[string]string{"dev": "u"}})
		wantAPIError(t, err, "UnrecognizedClientException", "")
	})
}

// TestIdentityPoolTags covers TagResource, UntagResource and
// ListTagsForResource on identity pool ARNs.
func TestIdentityPoolTags(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		id := x.newIdentityPool(t, func(in *ci.CreateIdentityPoolInput) { in.IdentityPoolTags = map[string]string{"a": "1"} })
		arn := "arn:aws:cognito-identity:us-east-1:000000000000:identitypool/" + id
		if _, err := x.CI.TagResource(env.Ctx, &ci.TagResourceInput{ResourceArn: aws.String(arn), Tags: map[string]string{"b": "2", "a": "one"}}); err != nil {
			t.Fatalf("TagResource: %v", err)
		}
		if _, err := x.CI.UntagResource(env.Ctx, &ci.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"b", "absent"}}); err != nil {
			t.Fatalf("UntagResource: %v", err)
		}
		out, err := x.CI.ListTagsForResource(env.Ctx, &ci.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
		if err != nil {
			t.Fatalf("ListTagsForResource: %v", err)
		}
		if len(out.Tags) != 1 || out.Tags["a"] != "one" {
			t.Errorf("tags = %v", out.Tags)
		}
		desc, _ := x.CI.DescribeIdentityPool(env.Ctx, &ci.DescribeIdentityPoolInput{IdentityPoolId: aws.String(id)})
		if desc.IdentityPoolTags["a"] != "one" {
			t.Errorf("DescribeIdentityPool tags = %v", desc.IdentityPoolTags)
		}
		gone := "arn:aws:cognito-identity:us-east-1:000000000000:identitypool/us-east-1:00000000-0000-4000-8000-000000000000"
		_, err = x.CI.ListTagsForResource(env.Ctx, &ci.ListTagsForResourceInput{ResourceArn: aws.String(gone)})
		wantAPIError(t, err, "ResourceNotFoundException", "IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found.")
		_, err = x.CI.TagResource(env.Ctx, &ci.TagResourceInput{ResourceArn: aws.String("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_X"), Tags: map[string]string{"a": "b"}})
		wantAPIError(t, err, "InvalidParameterException", "")
		_, err = x.CI.UntagResource(env.Ctx, &ci.UntagResourceInput{ResourceArn: aws.String(gone), TagKeys: []string{"a"}})
		wantAPIError(t, err, "ResourceNotFoundException", "")
	})
}

// TestPrincipalTagAttributeMap covers Set and GetPrincipalTagAttributeMap.
func TestPrincipalTagAttributeMap(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		x := identities(env)
		id := x.newIdentityPool(t, nil)
		provider := "cognito-idp.us-east-1.amazonaws.com/us-east-1_TagPool1"
		get := func() *ci.GetPrincipalTagAttributeMapOutput {
			out, err := x.CI.GetPrincipalTagAttributeMap(env.Ctx, &ci.GetPrincipalTagAttributeMapInput{IdentityPoolId: aws.String(id), IdentityProviderName: aws.String(provider)})
			if err != nil {
				t.Fatalf("GetPrincipalTagAttributeMap: %v", err)
			}
			return out
		}
		if before := get(); aws.ToBool(before.UseDefaults) || len(before.PrincipalTags) != 0 {
			t.Errorf("unset map = %+v", before)
		}
		set, err := x.CI.SetPrincipalTagAttributeMap(env.Ctx, &ci.SetPrincipalTagAttributeMapInput{
			IdentityPoolId: aws.String(id), IdentityProviderName: aws.String(provider), UseDefaults: aws.Bool(true),
		})
		if err != nil {
			t.Fatalf("SetPrincipalTagAttributeMap: %v", err)
		}
		if !aws.ToBool(set.UseDefaults) || set.PrincipalTags["client"] != "aud" || set.PrincipalTags["username"] != "sub" {
			t.Errorf("defaults = %+v", set)
		}
		_, err = x.CI.SetPrincipalTagAttributeMap(env.Ctx, &ci.SetPrincipalTagAttributeMapInput{
			IdentityPoolId: aws.String(id), IdentityProviderName: aws.String(provider), PrincipalTags: map[string]string{"team": "custom:team"},
		})
		if err != nil {
			t.Fatal(err)
		}
		if after := get(); aws.ToBool(after.UseDefaults) || len(after.PrincipalTags) != 1 || after.PrincipalTags["team"] != "custom:team" {
			t.Errorf("custom map = %+v", after)
		}
		_, err = x.CI.GetPrincipalTagAttributeMap(env.Ctx, &ci.GetPrincipalTagAttributeMapInput{
			IdentityPoolId: aws.String("us-east-1:00000000-0000-4000-8000-000000000000"), IdentityProviderName: aws.String(provider)})
		wantAPIError(t, err, "ResourceNotFoundException", "")
		long := strings.Repeat("p", 129)
		_, err = x.CI.SetPrincipalTagAttributeMap(env.Ctx, &ci.SetPrincipalTagAttributeMapInput{IdentityPoolId: aws.String(id), IdentityProviderName: aws.String(long)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value '"+long+"' at 'identityProviderName' failed to satisfy constraint: Member must have length less than or equal to 128")
	})
}
