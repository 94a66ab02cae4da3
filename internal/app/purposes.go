package app

// The purposes under which secrets are sealed: each kind gets its own key
// derived from the master key. Tools that open the store outside a server
// (`incognito keys`) must use the same ones; changing one makes whatever it
// sealed unreadable.
const (
	PurposeUserSecrets    = "user-secrets"
	PurposeAuthSession    = "auth-session"
	PurposeSigningKeys    = "signing-keys"
	PurposeAWSCredentials = "aws-credentials"
	PurposeIdentityKeys   = "identity-openid-keys"
)
