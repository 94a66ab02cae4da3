// Package userpool is the domain of user pools: pools and their settings,
// app clients, users and their attributes, groups, password policies and the
// rules Cognito applies to them.
//
// It speaks in domain types and returns *Error values whose Code names the
// Cognito exception; the wire shapes live in api/idp. It depends on the
// store interface (never a concrete backend), srp and secret; it must not
// import net/http or any api package.
package userpool
