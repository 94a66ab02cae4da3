package sigv4

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// presign builds a presigned GET with the AWS SDK's signer, the way
// sts:GetCallerIdentity URLs are made, and returns it as a server sees it.
func presign(t *testing.T, rawURL string, creds func() (string, string, string)) (*http.Request, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := testCreds()
	if creds != nil {
		c.AccessKeyID, c.SecretAccessKey, c.SessionToken = creds()
	}
	uri, signedHeaders, err := v4.NewSigner().PresignHTTP(context.Background(), c, req, hashPayload(nil), "sts", testRegion, signTime)
	if err != nil {
		t.Fatal(err)
	}
	out, err := http.NewRequest(http.MethodGet, uri, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range signedHeaders {
		if !strings.EqualFold(k, "host") {
			out.Header[k] = vs
		}
	}
	return overWire(t, out)
}

func TestVerifyPresigned(t *testing.T) {
	const base = "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15"
	tests := []struct {
		name    string
		url     string
		creds   func() (string, string, string)
		tamper  func(*http.Request)
		now     time.Time
		code    string
		message string
	}{
		{name: "fresh", url: base},
		{name: "with expires, after the skew window", url: base + "&X-Amz-Expires=900", now: signTime.Add(14 * time.Minute)},
		{
			name:    "with expires, expired",
			url:     base + "&X-Amz-Expires=900",
			now:     signTime.Add(16 * time.Minute),
			code:    CodeInvalidSignature,
			message: "Signature expired: 20260101T000000Z is now earlier than 20260101T000100Z (20260101T001600Z - 15 min.)",
		},
		{name: "without expires, stale", url: base, now: signTime.Add(6 * time.Minute), code: CodeInvalidSignature},
		{name: "from the future", url: base + "&X-Amz-Expires=900", now: signTime.Add(-6 * time.Minute), code: CodeInvalidSignature},
		{
			name:  "session token",
			url:   base,
			creds: func() (string, string, string) { return testKeyID, testSecret, "session/token+=" },
		},
		{
			name: "query changed",
			url:  base,
			tamper: func(r *http.Request) {
				r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "GetCallerIdentity", "AssumeRole", 1)
			},
			code: CodeInvalidSignature,
		},
		{
			name: "expires extended",
			url:  base + "&X-Amz-Expires=900",
			tamper: func(r *http.Request) {
				r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "X-Amz-Expires=900", "X-Amz-Expires=3600", 1)
			},
			code: CodeInvalidSignature,
		},
		{
			name:    "signature removed",
			url:     base,
			tamper:  func(r *http.Request) { r.URL.RawQuery = dropParam(r.URL.RawQuery, querySignature) },
			code:    CodeIncompleteSignature,
			message: "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.",
		},
		{
			name: "credential and date removed",
			url:  base,
			tamper: func(r *http.Request) {
				r.URL.RawQuery = dropParam(dropParam(r.URL.RawQuery, queryCredential), queryDate)
			},
			code:    CodeIncompleteSignature,
			message: "AWS query-string parameters must include 'X-Amz-Credential', 'X-Amz-Date'. Re-examine the query-string parameters.",
		},
		{
			name: "other algorithm",
			url:  base,
			tamper: func(r *http.Request) {
				r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256", 1)
			},
			code:    CodeIncompleteSignature,
			message: `X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"`,
		},
		{name: "expires too long", url: base + "&X-Amz-Expires=604801", code: CodeIncompleteSignature},
		{name: "expires not a number", url: base + "&X-Amz-Expires=soon", code: CodeIncompleteSignature},
		{
			name:   "also an authorization header",
			url:    base,
			tamper: func(r *http.Request) { r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=x") },
			code:   CodeIncompleteSignature,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, body := presign(t, tt.url, tt.creds)
			if tt.tamper != nil {
				tt.tamper(r)
			}
			now := tt.now
			if now.IsZero() {
				now = signTime
			}
			id, err := testVerifier(now).Verify(context.Background(), r, body, "sts")
			if got := errCode(t, err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)\nquery %s", got, tt.code, err, r.URL.RawQuery)
			}
			if tt.message != "" && err.(*Error).Message != tt.message {
				t.Errorf("message = %q, want %q", err.(*Error).Message, tt.message)
			}
			if err == nil && tt.creds != nil {
				if _, _, tok := tt.creds(); id.SessionToken != tok {
					t.Errorf("SessionToken = %q, want %q", id.SessionToken, tok)
				}
			}
		})
	}
}

func dropParam(raw, key string) string {
	var keep []string
	for _, p := range strings.Split(raw, "&") {
		if !strings.HasPrefix(p, key+"=") {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "&")
}
