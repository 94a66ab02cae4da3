package sigv4

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestStaticCredentials(t *testing.T) {
	creds := StaticCredentials{"AKIDADMIN": "admin-secret", "AKIDOTHER": "other-secret", "": "empty-id-secret"}
	tests := []struct {
		name, id, token, secret string
		ok                      bool
	}{
		{name: "known", id: "AKIDADMIN", secret: "admin-secret", ok: true},
		{name: "other known", id: "AKIDOTHER", secret: "other-secret", ok: true},
		{name: "token ignored", id: "AKIDADMIN", token: "tok", secret: "admin-secret", ok: true},
		{name: "unknown", id: "AKIDNOBODY"},
		{name: "prefix of a known id", id: "AKIDADMI"},
		{name: "case differs", id: "akidadmin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			secret, ok, err := creds.SecretFor(context.Background(), tt.id, tt.token)
			if err != nil || ok != tt.ok || secret != tt.secret {
				t.Errorf("SecretFor(%q) = %q, %v, %v; want %q, %v", tt.id, secret, ok, err, tt.secret, tt.ok)
			}
		})
	}
	if _, ok, _ := (StaticCredentials(nil)).SecretFor(context.Background(), "x", ""); ok {
		t.Error("nil StaticCredentials found a key")
	}
}

type sessionCredentials struct{ token string }

func (s sessionCredentials) SecretFor(_ context.Context, id, token string) (string, bool, error) {
	if id != testKeyID || token != s.token {
		return "", false, nil
	}
	return testSecret, true, nil
}

type failingCredentials struct{}

func (failingCredentials) SecretFor(context.Context, string, string) (string, bool, error) {
	return "", false, context.DeadlineExceeded
}

func TestVerifyCredentialsLookup(t *testing.T) {
	withToken := clientRequest{body: []byte("{}"), creds: aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: testSecret, SessionToken: "session-1"}}
	tests := []struct {
		name  string
		creds Credentials
		req   clientRequest
		code  string
	}{
		{name: "token passed to lookup", creds: sessionCredentials{"session-1"}, req: withToken},
		{name: "token unknown to lookup", creds: sessionCredentials{"session-2"}, req: withToken, code: CodeUnrecognizedClient},
		{name: "no token where one is needed", creds: sessionCredentials{"session-1"}, req: clientRequest{body: []byte("{}")}, code: CodeUnrecognizedClient},
		{name: "static keys ignore the token", creds: StaticCredentials{testKeyID: testSecret}, req: withToken},
		{name: "no keys configured", creds: StaticCredentials{}, req: clientRequest{}, code: CodeUnrecognizedClient},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, b := overWire(t, sign(t, tt.req))
			v := &Verifier{Credentials: tt.creds, Now: func() time.Time { return signTime }}
			id, err := v.Verify(context.Background(), r, b, testService)
			if got := errCode(t, err); got != tt.code {
				t.Fatalf("code = %q, want %q (err %v)", got, tt.code, err)
			}
			if err == nil && id.SessionToken != tt.req.creds.SessionToken {
				t.Errorf("SessionToken = %q, want %q", id.SessionToken, tt.req.creds.SessionToken)
			}
		})
	}

	t.Run("lookup failure is not a refusal", func(t *testing.T) {
		r, b := overWire(t, sign(t, clientRequest{}))
		v := &Verifier{Credentials: failingCredentials{}, Now: func() time.Time { return signTime }}
		_, err := v.Verify(context.Background(), r, b, testService)
		var e *Error
		if err == nil || errorsAs(err, &e) {
			t.Fatalf("err = %v, want a plain internal error", err)
		}
	})
}
