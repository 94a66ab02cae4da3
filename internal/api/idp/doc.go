// Package idp serves AWSCognitoIdentityProviderService, the user-pool API,
// over awsjson: one file per operation or small family of operations, each
// holding its wire structs (what the AWS SDKs send and read) and the
// conversion to and from the userpool domain. errors.go maps domain errors
// to Cognito's __type and message (through api/apierror).
//
// It may import awsjson, api/apierror, userpool and authflow; never a
// concrete store backend.
package idp
