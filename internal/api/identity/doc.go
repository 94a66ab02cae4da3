// Package identity serves AWSCognitoIdentityService, the identity-pool API,
// over awsjson: one file per operation, each holding its wire structs (what
// the AWS SDKs send and read) and the conversion to and from the
// identitypool domain. errors.go maps domain errors to Cognito's __type and
// message (through api/apierror). sts_backend.go adapts the domain to
// api/sts.
//
// It may import awsjson, api/apierror, identitypool, awscreds and api/sts
// (for its Backend types); never a concrete store backend.
package identity
