package token

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// normalise turns claims into what Verify returns (JSON numbers as float64).
func normalise(t *testing.T, claims map[string]any) map[string]any {
	t.Helper()
	var out map[string]any
	if err := json.Unmarshal([]byte(mustJSON(t, claims)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSignVerifyRoundTrip(t *testing.T) {
	k := loadKeys(t)
	ks := poolKeySet(t, k)
	cases := []struct {
		name   string
		use    string
		claims map[string]any
		kid    string
	}{
		{"id token", UseID, IDClaims(fullIDInput()), k.id.ID},
		{"access token", UseAccess, accessClaimsAt(t0), k.access.ID},
		{"oauth access token", UseAccess, AccessClaims(AccessInput{
			Issuer: testIssuer, Sub: testSub, ClientID: testClientID, Username: testSub,
			IssuedAt: t0, Expires: t0.Add(5 * time.Minute), Scope: "openid email", Version: 2,
		}), k.access.ID},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			token, err := ks.Sign(tc.use, tc.claims)
			if err != nil {
				t.Fatal(err)
			}
			parts := strings.Split(token, ".")
			if len(parts) != 3 {
				t.Fatalf("token has %d parts", len(parts))
			}
			header, err := base64.RawURLEncoding.DecodeString(parts[0])
			if err != nil {
				t.Fatal(err)
			}
			if want := `{"kid":"` + tc.kid + `","alg":"RS256"}`; string(header) != want {
				t.Errorf("header = %s, want %s", header, want)
			}
			if strings.ContainsAny(token, "=+/ ") {
				t.Errorf("token is not base64url without padding: %s", token)
			}

			got, err := ks.Verify(token, t0.Add(time.Minute))
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if g, w := mustJSON(t, got), mustJSON(t, normalise(t, tc.claims)); g != w {
				t.Errorf("claims changed:\n got %s\nwant %s", g, w)
			}
			if _, err := ks.VerifyUse(token, tc.use, t0); err != nil {
				t.Errorf("VerifyUse(%s): %v", tc.use, err)
			}

			h, peeked, err := Peek(token)
			if err != nil {
				t.Fatalf("Peek: %v", err)
			}
			if h.KeyID != tc.kid || h.Algorithm != "RS256" || peeked["iss"] != testIssuer {
				t.Errorf("Peek = %+v, iss %v", h, peeked["iss"])
			}
		})
	}
}

func TestVerifyUse(t *testing.T) {
	ks := poolKeySet(t, loadKeys(t))
	idToken, _ := ks.Sign(UseID, IDClaims(fullIDInput()))
	accessToken, _ := ks.Sign(UseAccess, accessClaimsAt(t0))
	cases := []struct {
		name, token, use string
		wantErr          error
	}{
		{"access token where access is wanted", accessToken, UseAccess, nil},
		{"id token where id is wanted", idToken, UseID, nil},
		{"id token as AccessToken", idToken, UseAccess, ErrWrongUse},
		{"access token as identity-pool login", accessToken, UseID, ErrWrongUse},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ks.VerifyUse(tc.token, tc.use, t0)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Errorf("VerifyUse = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

func TestSignRefuses(t *testing.T) {
	k := loadKeys(t)
	ks := poolKeySet(t, k)
	onlyID, err := NewKeySet([]Key{k.id}, t0)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		ks      KeySet
		use     string
		claims  map[string]any
		wantErr error // nil: any error
	}{
		{"zero KeySet", KeySet{}, UseAccess, accessClaimsAt(t0), ErrNoSigningKey},
		{"no key for the use", onlyID, UseAccess, accessClaimsAt(t0), ErrNoSigningKey},
		{"unknown use", ks, "refresh", map[string]any{"token_use": "refresh"}, ErrNoSigningKey},
		{"access claims with the id key", ks, UseID, accessClaimsAt(t0), nil},
		{"id claims with the access key", ks, UseAccess, IDClaims(fullIDInput()), nil},
		{"claims without token_use", ks, UseAccess, map[string]any{"sub": "x"}, nil},
		{"nil claims", ks, UseAccess, nil, nil},
		{"claims JSON cannot encode", ks, UseAccess, map[string]any{"token_use": "access", "n": math.NaN()}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			token, err := tc.ks.Sign(tc.use, tc.claims)
			if err == nil {
				t.Fatalf("Sign succeeded: %s", token)
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

// TestVerifyTimes covers exp, nbf and iat on tokens signed with the right key.
func TestVerifyTimes(t *testing.T) {
	ks := poolKeySet(t, loadKeys(t))
	now := t0.Add(30 * time.Minute)
	sign := func(edit func(c map[string]any)) string {
		c := accessClaimsAt(t0) // iat t0, exp t0+1h
		edit(c)
		token, err := ks.Sign(UseAccess, c)
		if err != nil {
			t.Fatal(err)
		}
		return token
	}
	unix := func(d time.Duration) int64 { return t0.Add(d).Unix() }
	cases := []struct {
		name    string
		token   string
		now     time.Time
		wantErr error
	}{
		{"fresh", sign(func(map[string]any) {}), now, nil},
		{"one second before exp", sign(func(map[string]any) {}), t0.Add(time.Hour - time.Second), nil},
		{"exp equals now", sign(func(map[string]any) {}), t0.Add(time.Hour), ErrExpired},
		{"exp in the past", sign(func(map[string]any) {}), t0.Add(2 * time.Hour), ErrExpired},
		{"fractional exp just passed", sign(func(c map[string]any) { c["exp"] = float64(unix(time.Hour)) + 0.5 }), t0.Add(time.Hour + 600*time.Millisecond), ErrExpired},
		{"no exp", sign(func(c map[string]any) { delete(c, "exp") }), now, ErrMalformed},
		{"exp a string", sign(func(c map[string]any) { c["exp"] = "4102444800" }), now, ErrMalformed},
		{"nbf in the past", sign(func(c map[string]any) { c["nbf"] = unix(0) }), now, nil},
		{"nbf in the future", sign(func(c map[string]any) { c["nbf"] = unix(45 * time.Minute) }), now, ErrNotYetValid},
		{"nbf not a number", sign(func(c map[string]any) { c["nbf"] = true }), now, ErrMalformed},
		{"iat a little ahead (clock skew)", sign(func(c map[string]any) { c["iat"] = unix(32 * time.Minute) }), now, nil},
		{"iat far in the future", sign(func(c map[string]any) { c["iat"] = unix(50 * time.Minute) }), now, ErrNotYetValid},
		{"iat not a number", sign(func(c map[string]any) { c["iat"] = "now" }), now, ErrMalformed},
		{"no iat", sign(func(c map[string]any) { delete(c, "iat") }), now, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ks.Verify(tc.token, tc.now)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Errorf("Verify = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

func TestSignDoesNotEscapeHTML(t *testing.T) {
	ks := poolKeySet(t, loadKeys(t))
	in := fullIDInput()
	in.Attributes = map[string]string{"website": "https://example.com/?a=1&b=<2>"}
	token, err := ks.Sign(UseID, IDClaims(in))
	if err != nil {
		t.Fatal(err)
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(payload), `"website":"https://example.com/?a=1&b=<2>"`) {
		t.Errorf("payload = %s", payload)
	}
}
