package app

// The purposes under which secrets are sealed: each kind gets its own key
// derived from the master key. Changing one makes whatever it sealed
// unreadable.
const (
	purposeUserSecrets    = "user-secrets"
	purposeAuthSession    = "auth-session"
	purposeSigningKeys    = "signing-keys"
	purposeAWSCredentials = "aws-credentials"
	purposeIdentityKeys   = "identity-openid-keys"
)
