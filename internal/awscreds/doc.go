// Package awscreds vends temporary AWS credentials (identity pools'
// GetCredentialsForIdentity, STS AssumeRoleWithWebIdentity) and looks them
// up again, so a request SigV4-signed with vended credentials is verified
// by Incognito itself: the secret key is sealed at rest, the session token
// kept only as a hash, and the principal (role, identity, claims) stays
// attached for policy checks.
//
// It imports store (the IdentityStore rows) and nothing else of Incognito's.
package awscreds
