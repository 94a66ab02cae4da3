package sts

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/awscreds"
	"github.com/incognito-idp/incognito/internal/sigv4"
)

type panicking struct{}

func (panicking) AssumeRoleWithWebIdentity(context.Context, WebIdentityInput) (*WebIdentityOutput, error) {
	panic("boom")
}

type adminOnly struct{}

func (adminOnly) Verify(context.Context, *http.Request, []byte, string) (sigv4.Identity, error) {
	return sigv4.Identity{AccessKeyID: "AKIAADMIN"}, nil
}

type noPrincipals struct{}

func (noPrincipals) Principal(context.Context, string, string) (awscreds.Principal, error) {
	return awscreds.Principal{}, awscreds.ErrUnknown
}

func handler() *Handler {
	return &Handler{Backend: panicking{}, Verifier: adminOnly{}, Principals: noPrincipals{}, AccountID: "000000000000",
		NewID: func() string { return "req-1" }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

func post(h http.Handler, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestQueryProtocol(t *testing.T) {
	cases := []struct {
		name, body string
		status     int
		contains   []string
	}{
		{"missing action", "Version=2011-06-15", 400, []string{"<Code>MissingAction</Code>", "<RequestId>req-1</RequestId>"}},
		{"unknown action", "Action=AssumeRoot&Version=2011-06-15", 400, []string{"<Code>InvalidAction</Code>"}},
		{"wrong version", "Action=GetCallerIdentity&Version=2099-01-01", 400, []string{"<Code>InvalidAction</Code>"}},
		{"missing members", "Action=AssumeRoleWithWebIdentity&Version=2011-06-15", 400, []string{"<Code>ValidationError</Code>", "roleArn"}},
		{"bad duration", "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn:aws:iam::000000000000:role/R&RoleSessionName=s1&WebIdentityToken=t&DurationSeconds=60", 400, []string{"durationSeconds"}},
		{"panic is an internal failure", "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn:aws:iam::000000000000:role/R&RoleSessionName=s1&WebIdentityToken=t", 500, []string{"<Code>InternalFailure</Code>"}},
		{"caller identity of the admin keys", "Action=GetCallerIdentity&Version=2011-06-15", 200, []string{
			`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>`,
			"<Arn>arn:aws:iam::000000000000:root</Arn>", "<Account>000000000000</Account>"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := post(handler(), tc.body)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			for _, want := range tc.contains {
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("body lacks %q: %s", want, rec.Body)
				}
			}
			if strings.Contains(rec.Body.String(), "boom") {
				t.Error("panic detail leaked")
			}
		})
	}
}

// FuzzQuery: no form body makes the STS endpoint answer a server error or
// an unparseable response.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{"Action=GetCallerIdentity&Version=2011-06-15", "Action=AssumeRoleWithWebIdentity", "%zz", "a=b&&&=", "Action=%00"} {
		f.Add(s)
	}
	h := handler()
	h.Backend = rejecting{}
	f.Fuzz(func(t *testing.T, body string) {
		rec := post(h, body)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		if !strings.HasPrefix(rec.Body.String(), "<?xml") {
			t.Fatalf("not XML for %q: %s", body, rec.Body)
		}
	})
}

type rejecting struct{}

func (rejecting) AssumeRoleWithWebIdentity(context.Context, WebIdentityInput) (*WebIdentityOutput, error) {
	return nil, stsCoded{"InvalidIdentityToken", "Couldn't retrieve verification key from your identity provider"}
}

type stsCoded struct{ code, msg string }

func (e stsCoded) Error() string        { return e.code + ": " + e.msg }
func (e stsCoded) ErrorCode() string    { return e.code }
func (e stsCoded) ErrorMessage() string { return e.msg }
