package e2e

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/incognito-idp/incognito/internal/app"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/store/postgres/pgtest"
)

// Test admin credentials: the servers these tests start verify signatures
// against them, so every IAM-signed call really is checked.
const (
	testAccessKey = "AKIAINCOGNITOTEST0001"
	testSecretKey = "incognito-test-secret-key-0000000000000"
)

// Env is one running server and clients pointed at it.
type Env struct {
	URL string
	App *app.App
	// IDP signs with the configured admin keys.
	IDP *cip.Client
	// Anon sends the public operations; its credentials are unknown to the
	// server, so IAM operations through it must fail.
	Anon *cip.Client
	Ctx  context.Context
}

// backend names a store and how to configure it.
type backend struct {
	name   string
	config func(t *testing.T, c *config.Config)
}

var backends = []backend{
	{"sqlite", func(t *testing.T, c *config.Config) { c.DataDir = t.TempDir() }},
	{"postgres", func(t *testing.T, c *config.Config) {
		c.DataDir = t.TempDir()
		c.DatabaseURL = pgtest.URL(t)
	}},
}

// forEachStore runs f against a fresh server on every backend.
func forEachStore(t *testing.T, f func(t *testing.T, env *Env)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			f(t, start(t, b, nil))
		})
	}
}

// start runs a server for the duration of the test. tweak may change the
// configuration before start.
func start(t *testing.T, b backend, tweak func(*config.Config)) *Env {
	t.Helper()
	cfg := config.Defaults()
	cfg.AdminAccessKeyID = testAccessKey
	cfg.AdminSecretAccessKey = testSecretKey
	b.config(t, &cfg)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Addr = ln.Addr().String()
	cfg.PublicURL = "http://" + cfg.Addr
	if tweak != nil {
		tweak(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testWriter{t}, nil))
	}
	a, err := app.New(ctx, cfg, log)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.ServeListener(ctx, ln, nil) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && err != http.ErrServerClosed {
			t.Errorf("server: %v", err)
		}
		a.Close()
	})
	url := "http://" + cfg.Addr
	return &Env{
		URL:  url,
		App:  a,
		IDP:  idpClient(url, testAccessKey, testSecretKey),
		Anon: idpClient(url, "AKIAUNKNOWNKEY000000", "not-a-configured-secret"),
		Ctx:  ctx,
	}
}

func idpClient(url, key, secret string) *cip.Client {
	return cip.New(cip.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(url),
		Credentials:      credentials.NewStaticCredentialsProvider(key, secret, ""),
		RetryMaxAttempts: 1,
		HTTPClient:       &http.Client{Timeout: 30 * time.Second},
	})
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
