// Package awsjson serves the AWS JSON 1.1 protocol that Cognito's APIs speak:
// POST / with X-Amz-Target "<Service>.<Operation>", bodies in
// application/x-amz-json-1.1, errors as {"__type","message"} with
// X-Amzn-ErrorType, x-amzn-RequestId on every response, and CORS answers for
// browser SDKs.
//
// It knows nothing of user pools: api/idp and api/identity register
// operations with it. It may import sigv4 (to check IAM-signed operations)
// and nothing else of Incognito's.
package awsjson
