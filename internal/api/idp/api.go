package idp

import (
	"log/slog"

	"github.com/incognito-idp/incognito/internal/authflow"
	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// TargetPrefix is the X-Amz-Target prefix of the user-pool API.
const TargetPrefix = "AWSCognitoIdentityProviderService"

// API holds what the operations need.
type API struct {
	pools *userpool.Service
	auth  *authflow.Service
	log   *slog.Logger
}

// New builds the API over the user-pool and sign-in services.
func New(pools *userpool.Service, auth *authflow.Service, log *slog.Logger) *API {
	return &API{pools: pools, auth: auth, log: log}
}

// Service is the dispatch table for awsjson.
func (a *API) Service() *awsjson.Service {
	ops := map[string]awsjson.Operation{}
	a.registerPools(ops)
	a.registerClients(ops)
	a.registerUsers(ops)
	a.registerGroups(ops)
	a.registerAuth(ops)
	a.registerSignUp(ops)
	a.registerSelf(ops)
	return &awsjson.Service{
		Target:      TargetPrefix,
		SigningName: "cognito-idp",
		Operations:  wrapErrors(ops),
		Known:       Operations,
	}
}

// iam registers an IAM-signed operation; public an unsigned one.
func iam(h awsjson.Handler) awsjson.Operation    { return awsjson.Operation{Handle: h} }
func public(h awsjson.Handler) awsjson.Operation { return awsjson.Operation{Public: true, Handle: h} }
