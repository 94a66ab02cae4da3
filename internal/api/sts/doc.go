// Package sts serves the two STS actions Incognito's identity pools need,
// on the same port: AssumeRoleWithWebIdentity (unsigned, trading an OpenID
// token for credentials) and GetCallerIdentity (signed with credentials
// Incognito vended, or with the admin keys). It speaks the query protocol
// through awsquery and may import awsquery, awscreds and sigv4.
package sts
