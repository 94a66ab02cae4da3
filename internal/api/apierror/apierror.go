package apierror

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/store"
)

// Domain reads an API's domain error: its code (Cognito's exception name)
// and message, and whether err is one.
type Domain func(err error) (code, message string, ok bool)

// ToWire maps an error to Cognito's wire error. Domain codes are Cognito's
// exception names; everything unexpected is an internal error whose detail
// is logged by awsjson, never sent.
func ToWire(err error, domain Domain) error {
	if err == nil {
		return nil
	}
	var wire *awsjson.Error
	if errors.As(err, &wire) {
		return wire
	}
	if code, msg, ok := domain(err); ok {
		return awsjson.ClientError(code, "%s", msg)
	}
	if errors.Is(err, context.Canceled) {
		return awsjson.ClientError("RequestCanceled", "The request was canceled")
	}
	if errors.Is(err, store.ErrNotFound) {
		// A domain method should have said which resource; keep Cognito's
		// type but say nothing internal.
		return awsjson.ClientError("ResourceNotFoundException", "The requested resource was not found.")
	}
	return err
}

// Wrap makes every operation in ops answer its errors through ToWire.
func Wrap(ops map[string]awsjson.Operation, domain Domain) map[string]awsjson.Operation {
	for name, op := range ops {
		h := op.Handle
		op.Handle = func(ctx context.Context, body []byte) (any, error) {
			out, err := h(ctx, body)
			return out, ToWire(err, domain)
		}
		ops[name] = op
	}
	return ops
}
