package identity

import (
	"errors"

	"github.com/incognito-idp/incognito/internal/api/apierror"
	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/identitypool"
)

// domainError reads a *identitypool.Error, whose Code is Cognito's exception name.
func domainError(err error) (code, message string, ok bool) {
	var e *identitypool.Error
	if !errors.As(err, &e) {
		return "", "", false
	}
	return string(e.Code), e.Message, true
}

// wrapErrors makes every operation answer its errors through
// apierror.ToWire: domain errors keep their code and message, anything
// unexpected is an internal error whose detail is logged, never sent.
func wrapErrors(ops map[string]awsjson.Operation) map[string]awsjson.Operation {
	return apierror.Wrap(ops, domainError)
}
