package sigv4

import (
	"net/http"
	"strings"
)

// Error codes, as AWS JSON services send them in __type.
const (
	CodeMissingAuthenticationToken = "MissingAuthenticationTokenException"
	CodeIncompleteSignature        = "IncompleteSignatureException"
	CodeUnrecognizedClient         = "UnrecognizedClientException"
	CodeInvalidSignature           = "InvalidSignatureException"
)

// Messages that never vary.
const (
	msgMissingToken      = "Missing Authentication Token"
	msgUnrecognized      = "The security token included in the request is invalid."
	msgSignatureMismatch = "The request signature we calculated does not match the signature you provided. " +
		"Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
)

// Error is a refused signature. Code is the AWS error type (sent as
// __type), Message its text, Status the HTTP status to answer with:
// 400 for a missing or incomplete signature, 403 for an unknown key or a
// signature that does not verify.
type Error struct {
	Code    string
	Message string
	Status  int
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func missingToken() *Error {
	return &Error{Code: CodeMissingAuthenticationToken, Message: msgMissingToken, Status: http.StatusBadRequest}
}

func incomplete(msg ...string) *Error {
	return &Error{Code: CodeIncompleteSignature, Message: strings.Join(msg, ""), Status: http.StatusBadRequest}
}

func unrecognized() *Error {
	return &Error{Code: CodeUnrecognizedClient, Message: msgUnrecognized, Status: http.StatusForbidden}
}

func invalid(msg ...string) *Error {
	return &Error{Code: CodeInvalidSignature, Message: strings.Join(msg, ""), Status: http.StatusForbidden}
}

func mismatch() *Error { return invalid(msgSignatureMismatch) }
