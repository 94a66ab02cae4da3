package token

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func fuzzSeeds(t testing.TB, k testKeys, ks KeySet) []string {
	id, _ := ks.Sign(UseID, IDClaims(fullIDInput()))
	access, _ := ks.Sign(UseAccess, accessClaimsAt(t0))
	refresh, _ := NewOpaque(strings.NewReader(strings.Repeat("\x00", 92)))
	kid := mustJSON(t, k.access.ID)
	claims := mustJSON(t, accessClaimsAt(t0))
	return []string{
		id, access, refresh, "", ".", "..", "a.b.c",
		rawToken(`{"alg":"none","kid":`+kid+`}`, claims, nil),
		rawToken(`{"alg":"HS256","kid":`+kid+`}`, claims, nil),
		rawToken(`{"alg":"RS256","kid":`+kid+`,"jwk":{"kty":"RSA","n":"AQAB","e":"AQAB"}}`, claims, nil),
		rawToken(`{"alg":"RS256","kid":`+kid+`,"x5c":["AAAA"]}`, claims, nil),
		rawToken(`{"alg":"RS256","kid":`+kid+`,"crit":["b64"],"b64":false}`, claims, nil),
		rawToken(`{"alg":"RS256","kid":`+kid+`}`, `{"exp":1e400}`, nil),
	}
}

// FuzzVerify: Verify never panics, fails only with the package's errors,
// and accepts nothing but tokens our keys signed.
func FuzzVerify(f *testing.F) {
	k := loadKeys(f)
	ks := poolKeySet(f, k)
	for _, s := range fuzzSeeds(f, k, ks) {
		f.Add(s)
	}
	sentinels := []error{ErrMalformed, ErrSignature, ErrExpired, ErrNotYetValid, ErrWrongUse}
	f.Fuzz(func(t *testing.T, token string) {
		claims, err := ks.Verify(token, t0)
		if parsed, perr := parseAndVerify(ks, token, "", t0); (perr == nil) != (err == nil) ||
			(err == nil && !reflect.DeepEqual(parsed, claims)) {
			t.Fatalf("Verify = %v, %v but Parse + VerifyParsed = %v, %v", claims, err, parsed, perr)
		}
		if err == nil {
			// The only valid tokens in reach are the seeds we signed.
			if claims["iss"] != testIssuer {
				t.Fatalf("accepted a token we did not sign: %q -> %v", token, claims)
			}
			return
		}
		for _, s := range sentinels {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("Verify error %v wraps none of the package's errors", err)
	})
}

// FuzzPeek: Peek never panics and returns claims only with a nil error.
func FuzzPeek(f *testing.F) {
	k := loadKeys(f)
	ks := poolKeySet(f, k)
	for _, s := range fuzzSeeds(f, k, ks) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, token string) {
		h, claims, err := Peek(token)
		if err != nil && (claims != nil || h != (Header{})) {
			t.Fatalf("Peek returned data with error %v", err)
		}
		if err == nil && claims == nil {
			t.Fatal("Peek returned nil claims without error")
		}
		_ = IsOpaque(token)
	})
}
