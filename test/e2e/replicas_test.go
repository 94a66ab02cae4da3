package e2e

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
	"github.com/incognito-idp/incognito/internal/testenv"
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

	t.Run("keys rotated by the command verify across replicas", func(t *testing.T) {
		confirmedUser(t, a, poolID, "kim", goodPassword)
		before := onA.mustPassword(t, "kim", goodPassword)
		if _, err := onB.getUser(*before.AccessToken); err != nil {
			t.Fatalf("GetUser on B before rotation: %v", err)
		}
		oldKIDs := []string{kidOf(t, *before.IdToken), kidOf(t, *before.AccessToken)}

		// The operator's command, as a process of its own on the same
		// database and master key. --activate-after 0 makes the new keys
		// sign at once, so the test need not wait; that is only safe here.
		// In production a replica would go on signing with its cached old
		// keys for up to a minute (harmless), while a relying party whose
		// cached JWKS lacks the new key would refuse every token it signs
		// until it fetched the JWKS again; the default of five minutes
		// publishes the new keys everywhere before they sign.
		out := runIncognito(t, []string{"INCOGNITO_MASTER_KEY=" + encodeKey(master)},
			"keys", "rotate", "--pool", poolID, "--activate-after", "0s", "--database-url", url, "--data", t.TempDir())
		rotated := regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(poolID)+`\s+(id|access)\s+(\S+)\s+-> (\S+)\s+active from `).
			FindAllStringSubmatch(out, -1)
		if len(rotated) != 2 {
			t.Fatalf("keys rotate printed:\n%s", out)
		}
		newKID := map[string]string{}
		for _, m := range rotated {
			if m[2] != map[string]string{"id": oldKIDs[0], "access": oldKIDs[1]}[m[1]] {
				t.Fatalf("%s key %s replaced, want %v", m[1], m[2], oldKIDs)
			}
			newKID[m[1]] = m[3]
		}
		all := slices.Sorted(slices.Values([]string{oldKIDs[0], oldKIDs[1], newKID["id"], newKID["access"]}))

		// A token minted before the rotation still verifies on B.
		if _, err := onB.getUser(*before.AccessToken); err != nil {
			t.Fatalf("GetUser on B with a token minted before rotation: %v", err)
		}

		// A still holds its cached keys (for up to a minute). A token
		// naming a kid it does not know makes a replica reload its keys at
		// once, at most once a second: here a forged one naming the new
		// access key, which is refused, as it must be.
		parts := strings.Split(*before.AccessToken, ".")
		forged := b64(map[string]any{"alg": "RS256", "kid": newKID["access"]}) + "." + parts[1] + "." + parts[2]
		jwksA := a.URL + "/" + poolID + "/.well-known/jwks.json"
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			_, err := onA.getUser(forged)
			wantAPIError(t, err, "NotAuthorizedException", "Invalid Access Token")
			if got := testenv.JWKSKids(t, fetch(t, jwksA)); slices.Equal(got, all) {
				break
			} else if time.Now().After(deadline) {
				t.Fatalf("A's JWKS after a reload: %v, want %v", got, all)
			}
		}

		// A now signs with the new keys; B has never seen them, reloads on
		// the unknown kid (at most once a second), and accepts the token.
		after := onA.mustPassword(t, "kim", goodPassword)
		if id, access := kidOf(t, *after.IdToken), kidOf(t, *after.AccessToken); id != newKID["id"] || access != newKID["access"] {
			t.Fatalf("A signed after rotation with %s/%s, want %v", id, access, newKID)
		}
		var err error
		for deadline := time.Now().Add(3 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			if _, err = onB.getUser(*after.AccessToken); err == nil || time.Now().After(deadline) {
				break
			}
		}
		if err != nil {
			t.Fatalf("GetUser on B with a token A signed with the new key: %v", err)
		}
		if got := testenv.JWKSKids(t, fetch(t, b.URL+"/"+poolID+"/.well-known/jwks.json")); !slices.Equal(got, all) {
			t.Fatalf("B's JWKS after rotation: %v, want %v", got, all)
		}
		// And the old token still verifies on both.
		for name, c := range map[string]*signIn{"A": onA, "B": &onB} {
			if _, err := c.getUser(*before.AccessToken); err != nil {
				t.Fatalf("GetUser on %s with the old token after the new keys took over: %v", name, err)
			}
		}
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

// kidOf returns the kid in a JWT's header.
func kidOf(t *testing.T, token string) string {
	t.Helper()
	h, _ := jwtParts(t, token)
	kid, _ := h["kid"].(string)
	return kid
}

// runIncognito builds cmd/incognito and runs it with args and env added
// to this process's environment, failing the test unless it succeeds. It
// returns what the command printed on stdout.
func runIncognito(t *testing.T, env []string, args ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "incognito")
	build := exec.Command("go", "build", "-o", bin, "github.com/incognito-idp/incognito/cmd/incognito")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/incognito: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("incognito %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// encodeKey is how INCOGNITO_MASTER_KEY carries a key.
func encodeKey(k []byte) string { return base64.StdEncoding.EncodeToString(k) }
