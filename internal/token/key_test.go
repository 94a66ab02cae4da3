package token

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestGenerateKey(t *testing.T) {
	for _, use := range []string{UseID, UseAccess} {
		t.Run(use, func(t *testing.T) {
			k, err := GenerateKey(rand.Reader, use, t0)
			if err != nil {
				t.Fatal(err)
			}
			if k.Use != use || !k.CreatedAt.Equal(t0) || k.RetiredAt != nil {
				t.Errorf("key metadata = %+v", k)
			}
			if bits := k.Private.N.BitLen(); bits != KeyBits {
				t.Errorf("modulus of %d bits", bits)
			}
			// Cognito-like kid: standard base64 of 32 bytes, 44 characters.
			raw, err := base64.StdEncoding.DecodeString(k.ID)
			if len(k.ID) != 44 || err != nil || len(raw) != 32 {
				t.Errorf("kid %q: %d chars, %d bytes, %v", k.ID, len(k.ID), len(raw), err)
			}
			if again, _ := KeyID(&k.Private.PublicKey); again != k.ID {
				t.Errorf("KeyID not stable: %q vs %q", again, k.ID)
			}
		})
	}
	if _, err := GenerateKey(rand.Reader, "refresh", t0); err == nil {
		t.Error("GenerateKey accepted use \"refresh\"")
	}
}

func TestKeyIDDiffersPerKey(t *testing.T) {
	k := loadKeys(t)
	if k.id.ID == k.access.ID || k.access.ID == k.other.ID {
		t.Errorf("kids collide: %q %q %q", k.id.ID, k.access.ID, k.other.ID)
	}
	for _, key := range []Key{k.id, k.access, k.other} {
		if want, _ := KeyID(&key.Private.PublicKey); key.ID != want {
			t.Errorf("stored kid %q, derived %q", key.ID, want)
		}
	}
}

func TestMarshalKeyRoundTrip(t *testing.T) {
	k := loadKeys(t)
	retired := t0.Add(time.Hour).In(time.FixedZone("CET", 3600))
	withRetired := k.access
	withRetired.RetiredAt = &retired

	for _, tc := range []struct {
		name string
		key  Key
	}{
		{"active", k.id},
		{"retired", withRetired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := MarshalKey(tc.key)
			if err != nil {
				t.Fatal(err)
			}
			got, err := UnmarshalKey(b)
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != tc.key.ID || got.Use != tc.key.Use || !got.CreatedAt.Equal(tc.key.CreatedAt) {
				t.Errorf("metadata: got %+v, want %+v", got, tc.key)
			}
			if (got.RetiredAt == nil) != (tc.key.RetiredAt == nil) ||
				(got.RetiredAt != nil && !got.RetiredAt.Equal(*tc.key.RetiredAt)) {
				t.Errorf("RetiredAt: got %v, want %v", got.RetiredAt, tc.key.RetiredAt)
			}
			if !got.Private.Equal(tc.key.Private) {
				t.Error("private key changed in the round trip")
			}
		})
	}
}

func TestUnmarshalKeyRefuses(t *testing.T) {
	k := loadKeys(t)
	good, err := MarshalKey(k.id)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, _ := json.Marshal(m)
		return b
	}
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecDER, _ := x509.MarshalPKCS8PrivateKey(ec)
	small, _ := rsa.GenerateKey(rand.Reader, 1024)
	smallDER, _ := x509.MarshalPKCS8PrivateKey(small)

	for _, tc := range []struct {
		name string
		blob []byte
	}{
		{"not JSON", []byte("not json")},
		{"unknown version", edit(func(m map[string]any) { m["v"] = 2 })},
		{"no kid", edit(func(m map[string]any) { delete(m, "kid") })},
		{"unknown use", edit(func(m map[string]any) { m["use"] = "sig" })},
		{"garbage DER", edit(func(m map[string]any) { m["pkcs8"] = "AAAA" })},
		{"EC key", edit(func(m map[string]any) { m["pkcs8"] = ecDER })},
		{"1024-bit RSA", edit(func(m map[string]any) { m["pkcs8"] = smallDER })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := UnmarshalKey(tc.blob); err == nil {
				t.Errorf("UnmarshalKey(%s) succeeded", tc.blob)
			}
		})
	}
	if _, err := MarshalKey(Key{ID: "x", Use: UseID}); err == nil {
		t.Error("MarshalKey without a private key succeeded")
	}
	if !strings.Contains(string(good), `"use":"id"`) {
		t.Errorf("stored form lacks use: %s", good)
	}
}
