// Package testenv gives package tests the real pieces they run on: a
// SQLite store in a temporary directory and a sealer with a fresh key (no
// mocks of the store; see docs/architecture.md).
//
// It is for tests only. It imports the SQLite backend, which the domain
// and API packages must not import themselves, so archtest forbids them
// this package too; their _test files may use it.
package testenv
