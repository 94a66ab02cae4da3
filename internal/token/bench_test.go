package token

import (
	"crypto/rand"
	"testing"
	"time"
)

func BenchmarkSignID(b *testing.B) {
	ks := poolKeySet(b, loadKeys(b))
	claims := IDClaims(fullIDInput())
	for b.Loop() {
		if _, err := ks.Sign(UseID, claims); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSignAccess(b *testing.B) {
	ks := poolKeySet(b, loadKeys(b))
	claims := accessClaimsAt(t0)
	for b.Loop() {
		if _, err := ks.Sign(UseAccess, claims); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	ks := poolKeySet(b, loadKeys(b))
	token, err := ks.Sign(UseAccess, accessClaimsAt(t0))
	if err != nil {
		b.Fatal(err)
	}
	now := t0.Add(time.Minute)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ks.Verify(token, now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJWKS(b *testing.B) {
	ks := poolKeySet(b, loadKeys(b))
	for b.Loop() {
		if len(ks.JWKS()) == 0 {
			b.Fatal("empty JWKS")
		}
	}
}

// BenchmarkNewKeySet is the one-off cost per pool (and per key change):
// header and JWKS rendering; key parsing happens in UnmarshalKey.
func BenchmarkNewKeySet(b *testing.B) {
	k := loadKeys(b)
	keys := []Key{k.id, k.access}
	for b.Loop() {
		if _, err := NewKeySet(keys, t0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewOpaque(b *testing.B) {
	for b.Loop() {
		NewOpaque(rand.Reader)
	}
}
