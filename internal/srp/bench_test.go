package srp

import (
	"bytes"
	"crypto/rand"
	"math/big"
	"testing"
)

type benchSetup struct {
	salt, verifier []byte
	st             ServerState
	cl             *Client
	block          []byte
	ts, sig        string
}

func newBenchSetup(b *testing.B) benchSetup {
	b.Helper()
	var s benchSetup
	var err error
	s.salt, s.verifier, err = NewVerifier(rand.Reader, "Pool", "user", "Correct-Horse-9!")
	if err != nil {
		b.Fatal(err)
	}
	if s.st, err = NewServerState(rand.Reader, s.verifier); err != nil {
		b.Fatal(err)
	}
	if s.cl, err = NewClient(rand.Reader); err != nil {
		b.Fatal(err)
	}
	s.block = make([]byte, 1024)
	s.ts = "Tue Feb 3 04:05:06 UTC 2026"
	if s.sig, err = s.cl.Claim("Pool", "user", "Correct-Horse-9!", HexSalt(s.salt), HexB(s.st), s.block, s.ts); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkNewServerState(b *testing.B) {
	s := newBenchSetup(b)
	for b.Loop() {
		if _, err := NewServerState(rand.Reader, s.verifier); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyClaim(b *testing.B) {
	s := newBenchSetup(b)
	A := s.cl.AHex()
	for b.Loop() {
		if ok, err := VerifyClaim(s.st, s.verifier, A, "Pool", "user", s.block, s.ts, s.sig); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkCheckPassword(b *testing.B) {
	s := newBenchSetup(b)
	for b.Loop() {
		if !CheckPassword("Pool", "user", "Correct-Horse-9!", s.salt, s.verifier) {
			b.Fatal("refused")
		}
	}
}

func BenchmarkClientClaim(b *testing.B) {
	s := newBenchSetup(b)
	saltHex, bHex := HexSalt(s.salt), HexB(s.st)
	for b.Loop() {
		if _, err := s.cl.Claim("Pool", "user", "Correct-Horse-9!", saltHex, bHex, s.block, s.ts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkServerSessionKey(b *testing.B) {
	s := newBenchSetup(b)
	A := s.cl.AHex()
	for b.Loop() {
		if _, err := ServerSessionKey(s.st, s.verifier, A); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExpG is g^e for a 256-bit e through the fixed-base table;
// BenchmarkExpGBigExp is the same with big.Int.Exp, as before the table.
func BenchmarkExpG(b *testing.B) {
	e := new(big.Int).SetBytes(bytes.Repeat([]byte{0xa7}, gExpBytes))
	expG(e) // build the table outside the loop
	for b.Loop() {
		expG(e)
	}
}

func BenchmarkExpGBigExp(b *testing.B) {
	e := new(big.Int).SetBytes(bytes.Repeat([]byte{0xa7}, gExpBytes))
	for b.Loop() {
		new(big.Int).Exp(grp.g, e, grp.N)
	}
}

// BenchmarkGTableBuild is the one-off cost of the table, paid by the first
// sign-in (or sign-up) of a process.
func BenchmarkGTableBuild(b *testing.B) {
	for b.Loop() {
		newGTable()
	}
}
