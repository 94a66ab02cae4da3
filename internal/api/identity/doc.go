// Package identity serves AWSCognitoIdentityService, the identity-pool API,
// over awsjson: one file per operation, each holding its wire structs (what
// the AWS SDKs send and read) and the conversion to and from the
// identitypool domain. errors.go maps domain errors to Cognito's __type and
// message. sts_backend.go adapts the domain to api/sts.
//
// It may import awsjson, identitypool, awscreds, api/sts (for its Backend
// types) and store (for sentinel errors only); never a concrete store
// backend.
package identity
