package userpool

import (
	"errors"
	"fmt"

	"github.com/incognito-idp/incognito/internal/awsvalidation"
)

// Code names the Cognito exception an error stands for. api/idp maps codes
// to the wire's __type; the names are Cognito's own because the domain is.
type Code string

// The codes the user-pool domain returns.
const (
	InvalidParameter           Code = "InvalidParameterException"
	ResourceNotFound           Code = "ResourceNotFoundException"
	UserNotFound               Code = "UserNotFoundException"
	UsernameExists             Code = "UsernameExistsException"
	AliasExists                Code = "AliasExistsException"
	GroupExists                Code = "GroupExistsException"
	InvalidPassword            Code = "InvalidPasswordException"
	NotAuthorized              Code = "NotAuthorizedException"
	LimitExceeded              Code = "LimitExceededException"
	UnsupportedUserState       Code = "UnsupportedUserStateException"
	InvalidUserPoolConfig      Code = "InvalidUserPoolConfigurationException"
	ConcurrentModification     Code = "ConcurrentModificationException"
	CodeMismatch               Code = "CodeMismatchException"
	ExpiredCode                Code = "ExpiredCodeException"
	TooManyFailedAttempts      Code = "TooManyFailedAttemptsException"
	UserNotConfirmed           Code = "UserNotConfirmedException"
	PasswordResetRequired      Code = "PasswordResetRequiredException"
	ScopeDoesNotExist          Code = "ScopeDoesNotExistException"
	InvalidOAuthFlow           Code = "InvalidOAuthFlowException"
	UnsupportedOperation       Code = "UnsupportedOperationException"
	InvalidLambdaResponse      Code = "InvalidLambdaResponseException"
	CodeDeliveryFailure        Code = "CodeDeliveryFailureException"
	UserPoolTagging            Code = "UserPoolTaggingException"
	PreconditionNotMet         Code = "PreconditionNotMetException"
	TooManyRequests            Code = "TooManyRequestsException"
	UnsupportedTokenType       Code = "UnsupportedTokenTypeException"
	RefreshTokenReuse          Code = "RefreshTokenReuseException"
	MFAMethodNotFound          Code = "MFAMethodNotFoundException"
	SoftwareTokenMFANotFound   Code = "SoftwareTokenMFANotFoundException"
	EnableSoftwareTokenMFA     Code = "EnableSoftwareTokenMFAException"
	FeatureUnavailableInTier   Code = "FeatureUnavailableInTierException"
	UserImportInProgress       Code = "UserImportInProgressException"
	UnexpectedLambda           Code = "UnexpectedLambdaException"
	UserLambdaValidation       Code = "UserLambdaValidationException"
	InvalidEmailRoleAccess     Code = "InvalidEmailRoleAccessPolicyException"
	InvalidSmsRoleAccessPolicy Code = "InvalidSmsRoleAccessPolicyException"
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

// Invalid is shorthand for an InvalidParameterException.
func Invalid(format string, args ...any) *Error { return Errorf(InvalidParameter, format, args...) }

// IsCode reports whether err is a domain error with the given code.
func IsCode(err error, code Code) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == code
}

// Validation collects the model-level constraint violations of one request
// and reports them the way AWS does: "1 validation error detected: Value
// 'x' at 'clientName' failed to satisfy constraint: Member must have length
// less than or equal to 128" (several joined by "; " with the count).
type Validation struct{ problems []string }

// Add records one violation.
func (v *Validation) Add(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

// Err returns nil when nothing was recorded.
func (v *Validation) Err() error {
	if len(v.problems) == 0 {
		return nil
	}
	return Invalid("%s", awsvalidation.Message(v.problems))
}
