package awsjson

import (
	"fmt"
	"net/http"
)

// Error is an error as it goes on the wire: its Type becomes __type and the
// X-Amzn-ErrorType header. Status is 400 for client errors and 500 for
// internal ones, as Cognito answers (it does not use the model's 403/404).
type Error struct {
	Type    string
	Message string
	Status  int
}

func (e *Error) Error() string { return e.Type + ": " + e.Message }

// ClientError builds a 400 error.
func ClientError(typ, format string, args ...any) *Error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &Error{Type: typ, Message: msg, Status: http.StatusBadRequest}
}

// InvalidParameter is Cognito's most common validation error.
func InvalidParameter(format string, args ...any) *Error {
	return ClientError("InvalidParameterException", format, args...)
}

// Internal is the only error answered with 500; its message never carries
// internal detail.
func Internal() *Error {
	return &Error{Type: "InternalErrorException", Message: "Internal error", Status: http.StatusInternalServerError}
}
