package identitypool

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/testenv"
	"github.com/incognito-idp/incognito/internal/token"
)

// keyReplicas are two services on one real store, sealer and clock, each
// with its own key cache.
func keyReplicas(t *testing.T) (a, b *Service, clk *testenv.Clock) {
	t.Helper()
	st, sealer := testenv.SQLite(t), testenv.Sealer(t)
	clk = testenv.NewClock(testNow)
	mk := func() *Service {
		return New(Options{Store: st, Sealer: sealer, Region: "us-east-1", AccountID: "000000000000",
			Issuer: "http://127.0.0.1:9229/cognito-identity", Now: clk.Now})
	}
	return mk(), mk(), clk
}

// signOpenID signs a day-long OpenID token with s's current key and
// returns it with its kid.
func signOpenID(t *testing.T, s *Service) (raw, kid string) {
	t.Helper()
	keys, err := s.keySet(t.Context(), false)
	if err != nil {
		t.Fatal(err)
	}
	now := s.now()
	raw, err = keys.Sign(token.UseIdentity, map[string]any{"iss": s.issuer, "sub": "us-east-1:00000000-0000-4000-8000-000000000001",
		"aud": "us-east-1:00000000-0000-4000-8000-000000000002", "iat": now.Unix(), "exp": now.Add(24 * time.Hour).Unix()})
	if err != nil {
		t.Fatal(err)
	}
	h, _, err := token.Peek(raw)
	if err != nil {
		t.Fatal(err)
	}
	return raw, h.KeyID
}

func publishedOpenID(t *testing.T, s *Service) []string {
	t.Helper()
	doc, err := s.JWKS(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return testenv.JWKSKids(t, doc)
}

func sortedKids(kids ...string) []string { return slices.Sorted(slices.Values(kids)) }

func TestRotateOpenIDKeys(t *testing.T) {
	ctx := context.Background()
	a, b, clk := keyReplicas(t)

	// Before any OpenID token there is nothing to rotate, and nothing is
	// made.
	rot, err := a.RotateOpenIDKeys(ctx, 5*time.Minute)
	if err != nil || rot.NewKeyID != "" {
		t.Fatalf("rotation without keys: %+v %v", rot, err)
	}
	if _, err := a.store.GetIdentityPool(ctx, keyRecordID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("key record after an empty rotation: %v", err)
	}
	if _, err := a.RotateOpenIDKeys(ctx, -time.Second); err == nil {
		t.Fatal("negative activation delay accepted")
	}

	before, oldKID := signOpenID(t, a)
	if got := publishedOpenID(t, b); !slices.Equal(got, []string{oldKID}) {
		t.Fatalf("B's JWKS %v", got)
	}
	start := clk.Now()
	rot, err = a.RotateOpenIDKeys(ctx, 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	activation := start.Add(5 * time.Minute)
	if !slices.Equal(rot.Replaced, []string{oldKID}) || rot.NewKeyID == "" || rot.NewKeyID == oldKID ||
		!rot.ActiveFrom.Equal(activation) || len(rot.Dropped) != 0 {
		t.Fatalf("report %+v", rot)
	}
	newKID := rot.NewKeyID
	if got := publishedOpenID(t, a); !slices.Equal(got, sortedKids(oldKID, newKID)) {
		t.Fatalf("JWKS right after rotation: %v", got)
	}
	if _, kid := signOpenID(t, a); kid != oldKID {
		t.Fatalf("signed before activation with %s", kid)
	}
	clk.Advance(keyCacheTTL)
	if got := publishedOpenID(t, b); !slices.Equal(got, sortedKids(oldKID, newKID)) {
		t.Fatalf("B's JWKS once its cache expired: %v", got)
	}
	if _, kid := signOpenID(t, b); kid != oldKID {
		t.Fatalf("B signed before activation with %s", kid)
	}
	infos, err := a.OpenIDKeys(ctx)
	if err != nil || len(infos) != 2 || infos[0].State != "signing" || infos[1].State != "pending" ||
		infos[0].RetiredAt == nil || !infos[0].RetiredAt.Equal(activation) {
		t.Fatalf("keys before activation: %+v %v", infos, err)
	}

	clk.Advance(activation.Sub(clk.Now()) - time.Nanosecond)
	set, err := a.loadKeys(ctx, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	if kid, ok := set.SigningKeyID(token.UseIdentity); !ok || kid != oldKID {
		t.Fatalf("just before activation a fresh load signs with %q", kid)
	}
	clk.Advance(time.Nanosecond)
	// A load at the activation itself (as any replica whose cache runs
	// out then makes) signs with the new key: no moment without a signer.
	set, err = a.loadKeys(ctx, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	if kid, ok := set.SigningKeyID(token.UseIdentity); !ok || kid != newKID {
		t.Fatalf("at activation a fresh load signs with %q", kid)
	}
	clk.Advance(keyCacheTTL)
	for name, s := range map[string]*Service{"A": a, "B": b} {
		raw, kid := signOpenID(t, s)
		if kid != newKID {
			t.Fatalf("%s signed after activation with %s", name, kid)
		}
		for vname, v := range map[string]*Service{"A": a, "B": b} {
			if _, err := v.verifyWithIdentityKeys(ctx, raw); err != nil {
				t.Fatalf("%s's new token on %s: %v", name, vname, err)
			}
			if _, err := v.verifyWithIdentityKeys(ctx, before); err != nil {
				t.Fatalf("old token on %s after activation: %v", vname, err)
			}
		}
	}

	// RetiredKeyTTL after the activation the old key is gone and its
	// tokens are refused as unknown.
	clk.Advance(activation.Add(token.RetiredKeyTTL + keyCacheTTL).Sub(clk.Now()))
	if got := publishedOpenID(t, b); !slices.Equal(got, []string{newKID}) {
		t.Fatalf("JWKS after RetiredKeyTTL: %v", got)
	}
	if _, err := b.verifyWithIdentityKeys(ctx, before); !errors.Is(err, token.ErrSignature) {
		t.Fatalf("old token after RetiredKeyTTL: %v", err)
	}
	infos, _ = a.OpenIDKeys(ctx)
	if len(infos) != 2 || infos[0].State != "expired" || infos[1].State != "signing" {
		t.Fatalf("keys after RetiredKeyTTL: %+v", infos)
	}
	// The next rotation removes it.
	rot, err = a.RotateOpenIDKeys(ctx, 0)
	if err != nil || !slices.Equal(rot.Dropped, []string{oldKID}) || !slices.Equal(rot.Replaced, []string{newKID}) {
		t.Fatalf("second rotation: %+v %v", rot, err)
	}
	if _, kid := signOpenID(t, a); kid != rot.NewKeyID {
		t.Fatalf("after an immediate rotation signed with %s, want %s", kid, rot.NewKeyID)
	}
	infos, _ = a.OpenIDKeys(ctx)
	if len(infos) != 2 || infos[0].KeyID != newKID || infos[0].State != "retired" || infos[1].State != "signing" {
		t.Fatalf("keys after the second rotation: %+v", infos)
	}
}
