// Package sigv4 verifies AWS Signature Version 4 on incoming HTTP requests,
// the way AWS's own JSON services do for IAM-signed operations (Cognito's
// Admin* calls, for instance).
//
// Both forms of the signature are accepted: the Authorization header
// ("AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/cognito-idp/aws4_request,
// SignedHeaders=..., Signature=...") with X-Amz-Date or Date, and the
// presigned query string (X-Amz-Algorithm, X-Amz-Credential, ...).
//
// The code follows the steps of the specification, one small pure function
// each (see "Create a signed AWS API request" in the IAM user guide):
//
//  1. parse the authorization (authorization.go, presign.go)
//  2. build the canonical request: method, canonical URI, canonical query
//     string, canonical headers, signed headers, payload hash (canonical.go)
//  3. build the string to sign (signature.go)
//  4. derive the signing key from the secret and the credential scope
//  5. compute the signature and compare it in constant time (verify.go)
//
// Errors are *Error values carrying the __type and message that AWS answers
// with (MissingAuthenticationTokenException, IncompleteSignatureException,
// UnrecognizedClientException, InvalidSignatureException).
//
// A Verifier without Credentials is development mode: the secret is unknown,
// so the HMAC cannot be checked, but everything else (syntax, scope, clock
// skew, payload hash header) still is.
//
// The package is a leaf: it imports only the standard library and no other
// Incognito package. Time is injected through Verifier.Now.
package sigv4
