package token

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func at(t time.Time) *time.Time { return &t }

func withTimes(k Key, created time.Time, retired *time.Time) Key {
	k.CreatedAt, k.RetiredAt = created, retired
	return k
}

func TestNewKeySet(t *testing.T) {
	k := loadKeys(t)
	older := withTimes(k.other, keysCreated.Add(-time.Hour), nil)
	newer := withTimes(k.access, keysCreated, nil)

	cases := []struct {
		name       string
		keys       []Key
		now        time.Time
		wantSigner map[string]string // use -> kid; "" means none
		wantJWKS   []string          // kids, in order
		wantErr    string
	}{
		{
			name:       "one key per use",
			keys:       []Key{k.id, k.access},
			now:        t0,
			wantSigner: map[string]string{UseID: k.id.ID, UseAccess: k.access.ID},
			wantJWKS:   sortedKids(k.access.ID, k.id.ID), // same CreatedAt: by kid
		},
		{
			name:       "newest active key signs",
			keys:       []Key{newer, older},
			now:        t0,
			wantSigner: map[string]string{UseID: "", UseAccess: k.access.ID},
			wantJWKS:   []string{k.other.ID, k.access.ID},
		},
		{
			name:       "retired key verifies but does not sign",
			keys:       []Key{withTimes(k.access, keysCreated.Add(time.Hour), at(t0.Add(-time.Hour))), older},
			now:        t0,
			wantSigner: map[string]string{UseAccess: k.other.ID},
			wantJWKS:   []string{k.other.ID, k.access.ID},
		},
		{
			name:       "key retired longer than a token lives is dropped",
			keys:       []Key{withTimes(k.access, keysCreated, at(t0.Add(-RetiredKeyTTL))), older},
			now:        t0,
			wantSigner: map[string]string{UseAccess: k.other.ID},
			wantJWKS:   []string{k.other.ID},
		},
		{
			name:       "future key is published before it signs",
			keys:       []Key{withTimes(k.access, t0.Add(time.Hour), nil), older},
			now:        t0,
			wantSigner: map[string]string{UseAccess: k.other.ID},
			wantJWKS:   []string{k.other.ID, k.access.ID},
		},
		{
			name:       "no keys",
			now:        t0,
			wantSigner: map[string]string{UseID: "", UseAccess: ""},
			wantJWKS:   []string{},
		},
		{name: "duplicate kid", keys: []Key{k.id, k.id}, now: t0, wantErr: "two keys"},
		{name: "no private key", keys: []Key{{ID: "x", Use: UseID}}, now: t0, wantErr: "no private key"},
		{name: "bad use", keys: []Key{withUse(k.id, "both")}, now: t0, wantErr: "unknown use"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ks, err := NewKeySet(tc.keys, tc.now)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for use, want := range tc.wantSigner {
				if got, _ := ks.SigningKeyID(use); got != want {
					t.Errorf("signer for %s = %q, want %q", use, got, want)
				}
			}
			if got := jwksKids(t, ks.JWKS()); strings.Join(got, " ") != strings.Join(tc.wantJWKS, " ") {
				t.Errorf("JWKS kids = %q, want %q", got, tc.wantJWKS)
			}
		})
	}
}

func withUse(k Key, use string) Key { k.Use = use; return k }

func sortedKids(kids ...string) []string {
	slices.Sort(kids)
	return kids
}

// TestRotation walks an access key through its life: it signs, is retired
// (tokens it signed keep verifying and it stays in the JWKS), and once
// every such token must have expired it is gone.
func TestRotation(t *testing.T) {
	k := loadKeys(t)
	oldKey := withTimes(k.access, keysCreated, nil)
	before, err := NewKeySet([]Key{k.id, oldKey}, t0)
	if err != nil {
		t.Fatal(err)
	}
	oldToken, err := before.Sign(UseAccess, accessClaimsAt(t0)) // valid until t0+1h
	if err != nil {
		t.Fatal(err)
	}

	// Rotate ten minutes later: retire the old key, add a new one.
	rotatedAt := t0.Add(10 * time.Minute)
	retired := withTimes(k.access, keysCreated, at(rotatedAt))
	newKey := withTimes(k.other, rotatedAt, nil)
	after, err := NewKeySet([]Key{k.id, retired, newKey}, rotatedAt)
	if err != nil {
		t.Fatal(err)
	}
	if kid, _ := after.SigningKeyID(UseAccess); kid != newKey.ID {
		t.Fatalf("after rotation signer = %q, want the new key", kid)
	}
	newToken, err := after.Sign(UseAccess, accessClaimsAt(rotatedAt))
	if err != nil {
		t.Fatal(err)
	}
	// A token that claims a two-day life, which callers must never mint,
	// shows that Verify itself stops trusting the retired key.
	longClaims := accessClaimsAt(t0)
	longClaims["exp"] = t0.Add(48 * time.Hour).Unix()
	longToken, err := before.Sign(UseAccess, longClaims)
	if err != nil {
		t.Fatal(err)
	}
	dropped, err := NewKeySet([]Key{k.id, retired, newKey}, rotatedAt.Add(RetiredKeyTTL))
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name    string
		ks      KeySet
		token   string
		now     time.Time
		wantErr error
	}{
		{"new token, new key", after, newToken, rotatedAt.Add(time.Minute), nil},
		{"old token, retired key still listed", after, oldToken, rotatedAt.Add(time.Minute), nil},
		{"old token after its exp", after, oldToken, t0.Add(time.Hour), ErrExpired},
		{"long token after the key's grace", after, longToken, rotatedAt.Add(RetiredKeyTTL), ErrSignature},
		{"old token once the key is dropped", dropped, oldToken, rotatedAt.Add(time.Minute), ErrSignature},
		{"new token once the old key is dropped", dropped, newToken, rotatedAt.Add(time.Minute), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.ks.Verify(tc.token, tc.now)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Errorf("Verify = %v, want %v", err, tc.wantErr)
			}
		})
	}
	if kids := jwksKids(t, after.JWKS()); len(kids) != 3 {
		t.Errorf("JWKS during grace lists %q, want the ID, retired and new keys", kids)
	}
	if kids := strings.Join(jwksKids(t, dropped.JWKS()), " "); strings.Contains(kids, retired.ID) {
		t.Errorf("JWKS after grace still lists the retired key: %s", kids)
	}
}

// TestRotationAnnouncedAhead is the rotation `incognito keys rotate` makes:
// the successor is published with a CreatedAt ahead, and the key it
// replaces is retired at that same moment. Until then the old key signs,
// and from then on the new one; there is never an instant without a signer.
func TestRotationAnnouncedAhead(t *testing.T) {
	k := loadKeys(t)
	activation := t0.Add(5 * time.Minute)
	old := withTimes(k.access, keysCreated, at(activation))
	successor := withTimes(k.other, activation, nil)
	for _, tc := range []struct {
		name string
		now  time.Time
		want string
	}{
		{"just announced", t0, old.ID},
		{"a nanosecond before", activation.Add(-time.Nanosecond), old.ID},
		{"at activation", activation, successor.ID},
		{"later", activation.Add(time.Hour), successor.ID},
	} {
		ks, err := NewKeySet([]Key{k.id, old, successor}, tc.now)
		if err != nil {
			t.Fatal(err)
		}
		if kid, ok := ks.SigningKeyID(UseAccess); !ok || kid != tc.want {
			t.Errorf("%s: signer = %q, %v; want %q", tc.name, kid, ok, tc.want)
		}
		if kids := jwksKids(t, ks.JWKS()); len(kids) != 3 {
			t.Errorf("%s: JWKS lists %q, want the ID, old and successor keys", tc.name, kids)
		}
	}
}

// TestKeyState walks the two keys of an announced rotation through the
// states KeySet.State reports.
func TestKeyState(t *testing.T) {
	k := loadKeys(t)
	activation := t0.Add(5 * time.Minute)
	old := withTimes(k.access, keysCreated, at(activation))
	successor := withTimes(k.other, activation, nil)
	standby := withTimes(k.id, keysCreated, nil)
	newerID := loadKey(t, "key-identity.json", UseIdentity)
	newerID.Use = UseID
	newerID = withTimes(newerID, keysCreated.Add(time.Second), nil)
	for _, tc := range []struct {
		now                    time.Time
		wantOld, wantSuccessor string
	}{
		{t0, StateSigning, StatePending},
		{activation, StateRetired, StateSigning},
		{activation.Add(RetiredKeyTTL), StateExpired, StateSigning},
	} {
		ks, err := NewKeySet([]Key{old, successor, standby, newerID}, tc.now)
		if err != nil {
			t.Fatal(err)
		}
		if got := ks.State(old, tc.now); got != tc.wantOld {
			t.Errorf("at %v the replaced key is %s, want %s", tc.now, got, tc.wantOld)
		}
		if got := ks.State(successor, tc.now); got != tc.wantSuccessor {
			t.Errorf("at %v the successor is %s, want %s", tc.now, got, tc.wantSuccessor)
		}
		if got := ks.State(standby, tc.now); got != StateStandby {
			t.Errorf("at %v the outranked ID key is %s, want standby", tc.now, got)
		}
	}
}
