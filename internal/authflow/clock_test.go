package authflow

import (
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/userpool"
)

const (
	incorrect = "Incorrect username or password."
	exceeded  = "Password attempts exceeded"
	expired   = "Invalid session for the user, session is expired."
)

func TestTemporaryPasswordExpiry(t *testing.T) {
	f := newFixture(t, nil)
	f.user("tess", testPassword, false)
	// Within the default 7 days the temporary password asks for a new one.
	f.clock.Advance(7*24*time.Hour - time.Minute)
	r, err := f.password("tess", testPassword)
	if err != nil || r.ChallengeName != ChallengeNewPasswordRequired {
		t.Fatalf("before expiry: %v %v", r, err)
	}
	f.clock.Advance(2 * time.Minute)
	const msg = "Temporary password has expired and must be reset by an administrator."
	_, err = f.password("tess", testPassword)
	wantErr(t, err, userpool.NotAuthorized, msg)
	_, err = f.srpSignIn("tess", testPassword)
	wantErr(t, err, userpool.NotAuthorized, msg)
	// A wrong password is still just wrong.
	_, err = f.password("tess", wrongPass)
	wantErr(t, err, userpool.NotAuthorized, incorrect)
	// A new temporary password from the administrator works again.
	if err := f.pools.AdminSetUserPassword(f.ctx, userpool.Ref(f.pool.ID, "tess"), ptr("Another-Temp-3"), false); err != nil {
		t.Fatal(err)
	}
	r, err = f.password("tess", "Another-Temp-3")
	if err != nil || r.ChallengeName != ChallengeNewPasswordRequired {
		t.Fatalf("new temporary password: %v %v", r, err)
	}
}

func TestLockoutDelays(t *testing.T) {
	f := newFixture(t, nil)
	f.user("lou", testPassword, true)
	fail := func(want string) {
		t.Helper()
		_, err := f.password("lou", wrongPass)
		wantErr(t, err, userpool.NotAuthorized, want)
	}
	for i := 0; i < 5; i++ {
		fail(incorrect)
	}
	// Locked for 1 s, then 2, 4, 8 ... doubling per further failure.
	for n, d := 0, time.Second; n < 12; n, d = n+1, d*2 {
		want := min(d, 15*time.Minute)
		f.clock.Advance(want - time.Millisecond)
		_, err := f.password("lou", testPassword)
		if err == nil {
			t.Fatalf("round %d (lockout %v): the right password got through", n, want)
		}
		wantErr(t, err, userpool.NotAuthorized, exceeded)
		_, err = f.srpSignIn("lou", testPassword)
		wantErr(t, err, userpool.NotAuthorized, exceeded)
		fail(exceeded) // and it does not extend the lockout
		f.clock.Advance(time.Millisecond)
		fail(incorrect) // the failure after it locks for twice as long
	}
	// The delay is capped at about 15 minutes; a success after it clears
	// the count.
	f.clock.Advance(15 * time.Minute)
	f.tokens(f.password("lou", testPassword))
	for i := 0; i < 4; i++ {
		fail(incorrect)
	}
	f.tokens(f.password("lou", testPassword))

	// Fifteen minutes without attempts clear the count too.
	for i := 0; i < 4; i++ {
		fail(incorrect)
	}
	f.clock.Advance(15 * time.Minute)
	// Were the count not cleared, these would reach a lockout.
	for i := 0; i < 4; i++ {
		fail(incorrect)
	}
	f.tokens(f.password("lou", testPassword))
	// Less than fifteen minutes does not clear it.
	for i := 0; i < 4; i++ {
		fail(incorrect)
	}
	f.clock.Advance(14 * time.Minute)
	fail(incorrect)
	_, err := f.password("lou", testPassword)
	wantErr(t, err, userpool.NotAuthorized, exceeded)
}

func TestChallengeExpiry(t *testing.T) {
	f := newFixture(t, func(s *userpool.ClientSettings) { s.AuthSessionValidity = ptr(int64(5)) })
	f.user("sam", testPassword, true)
	f.user("tia", testPassword, false)

	// PASSWORD_VERIFIER lives AuthSessionValidity minutes.
	r, cl, err := f.srpStart("sam")
	if err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(5*time.Minute - time.Second)
	f.tokens(f.srpAnswer(r, cl, testPassword, 0))
	r, cl, err = f.srpStart("sam")
	if err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(5*time.Minute + time.Second)
	_, err = f.srpAnswer(r, cl, testPassword, 0)
	wantErr(t, err, userpool.NotAuthorized, expired)
	r.Session = ""
	_, err = f.srpAnswer(r, cl, testPassword, 0)
	wantErr(t, err, userpool.NotAuthorized, expired)

	// So does NEW_PASSWORD_REQUIRED.
	np, err := f.password("tia", testPassword)
	if err != nil || np.ChallengeName != ChallengeNewPasswordRequired {
		t.Fatalf("tia: %v %v", np, err)
	}
	f.clock.Advance(5*time.Minute + time.Second)
	_, err = f.auth.Respond(f.ctx, RespondInput{ClientID: f.client.ClientID, ChallengeName: ChallengeNewPasswordRequired,
		Session: np.Session, Responses: map[string]string{"USERNAME": "tia", "NEW_PASSWORD": "Brand-New-Pass-4"}})
	wantErr(t, err, userpool.NotAuthorized, expired)
}

func TestTimestampSkew(t *testing.T) {
	f := newFixture(t, nil)
	f.user("uli", testPassword, true)
	for _, tc := range []struct {
		skew time.Duration
		ok   bool
	}{
		{-4 * time.Minute, true}, {4 * time.Minute, true},
		{-6 * time.Minute, false}, {6 * time.Minute, false},
		{-48 * time.Hour, false},
	} {
		r, cl, err := f.srpStart("uli")
		if err != nil {
			t.Fatal(err)
		}
		out, err := f.srpAnswer(r, cl, testPassword, tc.skew)
		if tc.ok {
			f.tokens(out, err)
		} else {
			wantErr(t, err, userpool.NotAuthorized, incorrect)
		}
	}
}

func TestTokenAndRefreshExpiry(t *testing.T) {
	f := newFixture(t, func(s *userpool.ClientSettings) {
		s.RefreshTokenValidity = 2
		s.AccessTokenValidity = ptr(int64(60))
		s.IdTokenValidity = ptr(int64(60))
		s.TokenValidityUnits = &userpool.TokenValidityUnits{AccessToken: "minutes", IdToken: "minutes", RefreshToken: "hours"}
	})
	f.user("vic", testPassword, true)
	tok := f.tokens(f.password("vic", testPassword))
	if tok.ExpiresIn != 3600 {
		t.Fatalf("ExpiresIn %d", tok.ExpiresIn)
	}
	f.clock.Advance(59 * time.Minute)
	if _, err := f.auth.VerifyAccessToken(f.ctx, tok.AccessToken); err != nil {
		t.Fatalf("access token before expiry: %v", err)
	}
	f.clock.Advance(2 * time.Minute)
	_, err := f.auth.VerifyAccessToken(f.ctx, tok.AccessToken)
	wantErr(t, err, userpool.NotAuthorized, "Access Token has expired")

	refresh := func() (*Result, error) {
		return f.auth.Initiate(f.ctx, InitiateInput{AuthFlow: FlowRefreshToken, ClientID: f.client.ClientID,
			AuthParameters: map[string]string{"REFRESH_TOKEN": tok.RefreshToken}})
	}
	fresh, err := refresh()
	if err != nil {
		t.Fatalf("refresh before expiry: %v", err)
	}
	if _, err := f.auth.VerifyAccessToken(f.ctx, fresh.Tokens.AccessToken); err != nil {
		t.Fatalf("refreshed access token: %v", err)
	}
	f.clock.Advance(60 * time.Minute)
	_, err = refresh()
	wantErr(t, err, userpool.NotAuthorized, "Refresh Token has expired")
}

func TestRotationKeepsSessionLifetime(t *testing.T) {
	f := newFixture(t, func(s *userpool.ClientSettings) {
		s.ExplicitAuthFlows = []string{"ALLOW_USER_PASSWORD_AUTH"}
		s.RefreshTokenValidity = 1
		s.AccessTokenValidity = ptr(int64(5))
		s.IdTokenValidity = ptr(int64(5))
		s.TokenValidityUnits = &userpool.TokenValidityUnits{AccessToken: "minutes", IdToken: "minutes", RefreshToken: "hours"}
		s.RefreshTokenRotation = &userpool.RefreshTokenRotationInput{Feature: "ENABLED", RetryGracePeriodSeconds: ptr(int64(10))}
	})
	f.user("wyn", testPassword, true)
	tok := f.tokens(f.password("wyn", testPassword))
	get := func(refresh string) (*Tokens, error) {
		return f.auth.GetTokensFromRefreshToken(f.ctx, RefreshInput{RefreshToken: refresh, ClientID: f.client.ClientID})
	}
	f.clock.Advance(50 * time.Minute)
	next, err := get(tok.RefreshToken)
	if err != nil || next.RefreshToken == "" {
		t.Fatalf("rotation: %v %v", next, err)
	}
	// The old token is good for the grace period, then spent.
	f.clock.Advance(9 * time.Second)
	retry, err := get(tok.RefreshToken)
	if err != nil {
		t.Fatalf("retry in the grace period: %v", err)
	}
	f.clock.Advance(2 * time.Second)
	_, err = get(tok.RefreshToken)
	wantErr(t, err, userpool.RefreshTokenReuse, "")
	// The rotated token ends with the sign-in, not an hour after rotation.
	f.clock.Advance(11 * time.Minute)
	_, err = get(retry.RefreshToken)
	wantErr(t, err, userpool.NotAuthorized, "Refresh Token has expired")
}
