package sigv4

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestVerifyDevelopmentMode(t *testing.T) {
	body := []byte(`{"Username":"alice"}`)
	dev := &Verifier{Now: func() time.Time { return signTime }}
	tests := []struct {
		name   string
		req    clientRequest
		tamper func(*http.Request, []byte) []byte
		code   string
	}{
		{
			name: "any secret is accepted",
			req:  clientRequest{body: body, creds: aws.Credentials{AccessKeyID: "anything", SecretAccessKey: "whatever"}},
		},
		{
			name: "any key id is accepted",
			req:  clientRequest{body: body, creds: aws.Credentials{AccessKeyID: "AKIDNOBODYKNOWS", SecretAccessKey: "x"}},
		},
		{
			name: "stale date is refused",
			req:  clientRequest{body: body, at: signTime.Add(-6 * time.Minute)},
			code: CodeInvalidSignature,
		},
		{
			name: "future date is refused",
			req:  clientRequest{body: body, at: signTime.Add(6 * time.Minute)},
			code: CodeInvalidSignature,
		},
		{
			name: "wrong service is refused",
			req:  clientRequest{body: body, service: "s3"},
			code: CodeIncompleteSignature,
		},
		{
			name:   "missing signature is refused",
			req:    clientRequest{body: body},
			tamper: editAuthorization(func(h string) string { return h[:strings.Index(h, ", Signature=")] }),
			code:   CodeIncompleteSignature,
		},
		{
			name:   "garbage signature is refused",
			req:    clientRequest{body: body},
			tamper: editAuthorization(func(h string) string { return h[:strings.Index(h, "Signature=")] + "Signature=zz" }),
			code:   CodeInvalidSignature,
		},
		{
			name:   "no authorization is refused",
			req:    clientRequest{body: body},
			tamper: setHeader("Authorization", ""),
			code:   CodeMissingAuthenticationToken,
		},
		{
			name: "lying content hash is refused",
			req:  clientRequest{body: body, header: http.Header{"X-Amz-Content-Sha256": {hashPayload(nil)}}},
			code: CodeInvalidSignature,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, b := overWire(t, sign(t, tt.req))
			if tt.tamper != nil {
				b = tt.tamper(r, b)
			}
			id, err := dev.Verify(context.Background(), r, b, testService)
			if got := errCode(t, err); got != tt.code {
				t.Fatalf("code = %q, want %q (err %v)", got, tt.code, err)
			}
			if err == nil && id.AccessKeyID != tt.req.withDefaults().creds.AccessKeyID {
				t.Errorf("AccessKeyID = %q", id.AccessKeyID)
			}
		})
	}
}
