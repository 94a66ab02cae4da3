package userpool

import (
	"bytes"
	"crypto/sha256"
	"testing"
)

func TestValidatePassword(t *testing.T) {
	all := PasswordPolicy{MinimumLength: 8, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true}
	none := PasswordPolicy{MinimumLength: 6}
	const prefix = "Password did not conform with policy: "
	tests := []struct {
		name     string
		policy   PasswordPolicy
		password string
		want     string // "" = accepted
	}{
		{"meets every rule", all, "Passw0rd!", ""},
		{"too short", all, "Pa0!", "Password not long enough"},
		{"length counts characters not bytes", PasswordPolicy{MinimumLength: 6}, "ééééé", "Password not long enough"},
		{"exactly the minimum", none, "abcdef", ""},
		{"unset minimum means 8", PasswordPolicy{}, "abcdefg", "Password not long enough"},
		{"no lowercase", all, "PASSW0RD!", "Password must have lowercase characters"},
		{"no uppercase", all, "passw0rd!", "Password must have uppercase characters"},
		{"no number", all, "Password!", "Password must have numeric characters"},
		{"no symbol", all, "Passw0rdX", "Password must have symbol characters"},
		{"length is checked first", all, "abc", "Password not long enough"},
		{"lowercase is checked before uppercase", all, "12345678!", "Password must have lowercase characters"},
		{"inner space is a symbol", all, "Pass w0rdX", ""},
		{"trailing space is not a symbol", all, "Passw0rdX ", "Password must have symbol characters"},
		{"every listed symbol counts", all, "Passw0rd`", ""},
		{"non-Latin letters are not uppercase", all, "ÉÉÉÉw0rd!", "Password must have uppercase characters"},
		{"policy without requirements", none, "aaaaaa", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidatePassword(tt.policy, tt.password)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				return
			}
			if !IsCode(err, InvalidPassword) {
				t.Fatalf("got %v, want InvalidPasswordException", err)
			}
			if got := err.(*Error).Message; got != prefix+tt.want {
				t.Fatalf("message %q, want %q", got, prefix+tt.want)
			}
		})
	}
}

func TestPasswordSymbolsEachCount(t *testing.T) {
	policy := PasswordPolicy{MinimumLength: 6, RequireSymbols: true}
	for _, r := range PasswordSymbols {
		if err := ValidatePassword(policy, "abcdef"+string(r)); err != nil {
			t.Errorf("symbol %q not accepted: %v", r, err)
		}
	}
}

// countingReader is a deterministic stream of pseudo-random bytes.
type countingReader struct {
	n   uint64
	buf []byte
}

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		if len(r.buf) == 0 {
			r.n++
			sum := sha256.Sum256([]byte{byte(r.n), byte(r.n >> 8), byte(r.n >> 16)})
			r.buf = sum[:]
		}
		p[i], r.buf = r.buf[0], r.buf[1:]
	}
	return len(p), nil
}

func TestGeneratePasswordMeetsPolicy(t *testing.T) {
	policies := []struct {
		name   string
		policy PasswordPolicy
	}{
		{"default", PasswordPolicy{MinimumLength: 8, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true}},
		{"long", PasswordPolicy{MinimumLength: 99, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true}},
		{"lax", PasswordPolicy{MinimumLength: 6}},
	}
	rand := &countingReader{}
	for _, p := range policies {
		t.Run(p.name, func(t *testing.T) {
			seen := map[string]bool{}
			for i := 0; i < 200; i++ {
				pw, err := GeneratePassword(rand, p.policy)
				if err != nil {
					t.Fatal(err)
				}
				if err := ValidatePassword(p.policy, pw); err != nil {
					t.Fatalf("generated %q: %v", pw, err)
				}
				if len(pw) < 12 {
					t.Fatalf("generated %q is shorter than 12", pw)
				}
				seen[pw] = true
			}
			if len(seen) < 200 {
				t.Fatalf("only %d distinct passwords in 200", len(seen))
			}
		})
	}
}

func TestGeneratePasswordFailsWithoutRandomness(t *testing.T) {
	if _, err := GeneratePassword(bytes.NewReader(nil), PasswordPolicy{}); err == nil {
		t.Fatal("want an error from an empty random source")
	}
}
