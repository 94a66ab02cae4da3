// Package identitypool is the domain of Cognito identity pools (Amazon
// Cognito Federated Identities): pools and their providers, roles and role
// mappings; identities, found again by the logins that made them (one user,
// one identity); the checks that make a login real (user-pool ID tokens
// verified for signature, expiry, issuer, audience and, on request, a live
// session); role resolution; the pools' own OpenID tokens; developer
// authenticated identities; and the trade of a verified login or token for
// temporary AWS credentials, both through GetCredentialsForIdentity and
// through STS AssumeRoleWithWebIdentity.
//
// It speaks in domain types and returns *Error values whose Code names the
// Cognito exception (and *STSError values with STS's codes for STS); the
// wire shapes live in api/identity and api/sts. It depends on the store
// interface, token, awscreds and narrow interfaces it declares itself
// (IDTokens, Vendor); it must not import net/http, any api package or a
// concrete store.
package identitypool
