package srp

import (
	"bytes"
	"io"
	"math/big"
	"testing"
)

// slowExpG is the reference: big.Int.Exp, as the package computed g^e
// before the table.
func slowExpG(e *big.Int) *big.Int {
	return new(big.Int).Exp(grp.g, e, grp.N)
}

func checkExpG(t *testing.T, name string, e *big.Int) {
	t.Helper()
	want := slowExpG(e)
	if got := expG(e); got.Cmp(want) != 0 {
		t.Errorf("%s: expG(%x) = %.16x…, want %.16x…", name, e, got, want)
	}
	if e.BitLen() <= 8*gExpBytes {
		var buf [gExpBytes]byte
		e.FillBytes(buf[:])
		if got := fixedBase().exp(&buf); got.Cmp(want) != 0 {
			t.Errorf("%s: table exp(%x) = %.16x…, want %.16x…", name, buf, got, want)
		}
	}
}

func TestExpGEdges(t *testing.T) {
	one := big.NewInt(1)
	pow2 := func(n uint) *big.Int { return new(big.Int).Lsh(one, n) }
	hexInt := func(s string) *big.Int {
		n, ok := new(big.Int).SetString(s, 16)
		if !ok {
			t.Fatalf("bad hex %q", s)
		}
		return n
	}
	max256 := new(big.Int).Sub(pow2(256), one)
	cases := map[string]*big.Int{
		"0":                         big.NewInt(0),
		"1":                         one,
		"2":                         big.NewInt(2),
		"255 (window 0 only)":       big.NewInt(255),
		"256 (window 1 only)":       big.NewInt(256),
		"257":                       big.NewInt(257),
		"2^255":                     pow2(255),
		"2^248 (top window only)":   pow2(248),
		"2^256-1 (all digits 255)":  max256,
		"2^256-2":                   new(big.Int).Sub(max256, one),
		"alternating 00/ff bytes":   hexInt("00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff"),
		"alternating ff/00 bytes":   hexInt("ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00"),
		"one leading zero byte":     hexInt("00c0ffee" + "11223344556677889900aabbccddeeff00112233445566778899aa"),
		"seven leading zero bytes":  hexInt("00000000000000" + "0123456789abcdef0123456789abcdef0123456789abcdef01"),
		"one byte in the middle":    new(big.Int).Lsh(big.NewInt(0x80), 128),
		"zero low byte":             hexInt("deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbe00"),
		"2^256 (beyond the table)":  pow2(256),
		"1024 bits (client's a)":    new(big.Int).Sub(pow2(1024), big.NewInt(12345)),
		"N-1 as exponent, fallback": new(big.Int).Sub(grp.N, one),
	}
	for name, e := range cases {
		checkExpG(t, name, e)
	}
	// Every digit alone in the first, second and last windows, and a few
	// digits in each of the others.
	for i := 0; i < gExpBytes; i++ {
		for d := 1; d <= gDigits; d++ {
			if i != 0 && i != 1 && i != gExpBytes-1 && d > 2 && d < gDigits-1 && d != 128 {
				continue
			}
			e := new(big.Int).Lsh(big.NewInt(int64(d)), uint(8*i))
			var buf [gExpBytes]byte
			e.FillBytes(buf[:])
			if got, want := fixedBase().exp(&buf), slowExpG(e); got.Cmp(want) != 0 {
				t.Fatalf("digit %d in window %d: wrong", d, i)
			}
		}
	}
}

// TestGTableEntries: every stored entry (i, d) is g^(d·2^(8i)) mod N, with
// the window bases taken from big.Int.Exp rather than from the table.
func TestGTableEntries(t *testing.T) {
	tab := fixedBase()
	if want := (gExpBytes - 1) * gDigits * len(grp.N.Bits()); len(tab.words) != want {
		t.Fatalf("table holds %d words, want %d", len(tab.words), want)
	}
	var view big.Int
	for i := 1; i < gExpBytes; i++ {
		base := slowExpG(new(big.Int).Lsh(big.NewInt(1), uint(8*i)))
		want := new(big.Int).Set(base)
		for d := 1; d <= gDigits; d++ {
			if tab.entry(&view, i, byte(d)).Cmp(want) != 0 {
				t.Fatalf("entry (%d, %d) is not g^(%d·2^%d)", i, d, d, 8*i)
			}
			want.Mul(want, base)
			want.Mod(want, grp.N)
		}
	}
}

func TestExpGRandom(t *testing.T) {
	r := testRand(11)
	buf := make([]byte, gExpBytes)
	for n := 0; n < 300; n++ {
		if _, err := io.ReadFull(r, buf); err != nil {
			t.Fatal(err)
		}
		// Shorten some exponents so that leading zero bytes are common.
		e := new(big.Int).SetBytes(buf[n%gExpBytes:])
		checkExpG(t, "random", e)
	}
}

// TestExpGConcurrent: the table is shared by every request; many
// goroutines using it at once (go test -race) must agree with Exp.
func TestExpGConcurrent(t *testing.T) {
	e := new(big.Int).SetBytes(bytes.Repeat([]byte{0xa5}, gExpBytes))
	want := slowExpG(e)
	errs := make(chan bool, 8)
	for range 8 {
		go func() { errs <- expG(e).Cmp(want) == 0 }()
	}
	for range 8 {
		if !<-errs {
			t.Error("concurrent expG differs")
		}
	}
}

// TestNewServerStateB: B = (k·v + g^b) mod N exactly, over seeds that take
// both sides of the single conditional subtraction.
func TestNewServerStateB(t *testing.T) {
	var reduced, unreduced int
	for seed := byte(0); seed < 24; seed++ {
		r := testRand(100 + seed)
		_, verifier, err := NewVerifier(r, "Pool", "user", "pw")
		if err != nil {
			t.Fatal(err)
		}
		st, err := NewServerState(r, verifier)
		if err != nil {
			t.Fatal(err)
		}
		v := new(big.Int).SetBytes(verifier)
		gb := slowExpG(new(big.Int).SetBytes(st.PrivateB))
		kv := new(big.Int).Mul(grp.k, v)
		kv.Mod(kv, grp.N)
		sum := new(big.Int).Add(kv, gb)
		if sum.Cmp(grp.N) >= 0 {
			reduced++
		} else {
			unreduced++
		}
		want := sum.Mod(sum, grp.N).FillBytes(make([]byte, nLen))
		if !bytes.Equal(st.B, want) {
			t.Fatalf("seed %d: B differs from (k·v + g^b) mod N", seed)
		}
	}
	if reduced == 0 || unreduced == 0 {
		t.Fatalf("only one branch exercised: %d reduced, %d not", reduced, unreduced)
	}
}

// TestJSServerB: given the vectors' b and verifier, NewServerState sends
// the vectors' SRP_B.
func TestJSServerB(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Claims {
		t.Run(c.Client+"/"+c.Name, func(t *testing.T) {
			b := mustHexInt(t, c.SmallB)
			if b.BitLen() > 8*privateBLen {
				t.Skipf("b of %d bits", b.BitLen())
			}
			verifier := mustHexInt(t, c.Verifier).FillBytes(make([]byte, nLen))
			st, err := NewServerState(bytes.NewReader(b.FillBytes(make([]byte, privateBLen))), verifier)
			if err != nil {
				t.Fatal(err)
			}
			if HexB(st) != c.B {
				t.Errorf("SRP_B = %.32s…, want %.32s…", HexB(st), c.B)
			}
		})
	}
}

// FuzzExpG: the table agrees with big.Int.Exp for any exponent of up to
// 32 bytes (longer inputs are cut), leading zeros included.
func FuzzExpG(f *testing.F) {
	for _, s := range [][]byte{
		{}, {0}, {1}, {0xff}, {1, 0}, bytes.Repeat([]byte{0xff}, gExpBytes),
		append([]byte{0, 0, 0}, bytes.Repeat([]byte{0x5a}, gExpBytes-3)...),
		bytes.Repeat([]byte{0xff}, gExpBytes+1),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > gExpBytes {
			raw = raw[:gExpBytes]
		}
		var buf [gExpBytes]byte
		copy(buf[gExpBytes-len(raw):], raw)
		e := new(big.Int).SetBytes(raw)
		want := slowExpG(e)
		if got := fixedBase().exp(&buf); got.Cmp(want) != 0 {
			t.Fatalf("table exp(%x) differs from Exp", buf)
		}
		if got := expG(e); got.Cmp(want) != 0 {
			t.Fatalf("expG(%x) differs from Exp", e)
		}
	})
}
