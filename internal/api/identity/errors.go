package identity

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/identitypool"
	"github.com/incognito-idp/incognito/internal/store"
)

// toWire maps a domain error to Cognito's wire error. Domain codes are
// Cognito's exception names; everything unexpected is an internal error
// whose detail is logged by awsjson, never sent.
func toWire(err error) error {
	if err == nil {
		return nil
	}
	var wire *awsjson.Error
	if errors.As(err, &wire) {
		return wire
	}
	var dom *identitypool.Error
	if errors.As(err, &dom) {
		return awsjson.ClientError(string(dom.Code), "%s", dom.Message)
	}
	if errors.Is(err, context.Canceled) {
		return awsjson.ClientError("RequestCanceled", "The request was canceled")
	}
	if errors.Is(err, store.ErrNotFound) {
		return awsjson.ClientError("ResourceNotFoundException", "The requested resource was not found.")
	}
	return err
}

func wrapErrors(ops map[string]awsjson.Operation) map[string]awsjson.Operation {
	for name, op := range ops {
		h := op.Handle
		op.Handle = func(ctx context.Context, body []byte) (any, error) {
			out, err := h(ctx, body)
			return out, toWire(err)
		}
		ops[name] = op
	}
	return ops
}
