package e2e

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
)

// TestReplicasOnOnePostgreSQL runs two Incognito processes' worth of
// servers — separate stores, caches and listeners on different loopback
// ports — on one PostgreSQL database with one master key, started at the
// same moment, and checks that they behave as one server.
func TestReplicasOnOnePostgreSQL(t *testing.T) {
	url := pgtest.URL(t)
	master := secret.NewKey()
	shared := backend{name: "postgres-shared", config: func(t *testing.T, c *config.Config) {
		c.DataDir = t.TempDir()
		c.DatabaseURL = url
	}}
	// Replicas behind one load balancer share the master key and the
	// public URL (so the tokens' iss).
	withKey := func(c *config.Config) {
		c.MasterKey = encodeKey(master)
		c.PublicURL = "http://incognito.replicas.test"
	}

	// Both replicas start together: their migrations must not collide.
	var a, b *Env
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); a = start(t, shared, withKey) }()
	go func() { defer wg.Done(); b = start(t, shared, withKey) }()
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}

	poolID := userPool(t, a, nil)
	onA := authClient(t, a, poolID, nil)
	onB := *onA
	onB.env = b
	confirmedUser(t, b, poolID, "ada", goodPassword)

	t.Run("SRP step one on A, step two on B", func(t *testing.T) {
		startOut, cl, err := onA.srpStart("ada")
		if err != nil {
			t.Fatal(err)
		}
		out, err := onB.respond(types.ChallengeNameTypePasswordVerifier, startOut.Session,
			onB.claim(t, cl, startOut.ChallengeParameters, goodPassword, time.Now()))
		if err != nil {
			t.Fatalf("PASSWORD_VERIFIER on B: %v", err)
		}
		wantTokens(t, "SRP across replicas", out.AuthenticationResult)
	})

	t.Run("tokens minted on A verify on B and both serve one JWKS", func(t *testing.T) {
		tokens := onA.mustPassword(t, "ada", goodPassword)
		if _, err := onB.getUser(*tokens.AccessToken); err != nil {
			t.Fatalf("GetUser on B with A's token: %v", err)
		}
		if ja, jb := fetch(t, a.URL+"/"+poolID+"/.well-known/jwks.json"), fetch(t, b.URL+"/"+poolID+"/.well-known/jwks.json"); !bytes.Equal(ja, jb) {
			t.Fatalf("replicas serve different JWKS:\n%s\n%s", ja, jb)
		}
	})

	t.Run("a sign-out on A is refused on B at once", func(t *testing.T) {
		tokens := onB.mustSRP(t, "ada", goodPassword)
		if _, err := onB.getUser(*tokens.AccessToken); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Anon.GlobalSignOut(a.Ctx, &cip.GlobalSignOutInput{AccessToken: tokens.AccessToken}); err != nil {
			t.Fatalf("GlobalSignOut on A: %v", err)
		}
		_, err := onB.getUser(*tokens.AccessToken)
		wantAPIError(t, err, "NotAuthorizedException", "Access Token has been revoked")
		_, err = onB.refresh("ada", *tokens.RefreshToken)
		wantAPIError(t, err, "NotAuthorizedException", "Refresh Token has been revoked")
	})

	t.Run("lockout counts are shared", func(t *testing.T) {
		confirmedUser(t, a, poolID, "bob", goodPassword)
		for i := 0; i < 5; i++ {
			replica := onA
			if i%2 == 1 {
				replica = &onB
			}
			_, err := replica.password("bob", "Wrong-Passw0rd!")
			wantAPIError(t, err, "NotAuthorizedException", "Incorrect username or password.")
		}
		// The fifth failure locked bob out for a second, on both.
		_, err := onB.password("bob", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", "Password attempts exceeded")
		_, err = onA.password("bob", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", "Password attempts exceeded")
	})

	t.Run("admin changes on B are seen by A", func(t *testing.T) {
		if _, err := b.IDP.AdminDisableUser(b.Ctx, &cip.AdminDisableUserInput{UserPoolId: aws.String(poolID), Username: aws.String("ada")}); err != nil {
			t.Fatal(err)
		}
		_, err := onA.password("ada", goodPassword)
		wantAPIError(t, err, "NotAuthorizedException", "User is disabled.")
	})
}

func fetch(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	return body
}

// encodeKey is how INCOGNITO_MASTER_KEY carries a key.
func encodeKey(k []byte) string { return base64.StdEncoding.EncodeToString(k) }
