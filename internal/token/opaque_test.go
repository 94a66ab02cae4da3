package token

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// refreshTokenPattern is RefreshToken's pattern in the cognito-idp model.
var refreshTokenPattern = regexp.MustCompile(`^[A-Za-z0-9-_=.]+$`)

func TestNewOpaque(t *testing.T) {
	seen := map[string]bool{}
	for i := range 100 {
		token, hash := NewOpaque(rand.Reader)
		if !refreshTokenPattern.MatchString(token) {
			t.Fatalf("token outside the model's pattern: %s", token)
		}
		parts := strings.Split(token, ".")
		if len(parts) != 5 || parts[0] != "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ" {
			t.Fatalf("not JWE-shaped: %s", token)
		}
		header, _ := base64.RawURLEncoding.DecodeString(parts[0])
		if string(header) != `{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}` {
			t.Errorf("header = %s", header)
		}
		random := 0
		for _, p := range parts[1:] {
			b, err := base64.RawURLEncoding.DecodeString(p)
			if err != nil {
				t.Fatalf("part %q: %v", p, err)
			}
			random += len(b)
		}
		if random*8 < 256 {
			t.Errorf("only %d random bits", random*8)
		}
		if want := sha256.Sum256([]byte(token)); !bytes.Equal(hash, want[:]) || !bytes.Equal(HashOpaque(token), hash) {
			t.Errorf("hash is not SHA-256 of the token")
		}
		if !IsOpaque(token) {
			t.Errorf("IsOpaque(%s) = false", token)
		}
		if seen[token] {
			t.Fatalf("token repeated after %d draws", i)
		}
		seen[token] = true
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("entropy exhausted") }

func TestNewOpaquePanicsWithoutRandomness(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("NewOpaque returned a token without randomness")
		}
	}()
	NewOpaque(failingReader{})
}

func TestIsOpaque(t *testing.T) {
	ks := poolKeySet(t, loadKeys(t))
	access, _ := ks.Sign(UseAccess, accessClaimsAt(t0))
	refresh, _ := NewOpaque(rand.Reader)
	cases := []struct {
		name  string
		token string
		want  bool
	}{
		{"refresh token", refresh, true},
		{"access token", access, false},
		{"empty", "", false},
		{"header only", opaqueHeader, false},
		{"four parts", opaqueHeader + ".a.b.c", false},
		{"six parts", refresh + ".x", false},
		{"empty part", opaqueHeader + ".a..b.c", false},
		{"not base64url", opaqueHeader + ".a+b.c.d.e", false},
		{"other header", strings.Replace(refresh, "eyJjdHkiOiJKV1Qi", "eyJhbGciOiJIUzI1", 1), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsOpaque(tc.token); got != tc.want {
				t.Errorf("IsOpaque = %v, want %v", got, tc.want)
			}
		})
	}
}
