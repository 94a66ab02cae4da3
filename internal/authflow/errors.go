package authflow

import "github.com/incognito-idp/incognito/internal/userpool"

// Cognito's answers, worded as the service words them (clients and apps
// match some of these strings).
func errIncorrect() error {
	return userpool.Errorf(userpool.NotAuthorized, "Incorrect username or password.")
}

func errMissing(name string) error {
	return userpool.Invalid("Missing required parameter %s", name)
}

func errDisabled() error { return userpool.Errorf(userpool.NotAuthorized, "User is disabled.") }

func errNotConfirmed() error {
	return userpool.Errorf(userpool.UserNotConfirmed, "User is not confirmed.")
}

func errResetRequired() error {
	return userpool.Errorf(userpool.PasswordResetRequired, "Password reset required for the user")
}

func errTempExpired() error {
	return userpool.Errorf(userpool.NotAuthorized, "Temporary password has expired and must be reset by an administrator.")
}

func errInvalidRefresh() error {
	return userpool.Errorf(userpool.NotAuthorized, "Invalid Refresh Token")
}

func errRevokedRefresh() error {
	return userpool.Errorf(userpool.NotAuthorized, "Refresh Token has been revoked")
}

// errRefreshReuse answers a refresh token that rotation has replaced.
func errRefreshReuse() error {
	return userpool.Errorf(userpool.RefreshTokenReuse, "Refresh token has been already used.")
}

func errSecretMissing(clientID string) error {
	return userpool.Errorf(userpool.NotAuthorized, "Client %s is configured for secret but secret was not received", clientID)
}

// errFlowDisabled is the answer for a flow the client's ExplicitAuthFlows
// do not allow, worded per flow as Cognito words it.
func errFlowDisabled(flow string) error {
	switch flow {
	case FlowUserSRP:
		return userpool.Invalid("USER_SRP_AUTH is not enabled for the client.")
	case FlowAdminUserPassword, FlowAdminNoSRP:
		return userpool.Invalid("Auth flow not enabled for this client")
	case FlowRefreshToken, FlowRefreshTokenAlias:
		return userpool.Invalid("Refresh Token flow not enabled for this client")
	}
	return userpool.Invalid("%s flow not enabled for this client", flow)
}

// errMethodNotSupported answers a flow the operation does not take (the
// admin password flows through InitiateAuth, USER_PASSWORD_AUTH through
// AdminInitiateAuth).
func errMethodNotSupported() error {
	return userpool.Invalid("Initiate Auth method not supported")
}

// errUnauthorized is RevokeToken's answer for a client that may not
// revoke the token (RevokeToken declares UnauthorizedException, not
// NotAuthorizedException).
func errUnauthorized(format string, args ...any) error {
	return userpool.Errorf(userpool.Code("UnauthorizedException"), format, args...)
}
