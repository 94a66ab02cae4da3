package sigv4

import (
	"context"
	"net/http"
	"testing"
)

const goodCredential = "AKIDEXAMPLE/20260101/us-east-1/cognito-idp/aws4_request"

func TestParseAuthorization(t *testing.T) {
	tests := []struct {
		name    string
		header  string
		want    authorization
		message string // of the error, "" for success
	}{
		{
			name:   "as the SDKs write it",
			header: "AWS4-HMAC-SHA256 Credential=" + goodCredential + ", SignedHeaders=host;x-amz-date, Signature=abc",
			want:   authorization{Credential: goodCredential, SignedHeaders: "host;x-amz-date", Signature: "abc"},
		},
		{
			name:   "no spaces after commas, other order",
			header: "AWS4-HMAC-SHA256 Signature=abc,Credential=" + goodCredential + ",SignedHeaders=host",
			want:   authorization{Credential: goodCredential, SignedHeaders: "host", Signature: "abc"},
		},
		{
			name:   "extra spaces and commas",
			header: "  AWS4-HMAC-SHA256   Credential = " + goodCredential + " ,, SignedHeaders=host ,Signature=abc  ",
			want:   authorization{Credential: goodCredential, SignedHeaders: "host", Signature: "abc"},
		},
		{
			name:   "first of a repeated parameter wins, unknown ones ignored",
			header: "AWS4-HMAC-SHA256 Signature=abc, Signature=def, Foo=bar",
			want:   authorization{Signature: "abc"},
		},
		{
			name:    "bearer token",
			header:  "Bearer eyJhbGciOi",
			message: "Unsupported AWS 'algorithm': 'Bearer'. Authorization=Bearer eyJhbGciOi",
		},
		{
			name:    "other algorithm",
			header:  "AWS4-ECDSA-P256-SHA256 Credential=x",
			message: "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'. Authorization=AWS4-ECDSA-P256-SHA256 Credential=x",
		},
		{
			name:    "algorithm only glued to a parameter",
			header:  "AWS4-HMAC-SHA256Credential=x",
			message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA256Credential=x'. Authorization=AWS4-HMAC-SHA256Credential=x",
		},
		{
			name:    "missing equal sign",
			header:  "AWS4-HMAC-SHA256 Credential=" + goodCredential + ", token",
			message: "'token' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential=" + goodCredential + ", token'.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseAuthorization(tt.header)
			if tt.message != "" {
				if err == nil || err.Message != tt.message || err.Code != CodeIncompleteSignature {
					t.Fatalf("err = %v, want IncompleteSignatureException %q", err, tt.message)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestVerifyIncompleteSignature runs malformed signatures through Verify
// and checks AWS's exact messages.
func TestVerifyIncompleteSignature(t *testing.T) {
	const date = "20260101T000000Z"
	tests := []struct {
		name    string
		header  string
		noDate  bool
		message string
	}{
		{
			name:    "signature missing",
			header:  "AWS4-HMAC-SHA256 Credential=" + goodCredential + ", SignedHeaders=host;x-amz-date",
			message: "Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=" + goodCredential + ", SignedHeaders=host;x-amz-date",
		},
		{
			name:   "everything missing",
			header: "AWS4-HMAC-SHA256",
			noDate: true,
			message: "Authorization header requires 'Credential' parameter. " +
				"Authorization header requires 'Signature' parameter. " +
				"Authorization header requires 'SignedHeaders' parameter. " +
				"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
				"Authorization=AWS4-HMAC-SHA256",
		},
		{
			name:    "credential with four elements",
			header:  "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/aws4_request, SignedHeaders=host, Signature=x",
			message: "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKID/20260101/us-east-1/aws4_request'",
		},
		{
			name:    "credential without key id",
			header:  "AWS4-HMAC-SHA256 Credential=/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=x",
			message: "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '/20260101/us-east-1/cognito-idp/aws4_request'",
		},
		{
			name:    "empty region",
			header:  "AWS4-HMAC-SHA256 Credential=AKID/20260101//cognito-idp/aws4_request, SignedHeaders=host, Signature=x",
			message: "Credential should be scoped to a valid region. ",
		},
		{
			name:    "wrong service",
			header:  "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=x",
			message: "Credential should be scoped to correct service: 'cognito-idp'. ",
		},
		{
			name:    "wrong terminator",
			header:  "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/cognito-idp/aws4_requests, SignedHeaders=host, Signature=x",
			message: "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_requests'. ",
		},
		{
			name:    "malformed scope date",
			header:  "AWS4-HMAC-SHA256 Credential=AKID/2026-01-01/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=x",
			message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '2026-01-01' != '20260101', from '20260101T000000Z'.",
		},
		{
			name:    "host not signed",
			header:  "AWS4-HMAC-SHA256 Credential=" + goodCredential + ", SignedHeaders=x-amz-date, Signature=x",
			message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := http.NewRequest(http.MethodPost, "https://localhost/", nil)
			r.Header.Set("Authorization", tt.header)
			if !tt.noDate {
				r.Header.Set("X-Amz-Date", date)
			}
			_, err := testVerifier(signTime).Verify(context.Background(), r, nil, testService)
			if errCode(t, err) != CodeIncompleteSignature || err.(*Error).Message != tt.message {
				t.Fatalf("err = %v\nwant IncompleteSignatureException: %s", err, tt.message)
			}
		})
	}
}

func TestVerifyBadAmzDate(t *testing.T) {
	for _, d := range []string{"2026-01-01T00:00:00Z", "20260101T000000", "20261301T000000Z", "20260101T240000Z", "20260101t000000z", "20260101T00000Z"} {
		t.Run(d, func(t *testing.T) {
			r, _ := http.NewRequest(http.MethodPost, "https://localhost/", nil)
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+goodCredential+", SignedHeaders=host, Signature=x")
			r.Header.Set("X-Amz-Date", d)
			_, err := testVerifier(signTime).Verify(context.Background(), r, nil, testService)
			want := "Date must be in ISO-8601 'basic format'. Got '" + d + "'. See http://en.wikipedia.org/wiki/ISO_8601"
			if errCode(t, err) != CodeIncompleteSignature || err.(*Error).Message != want {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestVerifyMissingAuthentication(t *testing.T) {
	tests := []struct {
		name   string
		url    string
		header string
		code   string
	}{
		{name: "nothing", url: "https://localhost/", code: CodeMissingAuthenticationToken},
		{name: "unrelated query", url: "https://localhost/?X-Amz-Date=20260101T000000Z", code: CodeMissingAuthenticationToken},
		{name: "whitespace header", url: "https://localhost/", header: "   ", code: CodeIncompleteSignature},
		{
			name:   "header and query",
			url:    "https://localhost/?X-Amz-Algorithm=AWS4-HMAC-SHA256",
			header: "AWS4-HMAC-SHA256 Credential=" + goodCredential + ", SignedHeaders=host, Signature=x",
			code:   CodeIncompleteSignature,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := http.NewRequest(http.MethodPost, tt.url, nil)
			if tt.header != "" {
				r.Header.Set("Authorization", tt.header)
			}
			_, err := testVerifier(signTime).Verify(context.Background(), r, nil, testService)
			if got := errCode(t, err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, err)
			}
			if tt.code == CodeMissingAuthenticationToken && err.(*Error).Message != "Missing Authentication Token" {
				t.Errorf("message = %q", err.(*Error).Message)
			}
		})
	}
}
