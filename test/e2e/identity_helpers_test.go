package e2e

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/incognito-idp/incognito/internal/token"
)

// Role ARNs of the identity-pool tests.
const (
	roleAuth   = "arn:aws:iam::000000000000:role/IdentityAuthenticated"
	roleGuest  = "arn:aws:iam::000000000000:role/IdentityGuest"
	roleAdmins = "arn:aws:iam::000000000000:role/IdentityAdmins"
	roleEditor = "arn:aws:iam::000000000000:role/IdentityEditors"
)

// identityClient is a cognito-identity client; the public operations are
// sent unsigned whatever the credentials (the model's noAuth).
func identityClient(url string, creds aws.CredentialsProvider) *ci.Client {
	return ci.New(ci.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(url),
		Credentials:      creds,
		RetryMaxAttempts: 1,
		HTTPClient:       &http.Client{Timeout: 30 * time.Second},
	})
}

func stsClient(url string, creds aws.CredentialsProvider) *sts.Client {
	return sts.New(sts.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(url),
		Credentials:      creds,
		RetryMaxAttempts: 1,
		HTTPClient:       &http.Client{Timeout: 30 * time.Second},
	})
}

func static(key, secret, session string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(key, secret, session)
}

// ids is the identity-pool side of a test server.
type ids struct {
	env *Env
	// CI signs with the admin keys; Anon with keys the server does not know.
	CI   *ci.Client
	Anon *ci.Client
}

func identities(env *Env) *ids {
	return &ids{
		env:  env,
		CI:   identityClient(env.URL, static(testAccessKey, testSecretKey, "")),
		Anon: identityClient(env.URL, static("AKIAUNKNOWNKEY000000", "not-a-configured-secret", "")),
	}
}

// userPoolSide is a user pool and app client whose users sign in to get
// ID tokens for identity-pool logins.
type userPoolSide struct {
	*signIn
	// Provider is the AWS-style provider name; IssuerKey the same provider
	// spelled as amplify derives it from iss (the issuer without scheme).
	Provider  string
	IssuerKey string
}

func newUserPoolSide(t *testing.T, env *Env, tweak func(*cip.CreateUserPoolClientInput)) *userPoolSide {
	t.Helper()
	poolID := userPool(t, env, nil)
	si := authClient(t, env, poolID, tweak)
	return &userPoolSide{
		signIn:    si,
		Provider:  "cognito-idp.us-east-1.amazonaws.com/" + poolID,
		IssuerKey: strings.TrimPrefix(env.URL, "http://") + "/" + poolID,
	}
}

// user creates a confirmed user and signs them in: their ID token.
func (u *userPoolSide) user(t *testing.T, username string, kv ...string) string {
	t.Helper()
	confirmedUser(t, u.env, u.poolID, username, goodPassword, kv...)
	return u.idToken(t, username)
}

func (u *userPoolSide) idToken(t *testing.T, username string) string {
	t.Helper()
	return aws.ToString(u.mustPassword(t, username, goodPassword).IdToken)
}

// trust is the CognitoIdentityProviders entry for the app client.
func (u *userPoolSide) trust(check bool) citypes.CognitoIdentityProvider {
	return citypes.CognitoIdentityProvider{ProviderName: aws.String(u.Provider), ClientId: aws.String(u.clientID), ServerSideTokenCheck: aws.Bool(check)}
}

// newIdentityPool creates an identity pool; tweak may change the request.
func (x *ids) newIdentityPool(t *testing.T, tweak func(*ci.CreateIdentityPoolInput)) string {
	t.Helper()
	in := &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("e2e identities"), AllowUnauthenticatedIdentities: true}
	if tweak != nil {
		tweak(in)
	}
	out, err := x.CI.CreateIdentityPool(x.env.Ctx, in)
	if err != nil {
		t.Fatalf("CreateIdentityPool: %v", err)
	}
	return aws.ToString(out.IdentityPoolId)
}

// setRoles sets the default roles and the given mappings.
func (x *ids) setRoles(t *testing.T, poolID string, mappings map[string]citypes.RoleMapping) {
	t.Helper()
	_, err := x.CI.SetIdentityPoolRoles(x.env.Ctx, &ci.SetIdentityPoolRolesInput{
		IdentityPoolId: aws.String(poolID),
		Roles:          map[string]string{"authenticated": roleAuth, "unauthenticated": roleGuest},
		RoleMappings:   mappings,
	})
	if err != nil {
		t.Fatalf("SetIdentityPoolRoles: %v", err)
	}
}

// getID calls GetId unsigned.
func (x *ids) getID(poolID string, logins map[string]string) (string, error) {
	out, err := x.Anon.GetId(x.env.Ctx, &ci.GetIdInput{IdentityPoolId: aws.String(poolID), Logins: logins})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.IdentityId), nil
}

func (x *ids) mustGetID(t *testing.T, poolID string, logins map[string]string) string {
	t.Helper()
	id, err := x.getID(poolID, logins)
	if err != nil {
		t.Fatalf("GetId: %v", err)
	}
	return id
}

func (x *ids) creds(id string, logins map[string]string) (*ci.GetCredentialsForIdentityOutput, error) {
	return x.Anon.GetCredentialsForIdentity(x.env.Ctx, &ci.GetCredentialsForIdentityInput{IdentityId: aws.String(id), Logins: logins})
}

func (x *ids) mustCreds(t *testing.T, id string, logins map[string]string) *citypes.Credentials {
	t.Helper()
	out, err := x.creds(id, logins)
	if err != nil {
		t.Fatalf("GetCredentialsForIdentity: %v", err)
	}
	if aws.ToString(out.IdentityId) != id {
		t.Fatalf("credentials for %s, want %s", aws.ToString(out.IdentityId), id)
	}
	return out.Credentials
}

// callerArn signs GetCallerIdentity with vended credentials.
func (x *ids) callerArn(t *testing.T, c *citypes.Credentials) string {
	t.Helper()
	out, err := stsClient(x.env.URL, static(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretKey), aws.ToString(c.SessionToken))).
		GetCallerIdentity(x.env.Ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatalf("GetCallerIdentity with vended credentials: %v", err)
	}
	return aws.ToString(out.Arn)
}

// assumedRole is the ARN GetCallerIdentity answers for credentials of a
// role vended by GetCredentialsForIdentity.
func assumedRole(role string) string {
	name := role[strings.LastIndex(role, "/")+1:]
	return "arn:aws:sts::000000000000:assumed-role/" + name + "/CognitoIdentityCredentials"
}

// mintIDToken signs ID-token claims with the user pool's real ID key:
// tokens the server must verify as genuine but may refuse for their
// claims (expiry, audience).
func mintIDToken(t *testing.T, env *Env, poolID string, edit func(map[string]any)) string {
	t.Helper()
	keys, err := token.NewKeySet(poolKeys(t, env, poolID), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	claims := token.IDClaims(token.IDInput{
		Issuer: env.URL + "/" + poolID, Sub: "5a1e0000-0000-4000-8000-000000000001", ClientID: "forgedclient",
		Username: "minted", IssuedAt: now, Expires: now.Add(time.Hour),
	})
	edit(claims)
	raw, err := keys.Sign(token.UseID, claims)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func asAPI(err error, target any) bool { return errors.As(err, target) }

// sscanExpired reads Cognito's "Invalid login token. Token expired: <now>
// >= <exp>".
func sscanExpired(msg string, now, exp *int64) (int, error) {
	return fmt.Sscanf(msg, "Invalid login token. Token expired: %d >= %d", now, exp)
}
