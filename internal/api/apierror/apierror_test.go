package apierror

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/store"
)

// domainErr stands for a domain package's error type.
type domainErr struct{ code, msg string }

func (e *domainErr) Error() string { return e.code + ": " + e.msg }

func readDomain(err error) (string, string, bool) {
	var e *domainErr
	if errors.As(err, &e) {
		return e.code, e.msg, true
	}
	return "", "", false
}

func TestToWire(t *testing.T) {
	internal := errors.New("disk on fire")
	wire := awsjson.ClientError("TooManyRequestsException", "Slow down")
	tests := []struct {
		name string
		err  error
		want error // nil: err itself comes back
		typ  string
		msg  string
	}{
		{name: "nil", err: nil},
		{name: "wire error passes through", err: fmt.Errorf("op: %w", wire), typ: "TooManyRequestsException", msg: "Slow down"},
		{name: "domain error keeps code and message", err: fmt.Errorf("op: %w", &domainErr{"UserNotFoundException", "User does not exist."}),
			typ: "UserNotFoundException", msg: "User does not exist."},
		{name: "domain message with a percent sign", err: &domainErr{"InvalidParameterException", "100% wrong"},
			typ: "InvalidParameterException", msg: "100% wrong"},
		{name: "canceled", err: fmt.Errorf("op: %w", context.Canceled), typ: "RequestCanceled", msg: "The request was canceled"},
		{name: "bare not found", err: fmt.Errorf("op: %w", store.ErrNotFound),
			typ: "ResourceNotFoundException", msg: "The requested resource was not found."},
		{name: "anything else is left for awsjson to answer as internal", err: internal},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ToWire(tc.err, readDomain)
			if tc.typ == "" {
				if got != tc.err {
					t.Fatalf("ToWire(%v) = %v, want the error itself", tc.err, got)
				}
				return
			}
			var we *awsjson.Error
			if !errors.As(got, &we) {
				t.Fatalf("ToWire(%v) = %v, want an *awsjson.Error", tc.err, got)
			}
			if we.Type != tc.typ || we.Message != tc.msg || we.Status != http.StatusBadRequest {
				t.Errorf("ToWire(%v) = %q %q %d, want %q %q 400", tc.err, we.Type, we.Message, we.Status, tc.typ, tc.msg)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	ops := Wrap(map[string]awsjson.Operation{
		"Fails": {Public: true, Handle: func(context.Context, []byte) (any, error) {
			return "out", &domainErr{"NotAuthorizedException", "No."}
		}},
	}, readDomain)
	op := ops["Fails"]
	if !op.Public {
		t.Error("Wrap lost the operation's Public flag")
	}
	out, err := op.Handle(t.Context(), nil)
	var we *awsjson.Error
	if out != "out" || !errors.As(err, &we) || we.Type != "NotAuthorizedException" || we.Message != "No." {
		t.Errorf("wrapped handler = %v, %v; want out and NotAuthorizedException: No.", out, err)
	}
}
