package srp

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// testRand is a deterministic random source for tests.
func testRand(seed byte) io.Reader {
	return rand.NewChaCha8([32]byte{seed})
}

func TestPadBytes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0", "00"},
		{"1", "01"},
		{"7f", "7f"},
		{"80", "0080"},
		{"ff", "00ff"},
		{"100", "0100"},
		{"a1b2", "00a1b2"},
		{"abc", "0abc"},
		{"7fff", "7fff"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			n, _ := new(big.Int).SetString(tc.in, 16)
			if got := hex.EncodeToString(padBytes(n)); got != tc.want {
				t.Errorf("padBytes(%s) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestPoolName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"us-east-1_AbC", "AbC"},
		{"eu-west-2_9xYz12345", "9xYz12345"},
		{"nounderscore", ""},
		{"a_b_c", "b"},
		{"_x", "x"},
		{"", ""},
	} {
		if got := PoolName(tc.in); got != tc.want {
			t.Errorf("PoolName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHexSalt(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"9f3c", "9f3c"},
		{"0a1b", "0a1b"},
		{"00a1", "a1"},
		{"0000", "00"},
		{"", "00"},
	} {
		if got := HexSalt(mustHexBytes(t, tc.in)); got != tc.want {
			t.Errorf("HexSalt(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseHex(t *testing.T) {
	for _, s := range []string{"", "-1", "+1", "0x10", " 1", "1 ", "g", "1_0", strings.Repeat("1", maxHexDigits+1)} {
		if _, ok := parseHex(s); ok {
			t.Errorf("parseHex(%q) accepted", s)
		}
	}
	for _, s := range []string{"0", "1", "aBcD", strings.Repeat("f", maxHexDigits)} {
		if _, ok := parseHex(s); !ok {
			t.Errorf("parseHex(%q) refused", s)
		}
	}
}

// TestRoundTrip runs Incognito's client against Incognito's server (the JS
// vectors are what prove the maths; this covers the API end to end).
func TestRoundTrip(t *testing.T) {
	r := testRand(1)
	pool, user, pw := PoolName("us-east-1_RoundTrip1"), "0b6e3d52-1111-4c2d-9e8f-000000000001", "Hunter2-Hunter2"
	salt, verifier, err := NewVerifier(r, pool, user, pw)
	if err != nil {
		t.Fatal(err)
	}
	if len(salt) != saltLen || salt[0] == 0 || len(verifier) != nLen {
		t.Fatalf("salt %x, verifier %d bytes", salt, len(verifier))
	}
	st, err := NewServerState(r, verifier)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.B) != nLen || len(st.PrivateB) != privateBLen {
		t.Fatalf("state sizes %d, %d", len(st.B), len(st.PrivateB))
	}
	cl, err := NewClient(r)
	if err != nil {
		t.Fatal(err)
	}
	block := []byte("sealed state would go here")
	ts := FormatTimestamp(time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC))
	for _, tc := range []struct {
		name, password string
		want           bool
	}{
		{"right password", pw, true},
		{"wrong password", pw + "!", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sig, err := cl.Claim(pool, user, tc.password, HexSalt(salt), HexB(st), block, ts)
			if err != nil {
				t.Fatal(err)
			}
			ok, err := VerifyClaim(st, verifier, cl.AHex(), pool, user, block, ts, sig)
			if err != nil || ok != tc.want {
				t.Fatalf("VerifyClaim = %v, %v; want %v", ok, err, tc.want)
			}
		})
	}
}

func TestVerifyClaimRefusesA(t *testing.T) {
	r := testRand(2)
	_, verifier, _ := NewVerifier(r, "P", "u", "pw")
	st, _ := NewServerState(r, verifier)
	N := grp.N.Text(16)
	for _, tc := range []struct{ name, a string }{
		{"empty", ""},
		{"zero", "0"},
		{"zeros", "0000"},
		{"N", N},
		{"N with leading zeros", "00" + N},
		{"2N", new(big.Int).Lsh(grp.N, 1).Text(16)},
		{"N+1", new(big.Int).Add(grp.N, big.NewInt(1)).Text(16)},
		{"negative", "-1"},
		{"non-hex", "xyz"},
		{"0x prefix", "0x1234"},
		{"too long", strings.Repeat("1", maxHexDigits+1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := VerifyClaim(st, verifier, tc.a, "P", "u", nil, "t", "c2ln")
			if ok || !errors.Is(err, ErrInvalidA) {
				t.Errorf("VerifyClaim(A=%.20s) = %v, %v", tc.a, ok, err)
			}
		})
	}
}

func TestVerifyClaimBadInputs(t *testing.T) {
	r := testRand(3)
	_, verifier, _ := NewVerifier(r, "P", "u", "pw")
	st, _ := NewServerState(r, verifier)
	A := newClientWithA(big.NewInt(12345)).AHex()
	badV := [][]byte{nil, {0}, grp.N.Bytes(), bytes.Repeat([]byte{0xff}, nLen+1)}
	for i, v := range badV {
		if _, err := VerifyClaim(st, v, A, "P", "u", nil, "t", "c2ln"); !errors.Is(err, ErrInvalidVerifier) {
			t.Errorf("verifier %d: err = %v", i, err)
		}
		if _, err := NewServerState(r, v); !errors.Is(err, ErrInvalidVerifier) {
			t.Errorf("NewServerState verifier %d: err = %v", i, err)
		}
		if CheckPassword("P", "u", "pw", []byte{1}, v) {
			t.Errorf("CheckPassword verifier %d: accepted", i)
		}
	}
	for name, bad := range map[string]ServerState{
		"empty":  {},
		"no b":   {B: st.B},
		"B zero": {B: make([]byte, nLen), PrivateB: st.PrivateB},
		"B = N":  {B: grp.N.Bytes(), PrivateB: st.PrivateB},
	} {
		if _, err := VerifyClaim(bad, verifier, A, "P", "u", nil, "t", "c2ln"); !errors.Is(err, ErrInvalidState) {
			t.Errorf("state %s: err = %v", name, err)
		}
	}
}

func TestClientRefusesB(t *testing.T) {
	cl := newClientWithA(big.NewInt(99))
	for _, tc := range []struct{ name, salt, b string }{
		{"B zero", "01", "0"},
		{"B = N", "01", grp.N.Text(16)},
		{"B = 3N", "01", new(big.Int).Mul(grp.N, big.NewInt(3)).Text(16)},
		{"B empty", "01", ""},
		{"B non-hex", "01", "12g4"},
		{"salt empty", "", "1234"},
		{"salt non-hex", "zz", "1234"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := cl.Claim("P", "u", "pw", tc.salt, tc.b, nil, "t"); err == nil {
				t.Error("accepted")
			}
		})
	}
}

// failingReader gives n one-bytes, then fails; zeroReader gives only zeros.
type failingReader struct{ n int }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("boom")
	}
	k := min(len(p), f.n)
	for i := range p[:k] {
		p[i] = 1
	}
	f.n -= k
	return k, nil
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestRandomFailures(t *testing.T) {
	_, verifier, _ := NewVerifier(testRand(4), "P", "u", "pw")
	if _, _, err := NewVerifier(&failingReader{n: 3}, "P", "u", "pw"); !errors.Is(err, ErrRandom) {
		t.Errorf("NewVerifier: %v", err)
	}
	if _, _, err := NewVerifier(zeroReader{}, "P", "u", "pw"); !errors.Is(err, ErrRandom) {
		t.Errorf("NewVerifier with zero salts: %v", err)
	}
	if _, err := NewServerState(&failingReader{}, verifier); !errors.Is(err, ErrRandom) {
		t.Errorf("NewServerState: %v", err)
	}
	if _, err := NewServerState(zeroReader{}, verifier); !errors.Is(err, ErrRandom) {
		t.Errorf("NewServerState with b = 0: %v", err)
	}
	if _, err := NewClient(zeroReader{}); !errors.Is(err, ErrRandom) {
		t.Errorf("NewClient with a = 0: %v", err)
	}
	if _, err := NewDeviceSecret(&failingReader{n: 10}, "g", "k"); !errors.Is(err, ErrRandom) {
		t.Errorf("NewDeviceSecret: %v", err)
	}
}

func TestTimestamps(t *testing.T) {
	want := time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)
	if got := FormatTimestamp(want); got != "Tue Feb 3 04:05:06 UTC 2026" {
		t.Errorf("FormatTimestamp = %q", got)
	}
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"Tue Feb 3 04:05:06 UTC 2026", true},
		{"Tue Feb 03 04:05:06 UTC 2026", true},
		{"Tue Feb  3 04:05:06 UTC 2026", true},
		{"tue feb 3 04:05:06 UTC 2026", true},
		{"Tue Feb 3 04:05:06 GMT 2026", false},
		{"Tue Feb 3 04:05:06 2026", false},
		{"2026-02-03T04:05:06Z", false},
		{"Tue Feb 30 04:05:06 UTC 2026", false},
		{"", false},
		{strings.Repeat("Tue ", 20), false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseTimestamp(tc.in)
			if (err == nil) != tc.ok || (tc.ok && !got.Equal(want)) {
				t.Errorf("ParseTimestamp(%q) = %v, %v", tc.in, got, err)
			}
		})
	}
}

func TestDeviceSecret(t *testing.T) {
	const group, key = "-Ab3dEfGh", "us-east-1_0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	ds, err := NewDeviceSecret(testRand(5), group, key)
	if err != nil {
		t.Fatal(err)
	}
	if raw, err := base64.StdEncoding.DecodeString(ds.Password); err != nil || len(raw) != devicePasswordLen {
		t.Fatalf("password %q", ds.Password)
	}
	salt, verifier, err := DecodeDeviceVerifierConfig(ds.PasswordVerifier, ds.Salt)
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(group, key, ds.Password, salt, verifier) {
		t.Error("device verifier does not match its password")
	}
	// And a whole device sign-in.
	st, _ := NewServerState(testRand(6), verifier)
	cl, _ := NewClient(testRand(7))
	sig, err := cl.Claim(group, key, ds.Password, HexSalt(salt), HexB(st), []byte{1, 2, 3}, "Tue Feb 3 04:05:06 UTC 2026")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := VerifyClaim(st, verifier, cl.AHex(), group, key, []byte{1, 2, 3}, "Tue Feb 3 04:05:06 UTC 2026", sig); !ok || err != nil {
		t.Errorf("device claim: %v, %v", ok, err)
	}

	b64 := base64.StdEncoding.EncodeToString
	for _, tc := range []struct{ name, v, s string }{
		{"verifier not base64", "!!", ds.Salt},
		{"verifier zero", b64([]byte{0}), ds.Salt},
		{"verifier N", b64(grp.N.Bytes()), ds.Salt},
		{"verifier too long", b64(make([]byte, nLen+2)), ds.Salt},
		{"salt not base64", ds.PasswordVerifier, "!!"},
		{"salt empty", ds.PasswordVerifier, ""},
		{"salt too long", ds.PasswordVerifier, b64(make([]byte, maxDeviceSaltLen+1))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := DecodeDeviceVerifierConfig(tc.v, tc.s); err == nil {
				t.Error("accepted")
			}
		})
	}
}
