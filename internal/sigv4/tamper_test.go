package sigv4

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// TestVerifyRefusesTampering signs a good request, changes one thing on the
// server side, and expects the refusal AWS gives.
func TestVerifyRefusesTampering(t *testing.T) {
	body := []byte(`{"UserPoolId":"us-east-1_abc","Username":"alice"}`)
	good := clientRequest{url: "https://localhost/?a=1", body: body, header: jsonHeaders}
	tests := []struct {
		name    string
		req     *clientRequest // nil: good
		tamper  func(r *http.Request, body []byte) []byte
		service string
		now     time.Time
		code    string
		message string
	}{
		{name: "untouched", code: ""},
		{
			name: "body changed",
			tamper: func(_ *http.Request, _ []byte) []byte {
				return []byte(`{"UserPoolId":"us-east-1_abc","Username":"mallory"}`)
			},
			code: CodeInvalidSignature, message: msgSignatureMismatch,
		},
		{
			name:   "body dropped",
			tamper: func(_ *http.Request, _ []byte) []byte { return nil },
			code:   CodeInvalidSignature,
		},
		{
			name:   "signed header changed",
			tamper: setHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminDeleteUser"),
			code:   CodeInvalidSignature,
		},
		{
			name:   "signed header repeated",
			tamper: addHeader("Content-Type", "text/plain"),
			code:   CodeInvalidSignature,
		},
		{
			name:   "date moved by a second",
			tamper: setHeader("X-Amz-Date", "20260101T000001Z"),
			code:   CodeInvalidSignature, message: msgSignatureMismatch,
		},
		{
			name:   "host changed",
			tamper: func(r *http.Request, b []byte) []byte { r.Host = "evil.example"; return b },
			code:   CodeInvalidSignature,
		},
		{
			name:   "method changed",
			tamper: func(r *http.Request, b []byte) []byte { r.Method = http.MethodPut; return b },
			code:   CodeInvalidSignature,
		},
		{
			name:   "path changed",
			tamper: func(r *http.Request, b []byte) []byte { r.URL.Path = "/x"; return b },
			code:   CodeInvalidSignature,
		},
		{
			name:   "query parameter added",
			tamper: func(r *http.Request, b []byte) []byte { r.URL.RawQuery += "&b=2"; return b },
			code:   CodeInvalidSignature,
		},
		{
			name:   "query with a pair url.ParseQuery would drop",
			tamper: func(r *http.Request, b []byte) []byte { r.URL.RawQuery += "&x;y=1"; return b },
			code:   CodeInvalidSignature,
		},
		{
			name:   "signature altered",
			tamper: editAuthorization(func(h string) string { return h[:len(h)-1] + flipHex(h[len(h)-1]) }),
			code:   CodeInvalidSignature, message: msgSignatureMismatch,
		},
		{
			name: "signature uppercase",
			tamper: editAuthorization(func(h string) string {
				i := strings.Index(h, "Signature=") + len("Signature=")
				return h[:i] + strings.ToUpper(h[i:])
			}),
			code: CodeInvalidSignature,
		},
		{
			name:   "signature too short",
			tamper: editAuthorization(func(h string) string { return h[:len(h)-2] }),
			code:   CodeInvalidSignature,
		},
		{
			name:   "signed headers reduced",
			tamper: editAuthorization(func(h string) string { return strings.Replace(h, "x-amz-target", "", 1) }),
			code:   CodeInvalidSignature,
		},
		{
			name:    "unknown access key",
			req:     &clientRequest{url: good.url, body: body, header: jsonHeaders, creds: aws.Credentials{AccessKeyID: "AKIDUNKNOWN", SecretAccessKey: testSecret}},
			code:    CodeUnrecognizedClient,
			message: "The security token included in the request is invalid.",
		},
		{
			name: "wrong secret",
			req:  &clientRequest{url: good.url, body: body, header: jsonHeaders, creds: aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: "not-the-secret"}},
			code: CodeInvalidSignature, message: msgSignatureMismatch,
		},
		{
			name: "another key's secret",
			req:  &clientRequest{url: good.url, body: body, header: jsonHeaders, creds: aws.Credentials{AccessKeyID: "AKIDOTHER", SecretAccessKey: testSecret}},
			code: CodeInvalidSignature,
		},
		{
			name:   "session token swapped",
			req:    &clientRequest{body: body, creds: aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: testSecret, SessionToken: "tok1"}},
			tamper: setHeader("X-Amz-Security-Token", "tok2"),
			code:   CodeInvalidSignature,
		},
		{
			name:    "content sha256 header that lies",
			req:     &clientRequest{body: body, header: http.Header{"X-Amz-Content-Sha256": {hashPayload([]byte("other"))}}},
			code:    CodeInvalidSignature,
			message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
		},
		{
			name: "content sha256 header that matches",
			req:  &clientRequest{body: body, header: http.Header{"X-Amz-Content-Sha256": {hashPayload(body)}}},
			code: "",
		},
		{
			name: "content sha256 header changed after signing",
			req:  &clientRequest{body: body, header: http.Header{"X-Amz-Content-Sha256": {hashPayload(body)}}},
			tamper: func(r *http.Request, _ []byte) []byte {
				r.Header.Set("X-Amz-Content-Sha256", hashPayload(nil))
				return nil
			},
			code: CodeInvalidSignature,
		},
		{
			name:    "signed for another service",
			req:     &clientRequest{body: body, service: "sts"},
			code:    CodeIncompleteSignature,
			message: "Credential should be scoped to correct service: 'cognito-idp'. ",
		},
		{
			name:    "verified for another service",
			service: "cognito-identity",
			code:    CodeIncompleteSignature,
			message: "Credential should be scoped to correct service: 'cognito-identity'. ",
		},
		{
			name:    "region not a region",
			req:     &clientRequest{body: body, region: "US East"},
			code:    CodeIncompleteSignature,
			message: "Credential should be scoped to a valid region. ",
		},
		{
			name:    "stale",
			now:     signTime.Add(11 * time.Minute),
			code:    CodeInvalidSignature,
			message: "Signature expired: 20260101T000000Z is now earlier than 20260101T000600Z (20260101T001100Z - 5 min.)",
		},
		{
			name:    "from the future",
			req:     &clientRequest{body: body, at: signTime.Add(20 * time.Minute)},
			now:     signTime.Add(11 * time.Minute),
			code:    CodeInvalidSignature,
			message: "Signature not yet current: 20260101T002000Z is still later than 20260101T001600Z (20260101T001100Z + 5 min.)",
		},
		{
			name:   "authorization removed",
			tamper: setHeader("Authorization", ""),
			code:   CodeMissingAuthenticationToken, message: "Missing Authentication Token",
		},
		{
			name:    "x-amz-date removed",
			tamper:  setHeader("X-Amz-Date", ""),
			code:    CodeIncompleteSignature,
			message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 ",
		},
		{
			name:    "scope date is not the request day",
			tamper:  setHeader("X-Amz-Date", "20260102T000000Z"),
			now:     time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
			code:    CodeIncompleteSignature,
			message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260101' != '20260102', from '20260102T000000Z'.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good
			if tt.req != nil {
				c = *tt.req
			}
			r, body := overWire(t, sign(t, c))
			if tt.tamper != nil {
				body = tt.tamper(r, body)
			}
			service := tt.service
			if service == "" {
				service = testService
			}
			now := tt.now
			if now.IsZero() {
				now = signTime
			}
			_, err := testVerifier(now).Verify(context.Background(), r, body, service)
			if got := errCode(t, err); got != tt.code {
				t.Fatalf("code = %q, want %q (err %v)", got, tt.code, err)
			}
			if tt.message != "" && !strings.HasPrefix(err.Error(), tt.code+": "+tt.message) {
				t.Errorf("message = %q, want prefix %q", err.(*Error).Message, tt.message)
			}
			if err != nil {
				status := err.(*Error).Status
				want := http.StatusForbidden
				if tt.code == CodeIncompleteSignature || tt.code == CodeMissingAuthenticationToken {
					want = http.StatusBadRequest
				}
				if status != want {
					t.Errorf("status = %d, want %d", status, want)
				}
			}
		})
	}
}

func setHeader(k, v string) func(*http.Request, []byte) []byte {
	return func(r *http.Request, b []byte) []byte {
		if v == "" {
			r.Header.Del(k)
		} else {
			r.Header.Set(k, v)
		}
		return b
	}
}

func addHeader(k, v string) func(*http.Request, []byte) []byte {
	return func(r *http.Request, b []byte) []byte { r.Header.Add(k, v); return b }
}

func editAuthorization(edit func(string) string) func(*http.Request, []byte) []byte {
	return func(r *http.Request, b []byte) []byte {
		r.Header.Set("Authorization", edit(r.Header.Get("Authorization")))
		return b
	}
}

func flipHex(c byte) string {
	if c == '0' {
		return "1"
	}
	return "0"
}
