package srp

import "errors"

// Errors returned for values that came from the other party or from storage.
// A wrong password is not an error: VerifyClaim answers false.
var (
	// ErrInvalidA: SRP_A is not a hex number in [1, N-1], or it makes u zero.
	ErrInvalidA = errors.New("srp: invalid SRP_A")
	// ErrInvalidB: SRP_B is not hex, is 0 mod N, or makes u zero.
	ErrInvalidB = errors.New("srp: invalid SRP_B")
	// ErrInvalidSalt: SALT is not a hex number.
	ErrInvalidSalt = errors.New("srp: invalid SALT")
	// ErrInvalidVerifier: a stored or submitted verifier is not in [1, N-1]
	// or a device verifier config does not decode.
	ErrInvalidVerifier = errors.New("srp: invalid password verifier")
	// ErrInvalidState: a ServerState whose B or b is missing or out of range.
	ErrInvalidState = errors.New("srp: invalid server state")
	// ErrRandom: the random source failed or kept producing degenerate values.
	ErrRandom = errors.New("srp: random source failed")
)
