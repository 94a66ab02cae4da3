package app

import (
	"context"
	"crypto/hkdf"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/incognito-idp/incognito/internal/api/identity"
	"github.com/incognito-idp/incognito/internal/api/idp"
	"github.com/incognito-idp/incognito/internal/api/oauth"
	"github.com/incognito-idp/incognito/internal/api/outbox"
	"github.com/incognito-idp/incognito/internal/authflow"
	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/identitypool"
	"github.com/incognito-idp/incognito/internal/message"
	"github.com/incognito-idp/incognito/internal/metrics"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/sigv4"
	"github.com/incognito-idp/incognito/internal/srp"
	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/store/postgres"
	"github.com/incognito-idp/incognito/internal/store/sqlite"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// App is a running Incognito: its store, services and HTTP handler.
type App struct {
	Config   config.Config
	Store    store.Store
	Pools    *userpool.Service
	Identity *identitypool.Service // identity pools; the config-file seeder uses it
	Handler  http.Handler
	// Services are the AWS JSON APIs the handler dispatches to.
	Services []*awsjson.Service
	log      *slog.Logger
}

// New opens the store (running migrations) and builds every service.
func New(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	st, err := OpenStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	sealer, master, err := openSealer(cfg)
	if err != nil {
		st.Close()
		return nil, err
	}
	sender, err := message.New(message.Options{
		SMTPURL:       cfg.SMTPURL,
		From:          cfg.EmailFrom,
		SMSWebhookURL: cfg.SMSWebhookURL,
		Outbox:        st,
		Log:           log,
	})
	if err != nil {
		st.Close()
		return nil, err
	}
	pools, auth := newUserPoolParts(cfg, st, sealer, master, sender, log)
	verifier := &sigv4.Verifier{}
	if !cfg.DevMode() {
		verifier.Credentials = sigv4.StaticCredentials{cfg.AdminAccessKeyID: cfg.AdminSecretAccessKey}
	}
	issuer := IssuerFunc(cfg)
	ids := newIdentityParts(cfg, st, sealer, auth, log)
	services := []*awsjson.Service{idp.New(pools, auth, log).Service(), identity.New(ids.pools, log).Service()}
	api := awsjson.NewServer(adminVerifier(cfg, verifier, ids.vendor), log, services...)
	go srp.Precompute() // the SRP fixed-base table, off the first sign-in's path
	m := metrics.New()
	api.SetObserver(m)

	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := st.Ping(ctx); err != nil {
			http.Error(w, `{"status":"unavailable"}`, http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	})
	(&oauth.WellKnown{Pools: pools, Keys: auth, PublicURL: cfg.PublicURL, Issuer: issuer}).Register(mux)
	mux.Handle("GET "+outbox.Path, &outbox.Handler{Verifier: verifier, Messages: st, Log: log})
	(&oauth.IdentityWellKnown{Keys: ids.pools, Issuer: IdentityIssuer(cfg), PublicURL: cfg.PublicURL}).Register(mux)
	mux.Handle("POST /{$}", postRoot(api, ids.sts))
	mux.Handle("OPTIONS /{$}", api)

	return &App{Config: cfg, Store: st, Pools: pools, Identity: ids.pools, Handler: mux, Services: services, log: log}, nil
}

// newUserPoolParts builds the user-pool domain and the sign-in service on
// st; sender may be nil where nothing is delivered (`incognito keys`).
func newUserPoolParts(cfg config.Config, st store.Store, sealer *secret.Sealer, master []byte, sender userpool.MessageSender, log *slog.Logger) (*userpool.Service, *authflow.Service) {
	pools := userpool.New(userpool.Options{
		Store:     st,
		Sealer:    sealer.Derive(purposeUserSecrets),
		Region:    cfg.Region,
		AccountID: cfg.AccountID,
		Log:       log,
		Sender:    sender,
		PublicURL: cfg.PublicURL,
	})
	auth := authflow.New(authflow.Options{
		Pools:     pools,
		Store:     st,
		Sealer:    sealer.Derive(purposeAuthSession),
		KeySealer: sealer.Derive(purposeSigningKeys),
		Issuer:    IssuerFunc(cfg),
		DecoyKey:  decoyKey(master),
		Log:       log,
	})
	return pools, auth
}

// OpenStore opens PostgreSQL when a database URL is set, else the embedded
// SQLite file in the data directory.
func OpenStore(ctx context.Context, cfg config.Config) (store.Store, error) {
	if cfg.DatabaseURL != "" {
		st, err := postgres.Open(ctx, cfg.DatabaseURL)
		if err != nil {
			return nil, fmt.Errorf("opening PostgreSQL: %w", err)
		}
		return st, nil
	}
	st, err := sqlite.Open(ctx, filepath.Join(cfg.DataDir, "incognito.db"))
	if err != nil {
		return nil, fmt.Errorf("opening SQLite in %s: %w", cfg.DataDir, err)
	}
	return st, nil
}

// openSealer uses INCOGNITO_MASTER_KEY, or a key file kept in the data
// directory (outside the database) that is created on first start.
func openSealer(cfg config.Config) (*secret.Sealer, []byte, error) {
	var key []byte
	var err error
	if cfg.MasterKey != "" {
		key, err = secret.ParseKey(cfg.MasterKey)
	} else {
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return nil, nil, err
		}
		key, err = secret.LoadOrCreateKeyFile(filepath.Join(cfg.DataDir, "master.key"))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("master key: %w", err)
	}
	sealer, err := secret.New(key)
	return sealer, key, err
}

// decoyKey derives the key of the decoy SRP challenges from the master key.
func decoyKey(master []byte) []byte {
	k, err := hkdf.Key(sha256.New, master, nil, "incognito/decoy/v1", 32)
	if err != nil {
		panic(err) // only for impossible lengths
	}
	return k
}

// Serve listens on cfg.Addr until ctx is done, then shuts down gracefully.
func (a *App) Serve(ctx context.Context, ready func(addr net.Addr)) error {
	ln, err := net.Listen("tcp", a.Config.Addr)
	if err != nil {
		return err
	}
	return a.ServeListener(ctx, ln, ready)
}

// ServeListener serves on an existing listener (tests use 127.0.0.1:0).
func (a *App) ServeListener(ctx context.Context, ln net.Listener, ready func(addr net.Addr)) error {
	srv := &http.Server{
		Handler:           a.Handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := srv.Shutdown(shutdown)
		if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
			err = serr
		}
		return err
	}
}

// Close releases the store.
func (a *App) Close() error { return a.Store.Close() }

// IssuerFunc returns the iss of a pool's tokens: <public-url>/<poolId>, or
// with --issuer-style aws the URL Cognito itself uses.
func IssuerFunc(cfg config.Config) func(poolID string) string {
	if cfg.IssuerStyle == "aws" {
		return func(poolID string) string {
			return "https://cognito-idp." + cfg.Region + ".amazonaws.com/" + poolID
		}
	}
	return func(poolID string) string { return cfg.PublicURL + "/" + poolID }
}
