package loadgen

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"time"

	"github.com/incognito-idp/incognito/internal/srp"
)

// srpScenario is the full USER_SRP_AUTH sign-in of amplify and
// amazon-cognito-identity-js: InitiateAuth with SRP_A, then
// RespondToAuthChallenge PASSWORD_VERIFIER with the claim signature. The
// generator's own SRP maths (A = g^a, then S and the signature) is timed
// apart from the requests, so the server's share of a flow is visible.
//
// The SDKs draw a 1024-bit secret a; by default the generator draws a
// 256-bit one (Options.SRPABits), which the server cannot tell from the
// other (A is a full-size group element either way, and the server's work
// does not depend on a) but which takes the generator about a third of the
// CPU time, leaving more of a shared machine to the server.
var srpScenario = scenario{
	name:    "srp",
	what:    "InitiateAuth USER_SRP_AUTH + RespondToAuthChallenge PASSWORD_VERIFIER",
	prepare: needUsers,
	run: func(ctx context.Context, e *env, f *Flow) error {
		name := e.user(f)
		t0 := time.Now()
		cl, err := srp.NewClient(secretBits(e.o.SRPABits))
		if err != nil {
			return &APIError{Type: ErrClientMaths, Message: err.Error()}
		}
		srpA := cl.AHex()
		f.clientMaths(time.Since(t0))

		var challenge authOut
		if err := f.idp(ctx, "InitiateAuth", false, srpAuthIn(e.client, name, srpA, e.secretHash(name)), &challenge); err != nil {
			return err
		}
		p := challenge.ChallengeParameters
		if challenge.ChallengeName != challengeVerifier || p["SRP_B"] == "" || p["SALT"] == "" || p["SECRET_BLOCK"] == "" {
			return f.check("InitiateAuth", badResponse("USER_SRP_AUTH gave challenge %q without SRP_B, SALT and SECRET_BLOCK", challenge.ChallengeName))
		}
		userID := p["USER_ID_FOR_SRP"]
		if userID == "" {
			userID = name
		}
		block, err := base64.StdEncoding.DecodeString(p["SECRET_BLOCK"])
		if err != nil {
			return f.check("InitiateAuth", badResponse("SECRET_BLOCK is not base64: %v", err))
		}

		t1 := time.Now()
		timestamp := srp.FormatTimestamp(t1)
		signature, err := cl.Claim(srp.PoolName(e.poolID), userID, e.o.Password, p["SALT"], p["SRP_B"], block, timestamp)
		f.clientMaths(time.Since(t1))
		if err != nil {
			return f.check("InitiateAuth", &APIError{Type: ErrClientMaths, Message: "the server's SRP values: " + err.Error(), Status: 200})
		}

		var out authOut
		in := passwordVerifierIn(e.client, challenge.Session, userID, p["SECRET_BLOCK"], timestamp, signature, e.secretHash(userID))
		if err := f.idp(ctx, "RespondToAuthChallenge", false, in, &out); err != nil {
			return err
		}
		return f.check("RespondToAuthChallenge", wantTokens(&out))
	},
}

// secretBits is the random source handed to srp.NewClient: it leaves all
// but the last bits/8 bytes of the buffer zero, so a has at most that many
// bits.
type secretBits int

func (s secretBits) Read(p []byte) (int, error) {
	n := min(int(s)/8, len(p))
	clear(p[:len(p)-n])
	if _, err := rand.Read(p[len(p)-n:]); err != nil {
		return 0, err
	}
	return len(p), nil
}
