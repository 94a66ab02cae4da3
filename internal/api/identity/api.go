package identity

import (
	"log/slog"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/identitypool"
)

// TargetPrefix is the X-Amz-Target prefix of the identity-pool API.
const TargetPrefix = "AWSCognitoIdentityService"

// SigningName is the SigV4 service name of the identity-pool API.
const SigningName = "cognito-identity"

// Operations lists every operation of the cognito-identity API model
// (2014-06-30, 23 operations).
var Operations = []string{
	"CreateIdentityPool", "DeleteIdentities", "DeleteIdentityPool", "DescribeIdentity",
	"DescribeIdentityPool", "GetCredentialsForIdentity", "GetId", "GetIdentityPoolRoles",
	"GetOpenIdToken", "GetOpenIdTokenForDeveloperIdentity", "GetPrincipalTagAttributeMap",
	"ListIdentities", "ListIdentityPools", "ListTagsForResource", "LookupDeveloperIdentity",
	"MergeDeveloperIdentities", "SetIdentityPoolRoles", "SetPrincipalTagAttributeMap",
	"TagResource", "UnlinkDeveloperIdentity", "UnlinkIdentity", "UntagResource", "UpdateIdentityPool",
}

// API holds what the operations need.
type API struct {
	pools *identitypool.Service
	log   *slog.Logger
}

// New builds the API over the identity-pool service.
func New(pools *identitypool.Service, log *slog.Logger) *API {
	return &API{pools: pools, log: log}
}

// Service is the dispatch table for awsjson. GetId,
// GetCredentialsForIdentity, GetOpenIdToken and UnlinkIdentity are public
// (the model's noAuth); every other operation is SigV4-signed.
func (a *API) Service() *awsjson.Service {
	ops := map[string]awsjson.Operation{
		"CreateIdentityPool":                 iam(awsjson.Typed(a.createIdentityPool)),
		"DescribeIdentityPool":               iam(awsjson.Typed(a.describeIdentityPool)),
		"UpdateIdentityPool":                 iam(awsjson.Typed(a.updateIdentityPool)),
		"DeleteIdentityPool":                 iam(awsjson.Typed(a.deleteIdentityPool)),
		"ListIdentityPools":                  iam(awsjson.Typed(a.listIdentityPools)),
		"SetIdentityPoolRoles":               iam(awsjson.Typed(a.setIdentityPoolRoles)),
		"GetIdentityPoolRoles":               iam(awsjson.Typed(a.getIdentityPoolRoles)),
		"GetId":                              public(awsjson.Typed(a.getID)),
		"GetCredentialsForIdentity":          public(awsjson.Typed(a.getCredentialsForIdentity)),
		"GetOpenIdToken":                     public(awsjson.Typed(a.getOpenIDToken)),
		"UnlinkIdentity":                     public(awsjson.Typed(a.unlinkIdentity)),
		"GetOpenIdTokenForDeveloperIdentity": iam(awsjson.Typed(a.getOpenIDTokenForDeveloperIdentity)),
		"LookupDeveloperIdentity":            iam(awsjson.Typed(a.lookupDeveloperIdentity)),
		"MergeDeveloperIdentities":           iam(awsjson.Typed(a.mergeDeveloperIdentities)),
		"UnlinkDeveloperIdentity":            iam(awsjson.Typed(a.unlinkDeveloperIdentity)),
		"ListIdentities":                     iam(awsjson.Typed(a.listIdentities)),
		"DescribeIdentity":                   iam(awsjson.Typed(a.describeIdentity)),
		"DeleteIdentities":                   iam(awsjson.Typed(a.deleteIdentities)),
		"SetPrincipalTagAttributeMap":        iam(awsjson.Typed(a.setPrincipalTagAttributeMap)),
		"GetPrincipalTagAttributeMap":        iam(awsjson.Typed(a.getPrincipalTagAttributeMap)),
		"TagResource":                        iam(awsjson.Typed(a.tagResource)),
		"UntagResource":                      iam(awsjson.Typed(a.untagResource)),
		"ListTagsForResource":                iam(awsjson.Typed(a.listTagsForResource)),
	}
	return &awsjson.Service{
		Target:      TargetPrefix,
		SigningName: SigningName,
		Operations:  wrapErrors(ops),
		Known:       Operations,
	}
}

// iam registers an IAM-signed operation; public an unsigned one.
func iam(h awsjson.Handler) awsjson.Operation    { return awsjson.Operation{Handle: h} }
func public(h awsjson.Handler) awsjson.Operation { return awsjson.Operation{Public: true, Handle: h} }
