// Package awsvalidation words the model-level validation errors AWS services
// answer before an operation runs: "1 validation error detected: Value 'x'
// at 'clientName' failed to satisfy constraint: Member must have length less
// than or equal to 128" (several problems joined by "; " with the count).
// The user-pool and identity-pool domains each collect problems their own
// way and wrap this one wording in their own InvalidParameterException, so
// the two APIs cannot drift apart.
//
// It is a leaf: it imports none of Incognito's packages.
package awsvalidation
