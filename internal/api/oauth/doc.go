// Package oauth serves the user pools' HTTP endpoints outside the AWS JSON
// API: the per-pool JWKS and OpenID Connect discovery documents (and, in a
// later issue, the hosted UI and /oauth2/*). It may import authflow and
// userpool; never a store backend.
package oauth
