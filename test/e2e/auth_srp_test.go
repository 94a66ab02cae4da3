package e2e

import (
	"crypto/rand"
	"encoding/base64"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/incognito-idp/incognito/internal/srp"
)

var (
	lowerHex    = regexp.MustCompile(`^[0-9a-f]+$`)
	sessionForm = regexp.MustCompile(`^[A-Za-z0-9_=./+-]+$`)
)

func TestSRPSignIn(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "alice", goodPassword, "email", "alice@example.com")

		start, cl, err := c.srpStart("alice")
		if err != nil {
			t.Fatalf("USER_SRP_AUTH: %v", err)
		}
		if start.ChallengeName != types.ChallengeNameTypePasswordVerifier || start.AuthenticationResult != nil {
			t.Fatalf("USER_SRP_AUTH answered %q with tokens %v", start.ChallengeName, start.AuthenticationResult != nil)
		}
		p := start.ChallengeParameters
		if p["USERNAME"] != "alice" || p["USER_ID_FOR_SRP"] != "alice" {
			t.Errorf("USERNAME %q, USER_ID_FOR_SRP %q", p["USERNAME"], p["USER_ID_FOR_SRP"])
		}
		for _, name := range []string{"SALT", "SRP_B"} {
			if !lowerHex.MatchString(p[name]) {
				t.Errorf("%s = %q, want lowercase hex", name, p[name])
			}
		}
		if _, err := base64.StdEncoding.DecodeString(p["SECRET_BLOCK"]); err != nil || p["SECRET_BLOCK"] == "" {
			t.Errorf("SECRET_BLOCK %q is not standard base64: %v", p["SECRET_BLOCK"], err)
		}
		if sess := aws.ToString(start.Session); !sessionForm.MatchString(sess) || len(sess) < 20 || len(sess) > 2048 {
			t.Errorf("Session %q does not fit Cognito's SessionType", aws.ToString(start.Session))
		}

		// amplify and amazon-cognito-identity-js pass the Session back.
		out, err := c.respond(types.ChallengeNameTypePasswordVerifier, start.Session, c.claim(t, cl, p, goodPassword, time.Now()))
		if err != nil {
			t.Fatalf("PASSWORD_VERIFIER with Session: %v", err)
		}
		wantTokens(t, "PASSWORD_VERIFIER with Session", out.AuthenticationResult)
		if out.ChallengeName != "" || out.Session != nil {
			t.Errorf("a completed sign-in still names challenge %q, session %v", out.ChallengeName, out.Session)
		}
		me, err := c.getUser(*out.AuthenticationResult.AccessToken)
		if err != nil {
			t.Fatalf("GetUser: %v", err)
		}
		if aws.ToString(me.Username) != "alice" {
			t.Errorf("GetUser Username %q", aws.ToString(me.Username))
		}

		// pycognito-style clients send no Session: SECRET_BLOCK carries all.
		start, cl, err = c.srpStart("alice")
		if err != nil {
			t.Fatal(err)
		}
		out, err = c.respond(types.ChallengeNameTypePasswordVerifier, nil, c.claim(t, cl, start.ChallengeParameters, goodPassword, time.Now()))
		if err != nil {
			t.Fatalf("PASSWORD_VERIFIER without Session: %v", err)
		}
		wantTokens(t, "PASSWORD_VERIFIER without Session", out.AuthenticationResult)

		// The server signs the TIMESTAMP as sent; a zero-padded day is
		// accepted as well (some clients pad it).
		start, cl, err = c.srpStart("alice")
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		padded := now.Format("Mon Jan 02 15:04:05 UTC 2006")
		block, _ := base64.StdEncoding.DecodeString(start.ChallengeParameters["SECRET_BLOCK"])
		sig, err := cl.Claim(srp.PoolName(poolID), "alice", goodPassword, start.ChallengeParameters["SALT"],
			start.ChallengeParameters["SRP_B"], block, padded)
		if err != nil {
			t.Fatal(err)
		}
		out, err = c.respond(types.ChallengeNameTypePasswordVerifier, start.Session, c.params("alice", "USERNAME", "alice",
			"PASSWORD_CLAIM_SECRET_BLOCK", start.ChallengeParameters["SECRET_BLOCK"], "TIMESTAMP", padded, "PASSWORD_CLAIM_SIGNATURE", sig))
		if err != nil {
			t.Fatalf("PASSWORD_VERIFIER with a padded day: %v", err)
		}
		wantTokens(t, "padded TIMESTAMP", out.AuthenticationResult)

		// AdminRespondToAuthChallenge answers the same challenge.
		start, cl, err = c.srpStart("alice")
		if err != nil {
			t.Fatal(err)
		}
		admin, err := env.IDP.AdminRespondToAuthChallenge(env.Ctx, &cip.AdminRespondToAuthChallengeInput{
			UserPoolId: aws.String(poolID), ClientId: aws.String(c.clientID),
			ChallengeName: types.ChallengeNameTypePasswordVerifier, Session: start.Session,
			ChallengeResponses: c.claim(t, cl, start.ChallengeParameters, goodPassword, time.Now()),
		})
		if err != nil {
			t.Fatalf("AdminRespondToAuthChallenge: %v", err)
		}
		wantTokens(t, "AdminRespondToAuthChallenge", admin.AuthenticationResult)
	})
}

func TestSRPFailures(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		other := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "bob", goodPassword)
		// Failures below count towards bob's lockout; carol takes the
		// ones after the fourth so that no case meets a lockout.
		confirmedUser(t, env, poolID, "carol", goodPassword)
		const incorrect = "Incorrect username or password."
		const expired = "Invalid session for the user, session is expired."

		start := func(user string) (*cip.InitiateAuthOutput, *srp.Client) {
			t.Helper()
			out, cl, err := c.srpStart(user)
			if err != nil {
				t.Fatalf("USER_SRP_AUTH: %v", err)
			}
			return out, cl
		}

		t.Run("wrong password", func(t *testing.T) {
			s, cl := start("bob")
			_, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, c.claim(t, cl, s.ChallengeParameters, otherPassword, time.Now()))
			wantAPIError(t, err, "NotAuthorizedException", incorrect)
		})
		t.Run("tampered SECRET_BLOCK", func(t *testing.T) {
			s, cl := start("bob")
			block, _ := base64.StdEncoding.DecodeString(s.ChallengeParameters["SECRET_BLOCK"])
			block[len(block)/2] ^= 0x40
			p := copyMap(s.ChallengeParameters)
			p["SECRET_BLOCK"] = base64.StdEncoding.EncodeToString(block)
			// The signature is made over the tampered block, as an
			// attacker would.
			_, err := c.respond(types.ChallengeNameTypePasswordVerifier, nil, c.claim(t, cl, p, goodPassword, time.Now()))
			wantAPIError(t, err, "NotAuthorizedException", incorrect)
			_, err = c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, c.claim(t, cl, p, goodPassword, time.Now()))
			wantAPIError(t, err, "NotAuthorizedException", incorrect)
			p["SECRET_BLOCK"] = "not base64 at all!"
			r := c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now())
			r["PASSWORD_CLAIM_SECRET_BLOCK"] = p["SECRET_BLOCK"]
			_, err = c.respond(types.ChallengeNameTypePasswordVerifier, nil, r)
			wantAPIError(t, err, "NotAuthorizedException", incorrect)
		})
		t.Run("stale TIMESTAMP", func(t *testing.T) {
			s, cl := start("bob")
			_, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now().Add(-10*time.Minute)))
			wantAPIError(t, err, "NotAuthorizedException", incorrect)
			s, cl = start("bob")
			_, err = c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now().Add(10*time.Minute)))
			wantAPIError(t, err, "NotAuthorizedException", incorrect)
		})
		t.Run("malformed TIMESTAMP", func(t *testing.T) {
			s, cl := start("bob")
			r := c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now())
			r["TIMESTAMP"] = time.Now().UTC().Format(time.RFC3339)
			_, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, r)
			wantAPIError(t, err, "InvalidParameterException", "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.")
		})
		t.Run("Session of another sign-in", func(t *testing.T) {
			s1, cl := start("carol")
			s2, _ := start("carol")
			_, err := c.respond(types.ChallengeNameTypePasswordVerifier, s2.Session, c.claim(t, cl, s1.ChallengeParameters, goodPassword, time.Now()))
			wantAPIError(t, err, "NotAuthorizedException", expired)
			_, err = c.respond(types.ChallengeNameTypePasswordVerifier, aws.String("bm90IGEgc2Vzc2lvbiBhdCBhbGwgZm9yIHN1cmU"), c.claim(t, cl, s1.ChallengeParameters, goodPassword, time.Now()))
			wantAPIError(t, err, "NotAuthorizedException", expired)
			// The SECRET_BLOCK passed off as the Session (and the other
			// way round) is refused: the two are sealed apart.
			_, err = c.respond(types.ChallengeNameTypePasswordVerifier, aws.String(s1.ChallengeParameters["SECRET_BLOCK"]), c.claim(t, cl, s1.ChallengeParameters, goodPassword, time.Now()))
			wantAPIError(t, err, "NotAuthorizedException", expired)
		})
		t.Run("Session from another flow", func(t *testing.T) {
			temp := "Temporary-Pass-1"
			_, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID),
				Username: aws.String("dave"), TemporaryPassword: aws.String(temp), MessageAction: types.MessageActionTypeSuppress})
			if err != nil {
				t.Fatal(err)
			}
			np, err := c.password("dave", temp)
			if err != nil || np.ChallengeName != types.ChallengeNameTypeNewPasswordRequired {
				t.Fatalf("dave: %v, %v", np, err)
			}
			s, cl := start("carol")
			_, err = c.respond(types.ChallengeNameTypePasswordVerifier, np.Session, c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now()))
			wantAPIError(t, err, "NotAuthorizedException", expired)
			// ...and a PASSWORD_VERIFIER Session cannot answer
			// NEW_PASSWORD_REQUIRED.
			_, err = c.respond(types.ChallengeNameTypeNewPasswordRequired, s.Session, c.params("carol", "USERNAME", "carol", "NEW_PASSWORD", otherPassword))
			wantAPIError(t, err, "NotAuthorizedException", expired)
		})
		t.Run("another client", func(t *testing.T) {
			s, cl := start("carol")
			_, err := other.respond(types.ChallengeNameTypePasswordVerifier, s.Session, other.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now()))
			wantAPIError(t, err, "NotAuthorizedException", expired)
		})
		t.Run("replayed answer", func(t *testing.T) {
			s, cl := start("carol")
			r := c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now())
			if _, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, r); err != nil {
				t.Fatalf("first answer: %v", err)
			}
			_, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, r)
			wantAPIError(t, err, "NotAuthorizedException", expired)
			_, err = c.respond(types.ChallengeNameTypePasswordVerifier, nil, r)
			wantAPIError(t, err, "NotAuthorizedException", expired)
		})
		t.Run("USERNAME of another user", func(t *testing.T) {
			s, cl := start("carol")
			r := c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now())
			r["USERNAME"] = "bob"
			_, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, r)
			wantAPIError(t, err, "NotAuthorizedException", incorrect)
		})
		t.Run("missing parameters", func(t *testing.T) {
			s, cl := start("carol")
			for _, name := range []string{"USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "TIMESTAMP"} {
				r := c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now())
				delete(r, name)
				_, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, r)
				wantAPIError(t, err, "InvalidParameterException", "Missing required parameter "+name)
			}
			_, err := env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeUserSrpAuth,
				ClientId: aws.String(c.clientID), AuthParameters: map[string]string{"USERNAME": "carol"}})
			wantAPIError(t, err, "InvalidParameterException", "Missing required parameter SRP_A")
			_, err = env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeUserSrpAuth,
				ClientId: aws.String(c.clientID), AuthParameters: map[string]string{"SRP_A": "abc"}})
			wantAPIError(t, err, "InvalidParameterException", "Missing required parameter USERNAME")
		})
		t.Run("bad SRP_A", func(t *testing.T) {
			for _, a := range []string{"0", "not hex", srpN, "-1"} {
				_, err := env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeUserSrpAuth,
					ClientId: aws.String(c.clientID), AuthParameters: map[string]string{"USERNAME": "carol", "SRP_A": a}})
				wantAPIError(t, err, "InvalidParameterException", "")
			}
		})
		t.Run("the right answer still works", func(t *testing.T) {
			c.mustSRP(t, "carol", goodPassword)
		})
	})
}

// srpN is the group's prime N in hex: SRP_A = N is 0 mod N.
const srpN = "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3be39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6955817183995497cea956ae515d2261898fa051015728e5a8aaac42dad33170d04507a33a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864d87602733ec86a64521f2b18177b200cbbe117577a615d6c770988c0bad946e208e24fa074e5ab3143db5bfce0fd108e4b82d120a93ad2caffffffffffffffff"

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestSecretHash(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AliasAttributes = []types.AliasAttributeType{types.AliasAttributeTypeEmail}
		})
		c := authClient(t, env, poolID, withSecret)
		confirmedUser(t, env, poolID, "erin", goodPassword, "email", "erin@example.com", "email_verified", "true")
		missing := "Client " + c.clientID + " is configured for secret but secret was not received"
		wrong := "Unable to verify secret hash for client " + c.clientID

		// InitiateAuth: missing, wrong, right.
		a := func(hash string) error {
			cl, _ := srp.NewClient(rand.Reader)
			p := map[string]string{"USERNAME": "erin", "SRP_A": cl.AHex()}
			if hash != "" {
				p["SECRET_HASH"] = hash
			}
			_, err := env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: types.AuthFlowTypeUserSrpAuth,
				ClientId: aws.String(c.clientID), AuthParameters: p})
			return err
		}
		wantAPIError(t, a(""), "NotAuthorizedException", missing)
		wantAPIError(t, a(srp.SecretHash("not-the-secret", "erin", c.clientID)), "NotAuthorizedException", wrong)
		wantAPIError(t, a(srp.SecretHash(c.secret, "erin", "another-client")), "NotAuthorizedException", wrong)
		if err := a(c.hash("erin")); err != nil {
			t.Fatalf("right SECRET_HASH: %v", err)
		}

		// USER_PASSWORD_AUTH and the admin flow: the same three cases,
		// with the hash over the name the user typed.
		pw := func(flow types.AuthFlowType, name, hash string) error {
			p := map[string]string{"USERNAME": name, "PASSWORD": goodPassword}
			if hash != "" {
				p["SECRET_HASH"] = hash
			}
			if flow == types.AuthFlowTypeUserPasswordAuth {
				_, err := env.Anon.InitiateAuth(env.Ctx, &cip.InitiateAuthInput{AuthFlow: flow, ClientId: aws.String(c.clientID), AuthParameters: p})
				return err
			}
			_, err := env.IDP.AdminInitiateAuth(env.Ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(poolID),
				ClientId: aws.String(c.clientID), AuthFlow: flow, AuthParameters: p})
			return err
		}
		for _, flow := range []types.AuthFlowType{types.AuthFlowTypeUserPasswordAuth, types.AuthFlowTypeAdminUserPasswordAuth} {
			wantAPIError(t, pw(flow, "erin", ""), "NotAuthorizedException", missing)
			wantAPIError(t, pw(flow, "erin", c.hash("erin@example.com")), "NotAuthorizedException", wrong)
			wantAPIError(t, pw(flow, "erin@example.com", c.hash("erin")), "NotAuthorizedException", wrong)
			if err := pw(flow, "erin", c.hash("erin")); err != nil {
				t.Fatalf("%s with the right SECRET_HASH: %v", flow, err)
			}
			if err := pw(flow, "erin@example.com", c.hash("erin@example.com")); err != nil {
				t.Fatalf("%s by alias with SECRET_HASH over the alias: %v", flow, err)
			}
		}
		_, err := env.IDP.AddUserPoolClientSecret(env.Ctx, &cip.AddUserPoolClientSecretInput{UserPoolId: aws.String(poolID),
			ClientId: aws.String(c.clientID), ClientSecret: aws.String("secondsecretforrotation000000000000000")})
		if err != nil {
			t.Fatalf("AddUserPoolClientSecret: %v", err)
		}
		// Both live secrets are accepted during a rotation.
		if err := pw(types.AuthFlowTypeUserPasswordAuth, "erin", srp.SecretHash("secondsecretforrotation000000000000000", "erin", c.clientID)); err != nil {
			t.Fatalf("SECRET_HASH with the second secret: %v", err)
		}
		if err := pw(types.AuthFlowTypeUserPasswordAuth, "erin", c.hash("erin")); err != nil {
			t.Fatalf("SECRET_HASH with the first secret during rotation: %v", err)
		}

		// PASSWORD_VERIFIER needs it too, over USER_ID_FOR_SRP.
		s, cl, err := c.srpStart("erin@example.com")
		if err != nil {
			t.Fatalf("SRP by alias: %v", err)
		}
		if s.ChallengeParameters["USER_ID_FOR_SRP"] != "erin" {
			t.Fatalf("USER_ID_FOR_SRP %q", s.ChallengeParameters["USER_ID_FOR_SRP"])
		}
		r := c.claim(t, cl, s.ChallengeParameters, goodPassword, time.Now())
		delete(r, "SECRET_HASH")
		_, err = c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, r)
		wantAPIError(t, err, "NotAuthorizedException", missing)
		r["SECRET_HASH"] = c.hash("erin@example.com")
		_, err = c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, r)
		wantAPIError(t, err, "NotAuthorizedException", wrong)
		r["SECRET_HASH"] = c.hash("erin")
		out, err := c.respond(types.ChallengeNameTypePasswordVerifier, s.Session, r)
		if err != nil {
			t.Fatalf("PASSWORD_VERIFIER with SECRET_HASH over USER_ID_FOR_SRP: %v", err)
		}
		wantTokens(t, "SRP with secret", out.AuthenticationResult)
	})
}
