package authflow

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/userpool"
)

// groupN is the SRP group's prime, the value SRP_A must stay below.
var groupN, _ = new(big.Int).SetString("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16)

// srpAValid is what the server must accept as SRP_A: hex digits only, at
// most 1024 of them, and 0 < A < N (so A mod N is never 0).
func srpAValid(a string) bool {
	if a == "" || len(a) > 1024 || strings.TrimLeft(a, "0123456789abcdefABCDEF") != "" {
		return false
	}
	v, ok := new(big.Int).SetString(a, 16)
	return ok && v.Sign() > 0 && v.Cmp(groupN) < 0
}

// domainError fails unless err is a domain error (never an internal one
// that would reach the wire as a 500).
func domainError(t *testing.T, err error) *userpool.Error {
	t.Helper()
	var e *userpool.Error
	if !errors.As(err, &e) {
		t.Fatalf("not a domain error (would be a 500): %v", err)
	}
	return e
}

func FuzzSRPA(f *testing.F) {
	fx := newFixture(f, nil)
	fx.user("fuzz", testPassword, true)
	n := groupN.Text(16)
	twoN := new(big.Int).Lsh(groupN, 1).Text(16)
	nMinus1 := new(big.Int).Sub(groupN, big.NewInt(1)).Text(16)
	for _, seed := range []string{
		"0", "00", "000000", n, strings.ToUpper(n), "0" + n, twoN, new(big.Int).Mul(groupN, big.NewInt(5)).Text(16),
		nMinus1, "1", "2", "-1", "+2", "0x2", " 2", "2 ", "zz", "", "g", "1_0", strings.Repeat("f", 1024),
		strings.Repeat("f", 1025), strings.Repeat("0", 1023) + "2", strings.Repeat("0", 2000) + "2", "ｆ", "\x00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, a string) {
		r, err := fx.auth.Initiate(fx.ctx, InitiateInput{AuthFlow: FlowUserSRP, ClientID: fx.client.ClientID,
			AuthParameters: map[string]string{"USERNAME": "fuzz", "SRP_A": a}})
		if srpAValid(a) {
			if err != nil || r.ChallengeName != ChallengePasswordVerifier {
				t.Fatalf("SRP_A %q refused: %v", a, err)
			}
			return
		}
		if err == nil {
			t.Fatalf("SRP_A %q (not in 1..N-1) accepted", a)
		}
		if e := domainError(t, err); e.Code != userpool.InvalidParameter {
			t.Fatalf("SRP_A %q: %s %q, want InvalidParameterException", a, e.Code, e.Message)
		}
	})
}

func FuzzPasswordVerifier(f *testing.F) {
	fx := newFixture(f, nil)
	fx.user("fuzz", testPassword, true)
	r, cl, err := fx.srpStart("fuzz")
	if err != nil {
		f.Fatal(err)
	}
	good, err := fx.srpAnswer(r, cl, wrongPass, 0)
	if err == nil || good != nil {
		f.Fatal("a wrong password passed")
	}
	p := r.ChallengeParameters
	f.Add("fuzz", p["SECRET_BLOCK"], "c2lnbmF0dXJl", "Tue Mar 4 05:06:07 UTC 2026", r.Session)
	f.Add("fuzz", p["SECRET_BLOCK"], "", "Tue Mar 4 05:06:07 UTC 2026", "")
	f.Add("", "", "", "", "")
	f.Add("fuzz", "!!!", "%%%", "yesterday", "###")
	f.Add("fuzz", p["SECRET_BLOCK"][:len(p["SECRET_BLOCK"])/2], "AAAA", "Tue Mar 04 05:06:07 UTC 2026", r.Session[:20])
	f.Add("nobody", strings.Repeat("A", 5000), strings.Repeat("B", 5000), strings.Repeat("C", 500), strings.Repeat("D", 5000))
	f.Fuzz(func(t *testing.T, username, block, sig, ts, session string) {
		out, err := fx.auth.Respond(fx.ctx, RespondInput{ClientID: fx.client.ClientID, ChallengeName: ChallengePasswordVerifier,
			Session: session, Responses: map[string]string{"USERNAME": username, "PASSWORD_CLAIM_SECRET_BLOCK": block,
				"PASSWORD_CLAIM_SIGNATURE": sig, "TIMESTAMP": ts}})
		if err == nil {
			t.Fatalf("a made-up answer signed in: %+v", out)
		}
		domainError(t, err)
	})
}

func FuzzAccessToken(f *testing.F) {
	fx := newFixture(f, nil)
	fx.user("fuzz", testPassword, true)
	tok := fx.tokens(fx.password("fuzz", testPassword))
	parts := strings.Split(tok.AccessToken, ".")
	f.Add(tok.AccessToken)
	f.Add(tok.IDToken)
	f.Add(tok.RefreshToken)
	f.Add(parts[0] + "." + parts[1] + ".")
	f.Add("eyJhbGciOiJub25lIn0." + parts[1] + ".")
	f.Add("a.b.c")
	f.Add("....")
	f.Add("")
	f.Add("eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJpc3MiOjQyfQ.AAAA")
	f.Add("eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJpc3MiOiJodHRwOi8vaW5jb2duaXRvLnRlc3QvIn0.AAAA")
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := fx.auth.VerifyAccessToken(fx.ctx, raw)
		if raw == tok.AccessToken {
			if err != nil {
				t.Fatalf("the genuine token: %v", err)
			}
			return
		}
		if err == nil {
			t.Fatalf("accepted %q as user %s", raw, c.User.Username)
		}
		e := domainError(t, err)
		if e.Code != userpool.NotAuthorized && !(raw == "" && e.Code == userpool.InvalidParameter) {
			t.Fatalf("%q: %s %q", raw, e.Code, e.Message)
		}
	})
}
