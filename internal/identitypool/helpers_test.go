package identitypool

import (
	"context"
	"crypto/rand"
	"errors"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/awscreds"
	"github.com/incognito-idp/incognito/internal/testenv"
	"github.com/incognito-idp/incognito/internal/token"
)

// fakeIDTokens stands in for authflow: it accepts tokens whose claims it
// was told, as verified, and answers err for the others.
type fakeIDTokens struct {
	claims map[string]map[string]any // raw token -> claims
	err    error
	live   bool
}

func (f *fakeIDTokens) VerifyIDToken(_ context.Context, _ string, raw string) (map[string]any, error) {
	if c, ok := f.claims[raw]; ok {
		return c, nil
	}
	if f.err != nil {
		return nil, f.err
	}
	return nil, errors.New("fake: unknown token")
}

func (f *fakeIDTokens) SessionLive(context.Context, string, string) (bool, error) { return f.live, nil }

var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// newTestService opens a real SQLite store in a temp dir.
func newTestService(t *testing.T, ids IDTokens) *Service {
	t.Helper()
	st, sealer := testenv.SQLite(t), testenv.Sealer(t)
	now := func() time.Time { return testNow }
	return New(Options{
		Store: st, Sealer: sealer, Vendor: awscreds.New(st, sealer, "000000000000", now, nil), IDTokens: ids,
		Region: "us-east-1", AccountID: "000000000000", Issuer: "http://127.0.0.1:9229/cognito-identity",
		UserPoolIssuer: func(poolID string) string { return "http://127.0.0.1:9229/" + poolID },
		Now:            now,
	})
}

// userPoolToken signs claims with a throw-away key: Peek reads it; the
// fake IDTokens decides whether it verifies.
func userPoolToken(t *testing.T, claims map[string]any) string {
	t.Helper()
	k, err := token.GenerateKey(rand.Reader, token.UseID, testNow.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	ks, err := token.NewKeySet([]token.Key{k}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	claims["token_use"] = "id"
	raw, err := ks.Sign(token.UseID, claims)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func ptr[T any](v T) *T { return &v }

func wantCode(t *testing.T, err error, code Code, msg string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want %s", err, code)
	}
	if e.Code != code || (msg != "" && e.Message != msg) {
		t.Fatalf("err = %s: %s, want %s: %s", e.Code, e.Message, code, msg)
	}
}
