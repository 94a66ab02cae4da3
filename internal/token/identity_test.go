package token

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
)

// identityClaims is an identity-pool OpenID token's claim set, as
// GetOpenIdToken shapes it: no token_use.
func identityClaims(iat time.Time) map[string]any {
	return map[string]any{
		"iss": "https://cognito-identity.amazonaws.com",
		"sub": "us-east-1:11111111-2222-4333-8444-555555555555",
		"aud": "us-east-1:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
		"amr": []string{"unauthenticated"},
		"iat": iat.Unix(),
		"exp": iat.Add(10 * time.Minute).Unix(),
	}
}

// identityKeySet holds the identity key alone, as the identity pools'
// key set does.
func identityKeySet(t testing.TB) (KeySet, Key) {
	t.Helper()
	k := loadKey(t, "key-identity.json", UseIdentity)
	ks, err := NewKeySet([]Key{k}, t0)
	if err != nil {
		t.Fatal(err)
	}
	return ks, k
}

func TestIdentityTokenRoundTrip(t *testing.T) {
	ks, k := identityKeySet(t)
	token, err := ks.Sign(UseIdentity, identityClaims(t0))
	if err != nil {
		t.Fatal(err)
	}
	header, err := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"kid":"` + k.ID + `","alg":"RS256"}`; string(header) != want {
		t.Errorf("header = %s, want %s", header, want)
	}
	claims, err := ks.VerifyUse(token, UseIdentity, t0.Add(time.Minute))
	if err != nil {
		t.Fatalf("VerifyUse: %v", err)
	}
	if _, has := claims["token_use"]; has || claims["aud"] != identityClaims(t0)["aud"] {
		t.Errorf("claims = %v", claims)
	}
	if got := jwksKids(t, ks.JWKS()); len(got) != 1 || got[0] != k.ID {
		t.Errorf("JWKS kids = %v, want [%s]", got, k.ID)
	}
	if _, err := ks.VerifyUse(token, UseIdentity, t0.Add(11*time.Minute)); !errors.Is(err, ErrExpired) {
		t.Errorf("expired identity token: %v, want ErrExpired", err)
	}
}

// TestIdentityUseIsSeparate keeps identity-pool tokens and user-pool tokens
// apart in both directions, whatever keys a set holds.
func TestIdentityUseIsSeparate(t *testing.T) {
	keys := loadKeys(t)
	identity := loadKey(t, "key-identity.json", UseIdentity)
	all, err := NewKeySet([]Key{keys.id, keys.access, identity}, t0)
	if err != nil {
		t.Fatal(err)
	}
	identityToken, err := all.Sign(UseIdentity, identityClaims(t0))
	if err != nil {
		t.Fatal(err)
	}
	idToken, err := all.Sign(UseID, IDClaims(fullIDInput()))
	if err != nil {
		t.Fatal(err)
	}
	withUse := identityClaims(t0)
	withUse["token_use"] = "id"
	forgedWithUse := rawToken(`{"kid":"`+identity.ID+`","alg":"RS256"}`, mustJSON(t, withUse), rs256(identity.Private))
	withoutUse := IDClaims(fullIDInput())
	delete(withoutUse, "token_use")
	idKeyWithoutUse := rawToken(`{"kid":"`+keys.id.ID+`","alg":"RS256"}`, mustJSON(t, withoutUse), rs256(keys.id.Private))

	verify := []struct {
		name, token, use string
		wantErr          error
	}{
		{"identity token as identity", identityToken, UseIdentity, nil},
		{"identity token as an ID token", identityToken, UseID, ErrWrongUse},
		{"ID token as an identity token", idToken, UseIdentity, ErrWrongUse},
		{"identity key signing a token_use", forgedWithUse, UseIdentity, ErrWrongUse},
		{"ID key signing no token_use", idKeyWithoutUse, UseID, ErrWrongUse},
	}
	for _, tc := range verify {
		t.Run(tc.name, func(t *testing.T) {
			_, err := all.VerifyUse(tc.token, tc.use, t0)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Errorf("VerifyUse = %v, want %v", err, tc.wantErr)
			}
			_, err = parseAndVerify(all, tc.token, tc.use, t0)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Errorf("Parse + VerifyParsed = %v, want %v", err, tc.wantErr)
			}
		})
	}

	sign := []struct {
		name   string
		use    string
		claims map[string]any
	}{
		{"identity claims carrying token_use", UseIdentity, withUse},
		{"identity claims with the ID key", UseID, identityClaims(t0)},
		{"ID claims with the identity key", UseIdentity, IDClaims(fullIDInput())},
	}
	for _, tc := range sign {
		t.Run("sign "+tc.name, func(t *testing.T) {
			if token, err := all.Sign(tc.use, tc.claims); !errors.Is(err, ErrWrongUse) {
				t.Errorf("Sign = %q, %v; want ErrWrongUse", token, err)
			}
		})
	}
	if kid, ok := all.SigningKeyID(UseIdentity); !ok || kid != identity.ID {
		t.Errorf("identity signer = %q, %v", kid, ok)
	}
	poolOnly := poolKeySet(t, keys)
	if _, err := poolOnly.Sign(UseIdentity, identityClaims(t0)); !errors.Is(err, ErrNoSigningKey) {
		t.Errorf("user-pool key set signed an identity token: %v", err)
	}
}
