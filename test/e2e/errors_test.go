package e2e

import (
	"errors"
	"testing"

	"github.com/aws/smithy-go"
)

// wantAPIError checks that err is the Cognito error typ and, when msg is not
// empty, that its message is exactly msg.
func wantAPIError(t *testing.T, err error, typ, msg string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s, got success", typ)
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("want %s, got non-API error %v", typ, err)
	}
	if apiErr.ErrorCode() != typ {
		t.Fatalf("want %s, got %s: %s", typ, apiErr.ErrorCode(), apiErr.ErrorMessage())
	}
	if msg != "" && apiErr.ErrorMessage() != msg {
		t.Fatalf("want message %q, got %q", msg, apiErr.ErrorMessage())
	}
}
