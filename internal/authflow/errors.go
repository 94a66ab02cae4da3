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

func errSecretMissing(clientID string) error {
	return userpool.Errorf(userpool.NotAuthorized, "Client %s is configured for secret but secret was not received", clientID)
}

func errSecretWrong(clientID string) error {
	return userpool.Errorf(userpool.NotAuthorized, "Unable to verify secret hash for client %s", clientID)
}

func errFlowDisabled(flow string) error {
	return userpool.Invalid("%s flow not enabled for this client", flow)
}
