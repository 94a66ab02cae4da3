package awsjson

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// Handler runs one operation on a raw JSON request body and returns the
// value to encode as the response body.
type Handler func(ctx context.Context, body []byte) (any, error)

// Operation is one entry of a service's dispatch table.
type Operation struct {
	// Public operations are sent unsigned by current SDKs; a signature on
	// them is accepted and ignored. All others require SigV4.
	Public bool
	Handle Handler
}

// Service is one X-Amz-Target prefix and its operations.
type Service struct {
	// Target is the prefix before the dot, e.g. "AWSCognitoIdentityProviderService".
	Target string
	// SigningName is the SigV4 service name, e.g. "cognito-idp".
	SigningName string
	// Operations implemented, by name.
	Operations map[string]Operation
	// Known lists every operation name of the service's API model, so that
	// an operation not yet implemented is told apart from a typo.
	Known []string
}

// Typed adapts a function over decoded wire structs to a Handler. The body
// is decoded with encoding/json; a type mismatch or malformed JSON is a
// SerializationException, as AWS JSON services answer.
func Typed[In any, Out any](f func(ctx context.Context, in *In) (*Out, error)) Handler {
	return func(ctx context.Context, body []byte) (any, error) {
		in := new(In)
		if err := Decode(body, in); err != nil {
			return nil, err
		}
		out, err := f(ctx, in)
		if err != nil {
			return nil, err
		}
		if out == nil {
			return struct{}{}, nil
		}
		return out, nil
	}
}

// Decode reads one JSON object from body into v. An empty body is taken as
// {} (some SDKs send nothing for operations without input).
func Decode(body []byte, v any) error {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		return serializationError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return ClientError("SerializationException", "Unexpected content after the JSON document")
	}
	return nil
}

func serializationError(err error) *Error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		field := typeErr.Field
		if field == "" {
			field = "the request body"
		}
		return ClientError("SerializationException", "%s can not be converted to %s (at %s)",
			strings.ToUpper(typeErr.Value)+"_VALUE", describeGoType(typeErr.Type.String()), field)
	}
	return ClientError("SerializationException", "Start of structure or map found where not expected, or the request body is not valid JSON")
}

func describeGoType(t string) string {
	switch {
	case strings.Contains(t, "int"):
		return "an Integer"
	case strings.Contains(t, "float"):
		return "a Double"
	case strings.Contains(t, "bool"):
		return "a Boolean"
	case strings.Contains(t, "string"):
		return "a String"
	case strings.HasPrefix(t, "[]"):
		return "a List"
	case strings.HasPrefix(t, "map"):
		return "a Map"
	default:
		return "a Structure"
	}
}
