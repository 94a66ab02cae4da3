package main

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/app"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/testenv"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// keysServer opens the data directory as `incognito serve` does.
func keysServer(t *testing.T, dir string) *app.App {
	t.Helper()
	cfg := config.Defaults()
	cfg.DataDir, cfg.PublicURL = dir, "http://127.0.0.1:9229"
	a, err := app.New(t.Context(), cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// served returns the kids of a JWKS the server serves at path.
func served(t *testing.T, a *app.App, path string) []string {
	t.Helper()
	rec := httptest.NewRecorder()
	a.Handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
	}
	return testenv.JWKSKids(t, rec.Body.Bytes())
}

// runKeys runs `incognito keys ...` with no environment.
func runKeys(args ...string) (code int, stdout, stderr string) {
	var out, errOut strings.Builder
	code = run(context.Background(), append([]string{"keys"}, args...), func(string) string { return "" }, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestKeysRotate runs the commands against an embedded store a server
// made, and has a server opened on it afterwards serve what they wrote:
// the command seals keys as the server does.
func TestKeysRotate(t *testing.T) {
	dir := t.TempDir()
	a := keysServer(t, dir)
	pool, err := a.Pools.CreatePool(t.Context(), userpool.CreatePoolInput{PoolName: ptr("rotated")})
	if err != nil {
		t.Fatal(err)
	}
	idle, err := a.Pools.CreatePool(t.Context(), userpool.CreatePoolInput{PoolName: ptr("never-signed")})
	if err != nil {
		t.Fatal(err)
	}
	jwksPath := "/" + pool.ID + "/.well-known/jwks.json"
	before := served(t, a, jwksPath) // makes the pool's first keys
	identityPath := "/cognito-identity/.well-known/jwks_uri"
	identityBefore := served(t, a, identityPath)
	if len(before) != 2 || len(identityBefore) != 1 {
		t.Fatalf("first keys: %v %v", before, identityBefore)
	}
	a.Close()

	code, out, errOut := runKeys("rotate", "--pool", pool.ID, "--data="+dir)
	if code != 0 {
		t.Fatalf("keys rotate: exit %d\n%s%s", code, out, errOut)
	}
	line := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(pool.ID) + `\s+(id|access)\s+(\S+)\s+-> (\S+)\s+active from (\S+)$`)
	rotated := line.FindAllStringSubmatch(out, -1)
	if len(rotated) != 2 || errOut != "" {
		t.Fatalf("keys rotate printed:\n%s\nstderr: %s", out, errOut)
	}
	var olds, news []string
	for _, m := range rotated {
		olds, news = append(olds, m[2]), append(news, m[3])
	}
	if !slices.Equal(slices.Sorted(slices.Values(olds)), before) {
		t.Fatalf("replaced %v, want %v", olds, before)
	}

	// A server opened afterwards publishes old and new keys.
	a = keysServer(t, dir)
	if got, want := served(t, a, jwksPath), slices.Sorted(slices.Values(append(olds, news...))); !slices.Equal(got, want) {
		t.Fatalf("JWKS after rotation %v, want %v", got, want)
	}
	a.Close()

	code, out, errOut = runKeys("list", "--data", dir, "--pool="+pool.ID)
	if code != 0 {
		t.Fatalf("keys list: exit %d\n%s", code, errOut)
	}
	for _, kid := range olds {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(kid) + `\s+(id|access)\s+\S+\s+\S+Z\s+signing$`).MatchString(out) {
			t.Fatalf("keys list does not show %s signing until a retirement:\n%s", kid, out)
		}
	}
	for _, kid := range news {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(kid) + `\s+(id|access)\s+\S+\s+-\s+pending$`).MatchString(out) {
			t.Fatalf("keys list does not show %s pending:\n%s", kid, out)
		}
	}

	// Every pool, and the identity pools' key, at once: the warning says
	// what a rotation without delay risks.
	code, out, errOut = runKeys("rotate", "--all", "--identity", "--activate-after", "0s", "--data", dir)
	if code != 0 {
		t.Fatalf("keys rotate --all: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "warning: --activate-after 0s") {
		t.Fatalf("no warning for an immediate rotation: %q", errOut)
	}
	if len(line.FindAllString(out, -1)) != 2 || !strings.Contains(out, idle.ID) || !strings.Contains(out, "no keys yet") ||
		!regexp.MustCompile(`(?m)^identity pools\s+openid\s+`+regexp.QuoteMeta(identityBefore[0])+`\s+-> \S+\s+active from `).MatchString(out) {
		t.Fatalf("keys rotate --all --identity printed:\n%s", out)
	}
	code, out, _ = runKeys("list", "--identity", "--data", dir)
	if code != 0 || strings.Count(out, "\n") != 3 || !strings.Contains(out, "retired") || !strings.Contains(out, "signing") {
		t.Fatalf("keys list --identity: exit %d\n%s", code, out)
	}
	a = keysServer(t, dir)
	if got := served(t, a, identityPath); len(got) != 2 || !slices.Contains(got, identityBefore[0]) {
		t.Fatalf("identity JWKS after rotation: %v", got)
	}
	a.Close()
}

func TestKeysRefusals(t *testing.T) {
	dir := t.TempDir()
	keysServer(t, dir).Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"rotate", "--data", dir, "--pool", "us-east-1_NoSuchPool"}, "User pool us-east-1_NoSuchPool does not exist."},
		{[]string{"list", "--data", dir, "--pool", "us-east-1_NoSuchPool"}, "User pool us-east-1_NoSuchPool does not exist."},
		{[]string{"rotate", "--data", dir}, "name what to rotate"},
		{[]string{"rotate", "--data", dir, "--pool", "us-east-1_X", "--all"}, "exclude each other"},
		{[]string{"rotate", "--data", dir, "--all", "--activate-after", "-1m"}, "negative"},
		{[]string{"list", "--data", dir}, "name one of"},
		{[]string{"rotate", "--data", t.TempDir(), "--all"}, "no master key"},
		{[]string{"rotate", "--data", dir, "--all", "--region", "nowhere"}, "does not look like an AWS region"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
	} {
		code, _, errOut := runKeys(tc.args...)
		if code != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("keys %v: exit %d, stderr %q; want 1 and %q", tc.args, code, errOut, tc.want)
		}
	}
	if code, out, _ := runKeys("-h"); code != 0 || !strings.Contains(out, "incognito keys rotate") {
		t.Errorf("keys -h: exit %d\n%s", code, out)
	}
	if code, _, errOut := runKeys("rotate", "-h"); code != 0 || !strings.Contains(errOut, "--activate-after") {
		t.Errorf("keys rotate -h: exit %d\n%s", code, errOut)
	}
}

func ptr[T any](v T) *T { return &v }
