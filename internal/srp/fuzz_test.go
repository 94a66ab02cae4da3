package srp

import (
	"errors"
	"math/big"
	"testing"
	"time"
)

// FuzzVerifyClaim feeds arbitrary SRP_A (and signatures) to the server: it
// must never panic, and must refuse any A that is 0 mod N, or not below N.
func FuzzVerifyClaim(f *testing.F) {
	r := testRand(9)
	_, verifier, _ := NewVerifier(r, "P", "u", "pw")
	st, _ := NewServerState(r, verifier)
	N := grp.N.Text(16)
	for _, s := range []string{
		"", "0", "1", "2", "00", N, "00" + N, new(big.Int).Lsh(grp.N, 1).Text(16),
		new(big.Int).Sub(grp.N, big.NewInt(1)).Text(16), "-1", "+1", "0x1", "zz", " 1",
		newClientWithA(big.NewInt(7)).AHex(),
	} {
		f.Add(s, "c2lnbmF0dXJl")
	}
	f.Fuzz(func(t *testing.T, a, sig string) {
		ok, err := VerifyClaim(st, verifier, a, "P", "u", []byte("block"), "Tue Feb 3 04:05:06 UTC 2026", sig)
		if ok && err != nil {
			t.Fatal("ok with an error")
		}
		n, parsed := new(big.Int).SetString(a, 16)
		if parsed && (n.Sign() <= 0 || n.Cmp(grp.N) >= 0 || new(big.Int).Mod(n, grp.N).Sign() == 0) {
			if ok || !errors.Is(err, ErrInvalidA) {
				t.Fatalf("A=%.40s… not refused: %v, %v", a, ok, err)
			}
		}
		if !parsed && err == nil {
			t.Fatalf("unparseable A=%q accepted", a)
		}
		if ok {
			t.Fatalf("random claim accepted: A=%q sig=%q", a, sig)
		}
	})
}

// FuzzParseTimestamp: never panics; whatever parses formats back to the same
// second.
func FuzzParseTimestamp(f *testing.F) {
	for _, s := range []string{
		"Tue Feb 3 04:05:06 UTC 2026", "Tue Feb 03 04:05:06 UTC 2026", "Tue Feb  3 04:05:06 UTC 2026",
		"Thu Jan 1 00:00:00 UTC 1970", "Mon Jan 1 00:00:00 UTC 0000", "Fri Dec 31 23:59:59 UTC 9999",
		"Tue Feb 3 04:05:06.999 UTC 2026", "", "UTC", "Tue Feb 31 04:05:06 UTC 2026",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTimestamp(s)
		if err != nil {
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("%q parsed into %v", s, got.Location())
		}
		again, err := ParseTimestamp(FormatTimestamp(got))
		if err != nil || !again.Equal(got.Truncate(time.Second)) {
			t.Fatalf("%q -> %v -> %q -> %v, %v", s, got, FormatTimestamp(got), again, err)
		}
	})
}
