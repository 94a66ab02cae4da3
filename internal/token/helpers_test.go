package token

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata golden files (and create missing test keys)")

// Fixed instants, so goldens and expiry checks are stable.
var (
	keysCreated = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	t0          = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

// testKeys holds the fixed keys in testdata: the pool's ID and access keys
// and a foreign key that plays the attacker.
type testKeys struct {
	id, access, other Key
}

// loadKeys reads the fixed test keys. They are test-only RSA keys, kept in
// testdata so that the JWKS golden file is stable (Go 1.26 ignores the
// random source in rsa.GenerateKey, so keys cannot be derived from a seed).
func loadKeys(t testing.TB) testKeys {
	t.Helper()
	return testKeys{
		id:     loadKey(t, "key-id.json", UseID),
		access: loadKey(t, "key-access.json", UseAccess),
		other:  loadKey(t, "key-other.json", UseAccess),
	}
}

func loadKey(t testing.TB, name, use string) Key {
	t.Helper()
	path := filepath.Join("testdata", name)
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) && *update {
		k, err := GenerateKey(rand.Reader, use, keysCreated)
		if err != nil {
			t.Fatal(err)
		}
		if b, err = MarshalKey(k); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if err != nil {
		t.Fatalf("%v (run go test -update once to create test keys)", err)
	}
	k, err := UnmarshalKey(bytes.TrimSpace(b))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// poolKeySet is the KeySet of the pool under test: the ID and access keys.
func poolKeySet(t testing.TB, k testKeys) KeySet {
	t.Helper()
	ks, err := NewKeySet([]Key{k.id, k.access}, t0)
	if err != nil {
		t.Fatal(err)
	}
	return ks
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file\n got: %s\nwant: %s", name, got, want)
	}
}

// b64 is base64url without padding, as JOSE uses.
func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// rawToken assembles header.payload.signature from raw JSON, signing the
// first two parts with sign (nil leaves the signature empty). Attack tests
// use it to build tokens that Sign would never produce.
func rawToken(header, payload string, sign func(input []byte) []byte) string {
	input := b64([]byte(header)) + "." + b64([]byte(payload))
	var sig []byte
	if sign != nil {
		sig = sign([]byte(input))
	}
	return input + "." + b64(sig)
}

// rs256 signs with priv, RSASSA-PKCS1-v1_5 over SHA-256.
func rs256(priv *rsa.PrivateKey) func([]byte) []byte {
	return func(input []byte) []byte {
		h := sha256.Sum256(input)
		sig, err := rsa.SignPKCS1v15(nil, priv, crypto.SHA256, h[:])
		if err != nil {
			panic(err)
		}
		return sig
	}
}

// accessClaimsAt is a valid access-token claim set issued at iat.
func accessClaimsAt(iat time.Time) map[string]any {
	return AccessClaims(AccessInput{
		Issuer:    "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz",
		Sub:       "0b3c5d7e-1111-4222-8333-944445555666",
		ClientID:  "4pq1ib8p0uo7tqhvhpbkbr3f0t",
		Username:  "0b3c5d7e-1111-4222-8333-944445555666",
		IssuedAt:  iat,
		Expires:   iat.Add(time.Hour),
		JTI:       "6c4a2f0e-aaaa-4bbb-8ccc-ddddeeeeffff",
		OriginJTI: "8e2d4b6a-1234-4567-89ab-cdef01234567",
		EventID:   "1a2b3c4d-0000-4000-8000-000000000001",
		Scope:     "aws.cognito.signin.user.admin",
	})
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// parseAndVerify is the two-step path of Parse and KeySet.VerifyParsed,
// which must accept and refuse exactly what Verify and VerifyUse do.
func parseAndVerify(ks KeySet, token, use string, now time.Time) (map[string]any, error) {
	p, err := Parse(token)
	if err != nil {
		return nil, err
	}
	return ks.VerifyParsed(p, use, now)
}
