package secret

import (
	"bytes"
	"errors"
	"testing"
)

func mustNew(t testing.TB, keys ...[]byte) *Sealer {
	t.Helper()
	s, err := New(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func key(b byte) []byte { return bytes.Repeat([]byte{b}, KeySize) }

func TestNew(t *testing.T) {
	tests := []struct {
		name string
		keys [][]byte
		ok   bool
	}{
		{name: "one key", keys: [][]byte{key(1)}, ok: true},
		{name: "rotation", keys: [][]byte{key(1), key(2), key(3)}, ok: true},
		{name: "no key", keys: nil},
		{name: "short key", keys: [][]byte{make([]byte, 16)}},
		{name: "long key", keys: [][]byte{make([]byte, 33)}},
		{name: "one bad among good", keys: [][]byte{key(1), nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.keys...)
			if (err == nil) != tt.ok {
				t.Fatalf("New: err = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestNewCopiesKeys(t *testing.T) {
	k := key(7)
	s := mustNew(t, k)
	sealed := s.Seal([]byte("x"), nil)
	k[0] ^= 1
	if _, err := s.Open(sealed, nil); err != nil {
		t.Fatalf("changing the caller's slice changed the Sealer: %v", err)
	}
}

func TestSealOpen(t *testing.T) {
	s := mustNew(t, key(1))
	tests := []struct {
		name      string
		plaintext []byte
		ad        []byte
	}{
		{name: "empty", plaintext: nil},
		{name: "short", plaintext: []byte("SRP verifier"), ad: []byte("pool:us-east-1_abc/user:alice")},
		{name: "large", plaintext: bytes.Repeat([]byte("x"), 1<<16), ad: []byte("ad")},
		{name: "binary", plaintext: []byte{0, 1, 2, 255}, ad: []byte{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sealed := s.Seal(tt.plaintext, tt.ad)
			if len(sealed) != overhead+len(tt.plaintext) {
				t.Errorf("len = %d, want %d", len(sealed), overhead+len(tt.plaintext))
			}
			got, err := s.Open(sealed, tt.ad)
			if err != nil || !bytes.Equal(got, tt.plaintext) {
				t.Fatalf("Open = %q, %v", got, err)
			}
			again := s.Seal(tt.plaintext, tt.ad)
			if bytes.Equal(again, sealed) {
				t.Error("two seals of the same value are equal: nonce reused")
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	s := mustNew(t, key(1))
	ad := []byte("pool-1")
	sealed := s.Seal([]byte("secret value"), ad)
	tests := []struct {
		name   string
		sealed []byte
		ad     []byte
		sealer *Sealer
	}{
		{name: "wrong associated data", sealed: sealed, ad: []byte("pool-2")},
		{name: "missing associated data", sealed: sealed, ad: nil},
		{name: "longer associated data", sealed: sealed, ad: []byte("pool-10")},
		{name: "other key", sealed: sealed, ad: ad, sealer: mustNew(t, key(2))},
		{name: "nil", sealed: nil, ad: ad},
		{name: "only the overhead minus one", sealed: sealed[:overhead-1], ad: ad},
		{name: "trailing byte", sealed: append(append([]byte(nil), sealed...), 0), ad: ad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := s
			if tt.sealer != nil {
				o = tt.sealer
			}
			if got, err := o.Open(tt.sealed, tt.ad); !errors.Is(err, ErrInvalid) || got != nil {
				t.Fatalf("Open = %q, %v; want ErrInvalid", got, err)
			}
		})
	}

	t.Run("every flipped bit", func(t *testing.T) {
		for i := range sealed {
			for bit := 0; bit < 8; bit++ {
				b := append([]byte(nil), sealed...)
				b[i] ^= 1 << bit
				if _, err := s.Open(b, ad); !errors.Is(err, ErrInvalid) {
					t.Fatalf("byte %d bit %d flipped: err = %v", i, bit, err)
				}
			}
		}
	})
	t.Run("every truncation", func(t *testing.T) {
		for n := 0; n < len(sealed); n++ {
			if _, err := s.Open(sealed[:n], ad); !errors.Is(err, ErrInvalid) {
				t.Fatalf("truncated to %d: err = %v", n, err)
			}
		}
	})
}

func TestRotation(t *testing.T) {
	old := mustNew(t, key(1))
	sealedOld := old.Seal([]byte("old"), []byte("ad"))

	rotated := mustNew(t, key(2), key(1))
	if got, err := rotated.Open(sealedOld, []byte("ad")); err != nil || string(got) != "old" {
		t.Fatalf("old value after rotation: %q, %v", got, err)
	}
	sealedNew := rotated.Seal([]byte("new"), []byte("ad"))
	if _, err := old.Open(sealedNew, []byte("ad")); !errors.Is(err, ErrInvalid) {
		t.Fatalf("new value sealed with the old key: %v", err)
	}
	if got, err := mustNew(t, key(2)).Open(sealedNew, []byte("ad")); err != nil || string(got) != "new" {
		t.Fatalf("new value with the new key alone: %q, %v", got, err)
	}
	// Derived sealers rotate the same way.
	dOld := old.Derive("auth-session").Seal([]byte("d"), nil)
	if _, err := rotated.Derive("auth-session").Open(dOld, nil); err != nil {
		t.Fatalf("derived old value after rotation: %v", err)
	}
}

// TestSharedKeyID makes two keys share an id, as 32-bit ids may by chance,
// and checks both still open.
func TestSharedKeyID(t *testing.T) {
	s := mustNew(t, key(1), key(2))
	s.keys[1].id = s.keys[0].id
	fromSecond := &Sealer{keys: []sealKey{s.keys[1]}}
	sealed := fromSecond.Seal([]byte("v"), nil)
	if got, err := s.Open(sealed, nil); err != nil || string(got) != "v" {
		t.Fatalf("Open = %q, %v", got, err)
	}
}

func TestDerive(t *testing.T) {
	master := mustNew(t, key(1))
	users := master.Derive("user-secrets")
	sessions := master.Derive("auth-session")
	pairs := []struct {
		name       string
		seal, open *Sealer
		ok         bool
	}{
		{name: "same purpose", seal: users, open: master.Derive("user-secrets"), ok: true},
		{name: "purposes apart", seal: users, open: sessions},
		{name: "purposes apart, other way", seal: sessions, open: users},
		{name: "master cannot open derived", seal: users, open: master},
		{name: "derived cannot open master", seal: master, open: users},
		{name: "derivation is not symmetric in depth", seal: users.Derive("x"), open: master.Derive("x")},
		{name: "prefix purposes apart", seal: master.Derive("a"), open: master.Derive("ab")},
	}
	for _, tt := range pairs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.open.Open(tt.seal.Seal([]byte("v"), nil), nil)
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok=%v", err, tt.ok)
			}
		})
	}
	if bytes.Equal(users.keys[0].raw, sessions.keys[0].raw) || bytes.Equal(users.keys[0].raw, master.keys[0].raw) {
		t.Fatal("derived keys are not distinct")
	}
}

func FuzzOpen(f *testing.F) {
	s := mustNew(f, key(1), key(2))
	f.Add(s.Seal([]byte("hello"), []byte("ad")), []byte("ad"))
	f.Add(mustNew(f, key(2)).Seal(nil, nil), []byte(nil))
	f.Add([]byte{}, []byte{})
	f.Add(bytes.Repeat([]byte{0}, overhead), []byte("x"))
	f.Fuzz(func(t *testing.T, sealed, ad []byte) {
		plain, err := s.Open(sealed, ad)
		if err != nil {
			if !errors.Is(err, ErrInvalid) || plain != nil {
				t.Fatalf("Open = %q, %v", plain, err)
			}
			return
		}
		// Whatever opens must have been sealed by us: reseal and reopen.
		if got, err := s.Open(s.Seal(plain, ad), ad); err != nil || !bytes.Equal(got, plain) {
			t.Fatalf("round trip of opened value failed: %v", err)
		}
		if len(sealed) != overhead+len(plain) {
			t.Fatalf("opened %d bytes from %d sealed", len(plain), len(sealed))
		}
	})
}
