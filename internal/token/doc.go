// Package token mints and verifies the JSON Web Tokens an Incognito user
// pool hands out, in the shape Amazon Cognito gives them, and makes the
// opaque refresh tokens that go with them.
//
// What lives here:
//
//   - Key and KeySet: a pool's RSA signing keys and the rotation rule (the
//     newest active key per use signs; a retired key keeps verifying and
//     stays in the JWKS until every token it signed has expired), and
//     MarshalKey/UnmarshalKey so the caller can seal keys before storing them.
//   - KeySet.JWKS: the document served at <issuer>/.well-known/jwks.json,
//     rendered once per KeySet.
//   - KeySet.Sign and the claim builders IDClaims and AccessClaims, which
//     follow the ID and access token claim sets of the Cognito developer
//     guide.
//   - KeySet.Verify and Peek, for tokens that come back to us (GetUser,
//     GlobalSignOut, /oauth2/userInfo, identity-pool logins).
//   - NewOpaque and HashOpaque: refresh tokens are random strings that only
//     look like Cognito's JWE; only their SHA-256 is ever stored.
//   - UseIdentity: keys of the identity pools' OpenID tokens, whose claims
//     carry no token_use (Sign and Verify insist on its absence, so such a
//     token can never pass for a user-pool token, nor the other way round).
//     Cognito signs those with RS512; Incognito keeps RS256 for them too.
//
// Compatibility with aws-jwt-verify (awslabs/aws-jwt-verify) and other
// Cognito-aware verifiers: every token header is exactly
// {"kid":"<kid>","alg":"RS256"}; kid is always a string (base64 of an
// RFC 7638 SHA-256 thumbprint, 44 characters, as Cognito's look); every JWK
// carries "alg":"RS256" and "use":"sig", which that library checks. It also
// hard-codes the AWS issuer URL, so a pool meant for it must be run with the
// AWS issuer style and its verifier given our JWKS (cacheJwks or a custom
// fetcher).
//
// The package is a leaf: it imports the standard library and
// github.com/go-jose/go-jose/v4 only, and no other Incognito package (not
// store, not userpool); a test enforces this. Time and randomness are passed
// in by the caller.
package token
