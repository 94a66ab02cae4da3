package token

import "errors"

// Errors returned by Verify, VerifyUse and Peek. They are wrapped with
// detail, so test with errors.Is. Only ErrExpired means Cognito's
// "Access Token has expired"; every other one means "Invalid Access Token"
// (or the ID-token equivalent). The detail is for logs, not for clients.
var (
	// ErrMalformed: not a compact JWS, bad base64 or JSON, missing kid or exp.
	ErrMalformed = errors.New("token: malformed")
	// ErrSignature: an algorithm other than RS256, an unknown kid, or a
	// signature that does not verify with the key the kid names.
	ErrSignature = errors.New("token: invalid signature")
	// ErrExpired: exp is at or before now.
	ErrExpired = errors.New("token: expired")
	// ErrNotYetValid: nbf is after now, or iat is too far after now.
	ErrNotYetValid = errors.New("token: not yet valid")
	// ErrWrongUse: token_use does not match the key that signed the token,
	// or is not the use the caller asked for.
	ErrWrongUse = errors.New("token: wrong token_use")
)

// ErrNoSigningKey is returned by Sign when the KeySet has no active key for
// the requested use.
var ErrNoSigningKey = errors.New("token: no active signing key for this use")
