package e2e

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/incognito-idp/incognito/internal/srp"
	"github.com/incognito-idp/incognito/internal/store"
)

// The passwords of the sign-in tests satisfy the default policy (8
// characters, upper and lower case, numbers, symbols).
const (
	goodPassword  = "Correct-Horse-1"
	otherPassword = "Battery-Staple-2"
)

// allFlows enables every flow the sign-in tests use.
var allFlows = []types.ExplicitAuthFlowsType{
	types.ExplicitAuthFlowsTypeAllowUserSrpAuth, types.ExplicitAuthFlowsTypeAllowUserPasswordAuth,
	types.ExplicitAuthFlowsTypeAllowAdminUserPasswordAuth, types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth,
}

// signIn is one pool and app client to sign in to.
type signIn struct {
	env      *Env
	poolID   string
	clientID string
	secret   string // the client secret, "" for a public client
}

// authClient creates an app client with every flow enabled; tweak may
// change its settings.
func authClient(t *testing.T, env *Env, poolID string, tweak func(*cip.CreateUserPoolClientInput)) *signIn {
	t.Helper()
	in := &cip.CreateUserPoolClientInput{UserPoolId: aws.String(poolID), ClientName: aws.String("auth-e2e"),
		ExplicitAuthFlows: allFlows}
	if tweak != nil {
		tweak(in)
	}
	out, err := env.IDP.CreateUserPoolClient(env.Ctx, in)
	if err != nil {
		t.Fatalf("CreateUserPoolClient: %v", err)
	}
	return &signIn{env: env, poolID: poolID, clientID: *out.UserPoolClient.ClientId,
		secret: aws.ToString(out.UserPoolClient.ClientSecret)}
}

// withSecret makes authClient generate a client secret.
func withSecret(in *cip.CreateUserPoolClientInput) { in.GenerateSecret = true }

// confirmedUser creates a CONFIRMED user with a permanent password.
func confirmedUser(t *testing.T, env *Env, poolID, username, password string, kv ...string) *types.UserType {
	t.Helper()
	u := mkUser(t, env, poolID, username, kv...)
	_, err := env.IDP.AdminSetUserPassword(env.Ctx, &cip.AdminSetUserPasswordInput{UserPoolId: aws.String(poolID),
		Username: aws.String(username), Password: aws.String(password), Permanent: true})
	if err != nil {
		t.Fatalf("AdminSetUserPassword %s: %v", username, err)
	}
	return u
}

// hash is SECRET_HASH for username, or "" for a public client.
func (c *signIn) hash(username string) string {
	if c.secret == "" {
		return ""
	}
	return srp.SecretHash(c.secret, username, c.clientID)
}

// params builds AuthParameters / ChallengeResponses from pairs, adding
// SECRET_HASH over username when the client has a secret.
func (c *signIn) params(username string, kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	if h := c.hash(username); h != "" {
		m["SECRET_HASH"] = h
	}
	return m
}

// password signs in with USER_PASSWORD_AUTH.
func (c *signIn) password(username, password string) (*cip.InitiateAuthOutput, error) {
	return c.env.Anon.InitiateAuth(c.env.Ctx, &cip.InitiateAuthInput{
		AuthFlow: types.AuthFlowTypeUserPasswordAuth, ClientId: aws.String(c.clientID),
		AuthParameters: c.params(username, "USERNAME", username, "PASSWORD", password),
	})
}

// mustPassword signs in with USER_PASSWORD_AUTH and returns the tokens.
func (c *signIn) mustPassword(t *testing.T, username, password string) *types.AuthenticationResultType {
	t.Helper()
	out, err := c.password(username, password)
	if err != nil {
		t.Fatalf("USER_PASSWORD_AUTH %s: %v", username, err)
	}
	if out.AuthenticationResult == nil {
		t.Fatalf("USER_PASSWORD_AUTH %s: challenge %s instead of tokens", username, out.ChallengeName)
	}
	return out.AuthenticationResult
}

// srpStart sends USER_SRP_AUTH and returns the challenge and the client
// state to answer it with.
func (c *signIn) srpStart(username string) (*cip.InitiateAuthOutput, *srp.Client, error) {
	cl, err := srp.NewClient(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	out, err := c.env.Anon.InitiateAuth(c.env.Ctx, &cip.InitiateAuthInput{
		AuthFlow: types.AuthFlowTypeUserSrpAuth, ClientId: aws.String(c.clientID),
		AuthParameters: c.params(username, "USERNAME", username, "SRP_A", cl.AHex()),
	})
	return out, cl, err
}

// claim answers a PASSWORD_VERIFIER challenge as amplify does: USERNAME is
// USER_ID_FOR_SRP and SECRET_HASH is computed over it.
func (c *signIn) claim(t *testing.T, cl *srp.Client, params map[string]string, password string, at time.Time) map[string]string {
	t.Helper()
	userID := params["USER_ID_FOR_SRP"]
	block, err := base64.StdEncoding.DecodeString(params["SECRET_BLOCK"])
	if err != nil {
		t.Fatalf("SECRET_BLOCK is not base64: %v", err)
	}
	ts := srp.FormatTimestamp(at)
	sig, err := cl.Claim(srp.PoolName(c.poolID), userID, password, params["SALT"], params["SRP_B"], block, ts)
	if err != nil {
		t.Fatalf("srp claim: %v", err)
	}
	return c.params(userID, "USERNAME", userID, "PASSWORD_CLAIM_SECRET_BLOCK", params["SECRET_BLOCK"],
		"TIMESTAMP", ts, "PASSWORD_CLAIM_SIGNATURE", sig)
}

// respond sends RespondToAuthChallenge.
func (c *signIn) respond(challenge types.ChallengeNameType, session *string, responses map[string]string) (*cip.RespondToAuthChallengeOutput, error) {
	return c.env.Anon.RespondToAuthChallenge(c.env.Ctx, &cip.RespondToAuthChallengeInput{
		ClientId: aws.String(c.clientID), ChallengeName: challenge, Session: session, ChallengeResponses: responses,
	})
}

// srpSignIn runs the whole SRP sign-in with a Session, as amplify does.
func (c *signIn) srpSignIn(t *testing.T, username, password string) (*cip.RespondToAuthChallengeOutput, error) {
	t.Helper()
	start, cl, err := c.srpStart(username)
	if err != nil {
		return nil, err
	}
	if start.ChallengeName != types.ChallengeNameTypePasswordVerifier {
		t.Fatalf("USER_SRP_AUTH answered %q, want PASSWORD_VERIFIER", start.ChallengeName)
	}
	return c.respond(types.ChallengeNameTypePasswordVerifier, start.Session,
		c.claim(t, cl, start.ChallengeParameters, password, time.Now()))
}

// mustSRP signs in with SRP and returns the tokens.
func (c *signIn) mustSRP(t *testing.T, username, password string) *types.AuthenticationResultType {
	t.Helper()
	out, err := c.srpSignIn(t, username, password)
	if err != nil {
		t.Fatalf("SRP sign-in %s: %v", username, err)
	}
	if out.AuthenticationResult == nil {
		t.Fatalf("SRP sign-in %s: challenge %s instead of tokens", username, out.ChallengeName)
	}
	return out.AuthenticationResult
}

// getUser calls GetUser with an access token.
func (c *signIn) getUser(token string) (*cip.GetUserOutput, error) {
	return c.env.Anon.GetUser(c.env.Ctx, &cip.GetUserInput{AccessToken: aws.String(token)})
}

// refresh calls InitiateAuth REFRESH_TOKEN_AUTH with SECRET_HASH over
// username.
func (c *signIn) refresh(username, refreshToken string) (*cip.InitiateAuthOutput, error) {
	return c.env.Anon.InitiateAuth(c.env.Ctx, &cip.InitiateAuthInput{
		AuthFlow: types.AuthFlowTypeRefreshTokenAuth, ClientId: aws.String(c.clientID),
		AuthParameters: c.params(username, "REFRESH_TOKEN", refreshToken),
	})
}

// getTokens calls GetTokensFromRefreshToken with the client's secret.
func (c *signIn) getTokens(refreshToken string) (*cip.GetTokensFromRefreshTokenOutput, error) {
	in := &cip.GetTokensFromRefreshTokenInput{ClientId: aws.String(c.clientID), RefreshToken: aws.String(refreshToken)}
	if c.secret != "" {
		in.ClientSecret = aws.String(c.secret)
	}
	return c.env.Anon.GetTokensFromRefreshToken(c.env.Ctx, in)
}

// wantTokens checks that a sign-in step gave the three tokens.
func wantTokens(t *testing.T, what string, r *types.AuthenticationResultType) {
	t.Helper()
	if r == nil {
		t.Fatalf("%s: no AuthenticationResult", what)
	}
	if aws.ToString(r.AccessToken) == "" || aws.ToString(r.IdToken) == "" || aws.ToString(r.RefreshToken) == "" {
		t.Fatalf("%s: missing tokens: %+v", what, r)
	}
	if aws.ToString(r.TokenType) != "Bearer" {
		t.Errorf("%s: TokenType %q", what, aws.ToString(r.TokenType))
	}
}

// jwtParts decodes a JWT's header and claims without verifying it.
func jwtParts(t *testing.T, token string) (header, claims map[string]any) {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d parts", len(parts))
	}
	for i, dst := range []*map[string]any{&header, &claims} {
		raw, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil {
			t.Fatalf("token part %d: %v", i, err)
		}
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.UseNumber()
		if err := dec.Decode(dst); err != nil {
			t.Fatalf("token part %d: %v", i, err)
		}
	}
	return header, claims
}

// claimsOf returns a JWT's claims.
func claimsOf(t *testing.T, token string) map[string]any {
	t.Helper()
	_, c := jwtParts(t, token)
	return c
}

// setStatus changes a user's status directly in the store, for states no
// operation of this release reaches (UNCONFIRMED, RESET_REQUIRED).
func setStatus(t *testing.T, env *Env, poolID, key, status string) {
	t.Helper()
	err := env.App.Store.UpdateUser(env.Ctx, poolID, key, func(r store.UserRecord) (store.UserRecord, error) {
		r.Status = status
		return r, nil
	})
	if err != nil {
		t.Fatalf("setting status of %s: %v", key, err)
	}
}
