package identitypool

import (
	"errors"
	"fmt"
)

// Code names the Cognito exception an error stands for.
type Code string

// The codes of the cognito-identity API model.
const (
	InvalidParameter          Code = "InvalidParameterException"
	ResourceNotFound          Code = "ResourceNotFoundException"
	ResourceConflict          Code = "ResourceConflictException"
	NotAuthorized             Code = "NotAuthorizedException"
	LimitExceeded             Code = "LimitExceededException"
	InvalidPoolConfiguration  Code = "InvalidIdentityPoolConfigurationException"
	DeveloperUserAlreadyTaken Code = "DeveloperUserAlreadyRegisteredException"
	ConcurrentModification    Code = "ConcurrentModificationException"
)

// Error is a domain error with Cognito's code and message.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return string(e.Code) + ": " + e.Message }

// Errorf builds an *Error.
func Errorf(code Code, format string, args ...any) *Error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &Error{Code: code, Message: msg}
}

// IsCode reports whether err is a domain error with the given code.
func IsCode(err error, code Code) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == code
}

// STSError is a refusal of AssumeRoleWithWebIdentity, with STS's query
// error code (InvalidIdentityToken, ExpiredTokenException, IDPRejectedClaim,
// AccessDenied, ValidationError). api/sts reads it through ErrorCode and
// ErrorMessage.
type STSError struct {
	Code    string
	Message string
}

func (e *STSError) Error() string { return e.Code + ": " + e.Message }

// ErrorCode is the STS error code.
func (e *STSError) ErrorCode() string { return e.Code }

// ErrorMessage is the STS error message.
func (e *STSError) ErrorMessage() string { return e.Message }

func stsErrorf(code, format string, args ...any) *STSError {
	return &STSError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Cognito's answers, worded as the service words them where we know the
// wording (apps match some of them).
func errPoolNotFound(id string) error {
	return Errorf(ResourceNotFound, "IdentityPool '%s' not found.", id)
}

func errIdentityNotFound(id string) error {
	return Errorf(ResourceNotFound, "Identity '%s' not found.", id)
}

func errUnauthDisabled() error {
	return Errorf(NotAuthorized, "Unauthenticated access is not supported for this identity pool.")
}

func errLoginsDontMatch() error {
	return Errorf(NotAuthorized, "Logins don't match. Please include at least one valid login for this identity or identity pool.")
}

func errNotOpenIDToken() error {
	return Errorf(NotAuthorized, "Invalid login token. Not a valid OpenId Connect identity token.")
}

func errUnsupportedProvider() error {
	return Errorf(NotAuthorized, "Token is not from a supported provider of this identity pool.")
}

func errIssuerMismatch() error {
	return Errorf(NotAuthorized, "Invalid login token. Issuer doesn't match providerName")
}

func errTokenExpired(exp, now int64) error {
	return Errorf(NotAuthorized, "Invalid login token. Token expired: %d >= %d", now, exp)
}

func errNoRole() error {
	return Errorf(InvalidPoolConfiguration, "Invalid identity pool configuration. Check assigned IAM roles for this pool.")
}
