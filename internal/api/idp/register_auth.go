package idp

import "github.com/incognito-idp/incognito/internal/awsjson"

// registerAuth adds sign-in, tokens and sign-out.
func (a *API) registerAuth(ops map[string]awsjson.Operation) {
	ops["InitiateAuth"] = public(awsjson.Typed(a.initiateAuth))
	ops["AdminInitiateAuth"] = iam(awsjson.Typed(a.adminInitiateAuth))
	ops["RespondToAuthChallenge"] = public(awsjson.Typed(a.respondToAuthChallenge))
	ops["AdminRespondToAuthChallenge"] = iam(awsjson.Typed(a.adminRespondToAuthChallenge))
	ops["GetTokensFromRefreshToken"] = public(awsjson.Typed(a.getTokensFromRefreshToken))
	ops["RevokeToken"] = public(awsjson.Typed(a.revokeToken))
	ops["GlobalSignOut"] = public(awsjson.Typed(a.globalSignOut))
	ops["AdminUserGlobalSignOut"] = iam(awsjson.Typed(a.adminUserGlobalSignOut))
	ops["GetUser"] = public(awsjson.Typed(a.getUser))
}
