// Package authflow signs users in: InitiateAuth and RespondToAuthChallenge
// (and their Admin variants) as a state machine whose state crosses
// requests only sealed inside the opaque Session and SECRET_BLOCK, so any
// replica can continue any flow; token issuance from per-pool signing keys;
// refresh, revocation and sign-out; and verification of access tokens for
// the operations that take one.
//
// It builds on userpool (pools, clients, users), srp, token and the store's
// AuthStore. It must not import net/http wire types or any api package.
package authflow
