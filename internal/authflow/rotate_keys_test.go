package authflow

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/testenv"
	"github.com/incognito-idp/incognito/internal/token"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// replica is another Incognito process on the fixture's store: its own
// key cache, the same store, sealer and clock.
func (f *fixture) replica() *Service {
	a := f.auth
	return New(Options{Pools: f.pools, Store: a.store, Sealer: a.sealer, KeySealer: a.keySealer,
		Issuer: a.issuer, DecoyKey: a.decoyKey, Now: f.clock.Now})
}

// signIn runs USER_PASSWORD_AUTH on svc.
func (f *fixture) signIn(svc *Service, name string) *Tokens {
	f.t.Helper()
	return f.tokens(svc.Initiate(f.ctx, InitiateInput{AuthFlow: FlowUserPassword, ClientID: f.client.ClientID,
		AuthParameters: map[string]string{"USERNAME": name, "PASSWORD": testPassword}}))
}

// kids returns the kids of an ID and an access token.
func kids(t *testing.T, tok *Tokens) (id, access string) {
	t.Helper()
	hi, _, err := token.Peek(tok.IDToken)
	if err != nil {
		t.Fatal(err)
	}
	ha, _, err := token.Peek(tok.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	return hi.KeyID, ha.KeyID
}

// published returns the kids in svc's JWKS for the fixture's pool.
func (f *fixture) published(svc *Service) []string {
	f.t.Helper()
	doc, err := svc.JWKS(f.ctx, f.pool.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return testenv.JWKSKids(f.t, doc)
}

// signers returns the kids a replica that loads the keys afresh at the
// current time signs ID and access tokens with; it fails the test when a
// use has no signer.
func (f *fixture) signers() (id, access string) {
	f.t.Helper()
	set, err := f.replica().KeySet(f.ctx, f.pool.ID, false)
	if err != nil {
		f.t.Fatal(err)
	}
	id, okID := set.SigningKeyID(token.UseID)
	access, okAccess := set.SigningKeyID(token.UseAccess)
	if !okID || !okAccess {
		f.t.Fatalf("at %v a use has no signing key: id %q, access %q", f.clock.Now(), id, access)
	}
	return id, access
}

func wantKids(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Fatalf("%s: kids %v, want %v", what, got, want)
	}
}

// TestRotateKeys walks a rotation through its life on two replicas: the
// new keys are published at once and sign from the activation on; tokens
// of the old keys verify until RetiredKeyTTL after it, and are refused
// after.
func TestRotateKeys(t *testing.T) {
	f := newFixture(t, nil)
	f.user("rita", testPassword, true)
	other := f.replica()
	before := f.signIn(f.auth, "rita")
	oldID, oldAccess := kids(t, before)
	wantKids(t, "replica B before rotation", f.published(other), oldID, oldAccess)

	start := f.clock.Now()
	rot, err := f.auth.RotateKeys(f.ctx, f.pool.ID, DefaultKeyActivation)
	if err != nil {
		t.Fatal(err)
	}
	activation := start.Add(DefaultKeyActivation)
	if rot.PoolID != f.pool.ID || len(rot.Keys) != 2 || len(rot.Expired) != 0 {
		t.Fatalf("report %+v", rot)
	}
	newKID := map[string]string{}
	for _, k := range rot.Keys {
		old := map[string]string{token.UseID: oldID, token.UseAccess: oldAccess}[k.Use]
		if !slices.Equal(k.Replaced, []string{old}) || !k.ActiveFrom.Equal(activation) || k.NewKeyID == "" || k.NewKeyID == old {
			t.Fatalf("%s rotation %+v, want %s replaced from %v", k.Use, k, old, activation)
		}
		newKID[k.Use] = k.NewKeyID
	}
	newID, newAccess := newKID[token.UseID], newKID[token.UseAccess]

	// The rotating replica publishes the new keys at once and still signs
	// with the old ones.
	wantKids(t, "JWKS right after rotation", f.published(f.auth), oldID, oldAccess, newID, newAccess)
	if id, access := kids(t, f.signIn(f.auth, "rita")); id != oldID || access != oldAccess {
		t.Fatalf("signed before activation with %s/%s, want the old %s/%s", id, access, oldID, oldAccess)
	}
	// The other replica still serves its cached set, and publishes the new
	// keys once its cache has expired: well before they sign.
	wantKids(t, "replica B's cached JWKS", f.published(other), oldID, oldAccess)
	f.clock.Advance(KeyCacheTTL)
	wantKids(t, "replica B's JWKS after its cache expired", f.published(other), oldID, oldAccess, newID, newAccess)

	// Up to the activation the old keys sign, from it the new ones; there
	// is no moment without a signer.
	f.clock.Advance(activation.Sub(f.clock.Now()) - time.Nanosecond)
	if id, access := f.signers(); id != oldID || access != oldAccess {
		t.Fatalf("just before activation a fresh replica signs with %s/%s", id, access)
	}
	if id, access := kids(t, f.signIn(other, "rita")); id != oldID || access != oldAccess {
		t.Fatalf("replica B signed before activation with %s/%s", id, access)
	}
	f.clock.Advance(time.Nanosecond)
	if id, access := f.signers(); id != newID || access != newAccess {
		t.Fatalf("at activation a fresh replica signs with %s/%s, want %s/%s", id, access, newID, newAccess)
	}
	// Cached sets go on signing with the old keys (which verify) for at
	// most KeyCacheTTL.
	f.clock.Advance(KeyCacheTTL)
	for name, svc := range map[string]*Service{"A": f.auth, "B": other} {
		after := f.signIn(svc, "rita")
		if id, access := kids(t, after); id != newID || access != newAccess {
			t.Fatalf("replica %s signed after activation with %s/%s, want %s/%s", name, id, access, newID, newAccess)
		}
		for vname, v := range map[string]*Service{"A": f.auth, "B": other} {
			if _, err := v.VerifyAccessToken(f.ctx, after.AccessToken); err != nil {
				t.Fatalf("%s's new access token on %s: %v", name, vname, err)
			}
		}
	}
	// Tokens of the old keys still verify, on both replicas.
	for name, svc := range map[string]*Service{"A": f.auth, "B": other} {
		if _, err := svc.VerifyAccessToken(f.ctx, before.AccessToken); err != nil {
			t.Fatalf("old access token on %s after activation: %v", name, err)
		}
		if _, err := svc.VerifyIDToken(f.ctx, f.pool.ID, before.IDToken); err != nil {
			t.Fatalf("old ID token on %s after activation: %v", name, err)
		}
	}

	// The old keys stay published until RetiredKeyTTL after the
	// activation, then leave the JWKS and their tokens are refused as
	// unknown (not merely as expired).
	f.clock.Advance(activation.Add(token.RetiredKeyTTL).Sub(f.clock.Now()) - time.Second)
	wantKids(t, "JWKS just before the old keys expire", f.published(f.auth), oldID, oldAccess, newID, newAccess)
	f.clock.Advance(time.Second)
	set, err := f.auth.KeySet(f.ctx, f.pool.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := set.Verify(before.AccessToken, f.clock.Now()); !errors.Is(err, token.ErrSignature) {
		t.Fatalf("old key's token at RetiredKeyTTL: %v, want a signature error", err)
	}
	f.clock.Advance(KeyCacheTTL)
	wantKids(t, "JWKS after the old keys expired", f.published(f.auth), newID, newAccess)
	wantKids(t, "replica B's JWKS after the old keys expired", f.published(other), newID, newAccess)
	_, err = other.VerifyAccessToken(f.ctx, before.AccessToken)
	wantErr(t, err, userpool.NotAuthorized, "Invalid Access Token")
	if _, err := other.VerifyIDToken(f.ctx, f.pool.ID, before.IDToken); !errors.Is(err, ErrInvalidIDToken) {
		t.Fatalf("old ID token after RetiredKeyTTL: %v", err)
	}

	// Another rotation reports the expired keys; the TTL rule keeps them
	// out of every load.
	rot, err = f.auth.RotateKeys(f.ctx, f.pool.ID, DefaultKeyActivation)
	if err != nil {
		t.Fatal(err)
	}
	wantKids(t, "expired keys reported", rot.Expired, oldID, oldAccess)
}

// TestRotateKeysTwice: a second rotation before the first one's
// activation retires the first one's pending key too, and a rotation with
// no delay takes over at once; at every step each use has one signer.
func TestRotateKeysTwice(t *testing.T) {
	f := newFixture(t, nil)
	f.user("rob", testPassword, true)
	first, _ := kids(t, f.signIn(f.auth, "rob"))
	r1, err := f.auth.RotateKeys(f.ctx, f.pool.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	second := r1.Keys[0].NewKeyID // the ID key: Keys follow the uses' order
	f.clock.Advance(time.Minute)
	r2, err := f.auth.RotateKeys(f.ctx, f.pool.ID, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	third := r2.Keys[0].NewKeyID
	wantKids(t, "replaced by the second rotation", r2.Keys[0].Replaced, first, second)
	if id, _ := f.signers(); id != first {
		t.Fatalf("signer %s, want %s", id, first)
	}
	if id, _ := kids(t, f.signIn(f.auth, "rob")); id != first {
		t.Fatalf("rotating replica signed with %s, want %s", id, first)
	}
	f.clock.Advance(10 * time.Minute)
	if id, _ := f.signers(); id != third {
		t.Fatalf("signer after the second activation %s, want %s", id, third)
	}
	// An immediate rotation replaces the signer at once on this replica.
	r3, err := f.auth.RotateKeys(f.ctx, f.pool.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := kids(t, f.signIn(f.auth, "rob")); id != r3.Keys[0].NewKeyID {
		t.Fatalf("after a rotation without delay signed with %s, want %s", id, r3.Keys[0].NewKeyID)
	}
	// The first rotation's key never signed, and is retired with the rest.
	infos, err := f.auth.ListKeys(f.ctx, f.pool.ID)
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]string{}
	for _, k := range infos {
		if k.Use == token.UseID {
			states[k.KeyID] = k.State
		}
	}
	want := map[string]string{first: KeyRetired, second: KeyRetired, third: KeyRetired, r3.Keys[0].NewKeyID: KeySigning}
	if len(states) != len(want) {
		t.Fatalf("ID keys %v, want %v", states, want)
	}
	for kid, s := range want {
		if states[kid] != s {
			t.Fatalf("ID keys %v, want %v", states, want)
		}
	}
}

func TestRotateKeysRefusals(t *testing.T) {
	f := newFixture(t, nil)
	_, err := f.auth.RotateKeys(f.ctx, "us-east-1_NoSuchPool", DefaultKeyActivation)
	wantErr(t, err, userpool.ResourceNotFound, "User pool us-east-1_NoSuchPool does not exist.")
	_, err = f.auth.ListKeys(f.ctx, "us-east-1_NoSuchPool")
	wantErr(t, err, userpool.ResourceNotFound, "User pool us-east-1_NoSuchPool does not exist.")
	if _, err := f.auth.RotateKeys(f.ctx, f.pool.ID, -time.Second); err == nil {
		t.Fatal("a negative activation delay was accepted")
	}
	// A pool that has signed nothing has no keys: nothing to rotate, and
	// nothing is made.
	rot, err := f.auth.RotateKeys(f.ctx, f.pool.ID, DefaultKeyActivation)
	if err != nil || len(rot.Keys) != 0 {
		t.Fatalf("rotation of a pool without keys: %+v %v", rot, err)
	}
	if records, err := f.auth.store.ListKeys(f.ctx, f.pool.ID); err != nil || len(records) != 0 {
		t.Fatalf("keys after rotating a pool without keys: %d %v", len(records), err)
	}
}

func TestListKeys(t *testing.T) {
	f := newFixture(t, nil)
	f.user("lia", testPassword, true)
	f.signIn(f.auth, "lia")
	created := f.clock.Now()
	f.clock.Advance(time.Hour)
	rot, err := f.auth.RotateKeys(f.ctx, f.pool.ID, DefaultKeyActivation)
	if err != nil {
		t.Fatal(err)
	}
	activation := f.clock.Now().Add(DefaultKeyActivation)
	infos, err := f.auth.ListKeys(f.ctx, f.pool.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 4 {
		t.Fatalf("%d keys", len(infos))
	}
	for i, k := range infos {
		old := i < 2 // oldest first
		switch {
		case old && (!k.ActiveFrom.Equal(created) || k.RetiredAt == nil || !k.RetiredAt.Equal(activation) ||
			!k.VerifiesUntil.Equal(activation.Add(token.RetiredKeyTTL)) || k.State != KeySigning):
			t.Fatalf("old key %+v", k)
		case !old && (!k.ActiveFrom.Equal(activation) || k.RetiredAt != nil || k.State != KeyPending):
			t.Fatalf("new key %+v", k)
		}
	}
	if infos[2].KeyID != rot.Keys[0].NewKeyID && infos[2].KeyID != rot.Keys[1].NewKeyID {
		t.Fatalf("new key %s not in the report %+v", infos[2].KeyID, rot)
	}
	f.clock.Advance(DefaultKeyActivation)
	infos, _ = f.auth.ListKeys(f.ctx, f.pool.ID)
	if infos[0].State != KeyRetired || infos[3].State != KeySigning {
		t.Fatalf("after activation: %+v", infos)
	}
	f.clock.Advance(token.RetiredKeyTTL)
	infos, _ = f.auth.ListKeys(f.ctx, f.pool.ID)
	if infos[0].State != KeyExpired || infos[1].State != KeyExpired || infos[2].State != KeySigning {
		t.Fatalf("after RetiredKeyTTL: %+v", infos)
	}
}
