package sigv4

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestChain(t *testing.T) {
	chain := Chain{nil, StaticCredentials{"AKIDADMIN": "admin-secret"}, sessionCredentials{"session-1"}}
	tests := []struct {
		name, id, token, secret string
		ok                      bool
	}{
		{name: "first link knows the key", id: "AKIDADMIN", secret: "admin-secret", ok: true},
		{name: "second link knows the key", id: testKeyID, token: "session-1", secret: testSecret, ok: true},
		{name: "wrong session token", id: testKeyID, token: "session-2"},
		{name: "nobody knows the key", id: "AKIDNOBODY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			secret, ok, err := chain.SecretFor(context.Background(), tt.id, tt.token)
			if err != nil || ok != tt.ok || secret != tt.secret {
				t.Errorf("SecretFor(%q, %q) = %q, %v, %v; want %q, %v", tt.id, tt.token, secret, ok, err, tt.secret, tt.ok)
			}
		})
	}
	if _, _, err := (Chain{failingCredentials{}, StaticCredentials{testKeyID: testSecret}}).SecretFor(context.Background(), testKeyID, ""); err == nil {
		t.Error("a failing lookup was skipped instead of stopping the chain")
	}
	if _, ok, err := (Chain{}).SecretFor(context.Background(), testKeyID, ""); ok || err != nil {
		t.Errorf("empty chain = %v, %v", ok, err)
	}
}

func TestSplit(t *testing.T) {
	now := func() time.Time { return signTime }
	split := &Split{Known: sessionCredentials{"session-1"}, Other: &Verifier{Now: now}, Now: now}
	known := aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: testSecret, SessionToken: "session-1"}
	forged := aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: "not-the-secret", SessionToken: "session-1"}
	tests := []struct {
		name  string
		creds aws.Credentials
		code  string
	}{
		{name: "known key with its secret", creds: known},
		{name: "known key with a forged secret", creds: forged, code: CodeInvalidSignature},
		{name: "unknown key passes as development mode", creds: aws.Credentials{AccessKeyID: "AKIDANY", SecretAccessKey: "x"}},
		{name: "unknown session token passes as development mode", creds: aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: "x", SessionToken: "other"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, b := overWire(t, sign(t, clientRequest{body: []byte("{}"), creds: tt.creds}))
			id, err := split.Verify(context.Background(), r, b, testService)
			if got := errCode(t, err); got != tt.code {
				t.Fatalf("code = %q, want %q (err %v)", got, tt.code, err)
			}
			if err == nil && id.AccessKeyID != tt.creds.AccessKeyID {
				t.Errorf("AccessKeyID = %q", id.AccessKeyID)
			}
		})
	}
	t.Run("known keys refused", func(t *testing.T) {
		refusing := &Split{Known: sessionCredentials{"session-1"}, Other: &Verifier{Now: now}, RefuseKnown: true, Now: now}
		for _, tt := range []struct {
			name  string
			creds aws.Credentials
			code  string
		}{
			{"known key with its secret", known, CodeUnrecognizedClient},
			{"known key with a forged secret", forged, CodeInvalidSignature},
			{"any other key", aws.Credentials{AccessKeyID: "AKIDANY", SecretAccessKey: "x"}, ""},
		} {
			r, b := overWire(t, sign(t, clientRequest{body: []byte("{}"), creds: tt.creds}))
			_, err := refusing.Verify(context.Background(), r, b, testService)
			if got := errCode(t, err); got != tt.code {
				t.Errorf("%s: code = %q, want %q (err %v)", tt.name, got, tt.code, err)
			}
		}
	})
	t.Run("stale requests are refused whoever signed", func(t *testing.T) {
		r, b := overWire(t, sign(t, clientRequest{body: []byte("{}"), creds: aws.Credentials{AccessKeyID: "AKIDANY", SecretAccessKey: "x"}, at: signTime.Add(-time.Hour)}))
		if _, err := split.Verify(context.Background(), r, b, testService); errCode(t, err) != CodeInvalidSignature {
			t.Fatalf("stale request: %v", err)
		}
	})
}
