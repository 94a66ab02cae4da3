package preload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/incognito-idp/incognito/internal/app"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// Store is a loadgen.Preloader writing into an Incognito store.
type Store struct {
	// DSN is "sqlite:<data directory>" (the server's --data; naming its
	// incognito.db file works too) or a postgres:// URL (the server's
	// --database-url).
	DSN string
	// MasterKey is the server's INCOGNITO_MASTER_KEY, when it has one;
	// otherwise the key file master.key of DataDir (or of the SQLite data
	// directory) is used. It is never created here: users sealed with a
	// key the server does not have would be unreadable.
	MasterKey string
	DataDir   string
	Workers   int       // users written in parallel
	Log       io.Writer // progress; nil discards it
}

// Describe says how users are written.
func (s *Store) Describe() string {
	kind := "SQLite"
	if !strings.HasPrefix(s.DSN, "sqlite:") {
		kind = "PostgreSQL"
	}
	return fmt.Sprintf("Incognito-only: in-process straight into its %s store (%s), one CONFIRMED user row per "+
		"store.CreateUser, %d in parallel, no HTTP", kind, redact(s.DSN), s.workers())
}

func (s *Store) workers() int { return max(s.Workers, 1) }

// config turns the DSN into the server configuration that opens the same
// store with the same key.
func (s *Store) config() (config.Config, error) {
	cfg := config.Defaults()
	cfg.MasterKey = s.MasterKey
	cfg.DataDir = s.DataDir
	switch {
	case strings.HasPrefix(s.DSN, "sqlite:"):
		dir := strings.TrimPrefix(s.DSN, "sqlite:")
		if filepath.Base(dir) == "incognito.db" {
			dir = filepath.Dir(dir) // the database file named instead of its directory
		}
		if dir == "" {
			return cfg, errors.New("sqlite: needs the server's data directory, e.g. sqlite:./incognito-data")
		}
		if _, err := os.Stat(filepath.Join(dir, "incognito.db")); err != nil {
			return cfg, fmt.Errorf("%s holds no Incognito database: %w", dir, err)
		}
		cfg.DataDir = dir
	case strings.HasPrefix(s.DSN, "postgres://"), strings.HasPrefix(s.DSN, "postgresql://"):
		cfg.DatabaseURL = s.DSN
	default:
		return cfg, fmt.Errorf("store %q: want sqlite:<data directory> or a postgres:// URL", redact(s.DSN))
	}
	if cfg.MasterKey == "" {
		if cfg.DataDir == "" {
			return cfg, errors.New("the server's master key is needed: set INCOGNITO_MASTER_KEY or give its data directory")
		}
		if _, err := os.Stat(filepath.Join(cfg.DataDir, "master.key")); err != nil {
			return cfg, fmt.Errorf("no master key: %w (set INCOGNITO_MASTER_KEY or give the server's data directory)", err)
		}
	}
	return cfg, nil
}

// Preload creates users name(first) .. name(first+n-1) in poolID,
// CONFIRMED with password, and returns how many it created. The first goes
// through the userpool service, the others straight into the store (see
// the package documentation); an existing user only gets its password set.
func (s *Store) Preload(ctx context.Context, poolID string, first, n int, name func(int) string, password string) (int, error) {
	cfg, err := s.config()
	if err != nil {
		return 0, err
	}
	sealer, err := userSealer(cfg)
	if err != nil {
		return 0, err
	}
	a, err := app.New(ctx, cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		return 0, err
	}
	defer a.Close()
	pool, err := a.Pools.GetPool(ctx, poolID)
	if err != nil {
		return 0, fmt.Errorf("user pool %s: %w", poolID, err)
	}
	w := &writer{pools: a.Pools, store: a.Store, sealer: sealer, pool: pool, password: password}
	if n <= 0 {
		return 0, nil
	}
	// The first user through the domain: the pool's rules apply.
	created, err := w.viaService(ctx, name(first))
	if err != nil {
		return 0, fmt.Errorf("user %s: %w", name(first), err)
	}
	log := s.Log
	if log == nil {
		log = io.Discard
	}

	var next, made, done atomic.Int64
	next.Store(int64(first + 1))
	if created {
		made.Store(1)
	}
	done.Store(1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var once sync.Once
	var firstErr error
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	go func() {
		for {
			select {
			case <-tick.C:
				fmt.Fprintf(log, "  store pre-load: %d/%d\n", done.Load(), n)
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range s.workers() {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= first+n {
					return
				}
				isNew, err := w.direct(ctx, name(i))
				if err != nil {
					once.Do(func() { firstErr = fmt.Errorf("user %s: %w", name(i), err); cancel() })
					return
				}
				if isNew {
					made.Add(1)
				}
				done.Add(1)
			}
		})
	}
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	return int(made.Load()), firstErr
}

// writer writes the users of one pool.
type writer struct {
	pools    *userpool.Service
	store    store.Store
	sealer   *secret.Sealer
	pool     *userpool.Pool
	password string
}

// viaService is AdminCreateUser then AdminSetUserPassword --permanent.
func (w *writer) viaService(ctx context.Context, username string) (bool, error) {
	poolID, password := w.pool.ID, w.password
	_, err := w.pools.AdminCreateUser(ctx, userpool.AdminCreateUserInput{
		PoolID: &poolID, Username: &username, TemporaryPassword: &password,
		MessageAction: userpool.MessageActionSuppress,
	})
	created := err == nil
	if err != nil && !userpool.IsCode(err, userpool.UsernameExists) {
		return false, err
	}
	return created, w.pools.AdminSetUserPassword(ctx, userpool.Ref(poolID, username), &password, true)
}

// direct writes the user's row in one store.CreateUser; a user that is
// there already gets its password set through the service.
func (w *writer) direct(ctx context.Context, username string) (bool, error) {
	rec, err := confirmedUser(w.sealer, w.pool, username, w.password, time.Now().UTC())
	if err != nil {
		return false, err
	}
	err = w.store.CreateUser(ctx, rec)
	if errors.Is(err, store.ErrAlreadyExists) {
		password := w.password
		return false, w.pools.AdminSetUserPassword(ctx, userpool.Ref(w.pool.ID, username), &password, true)
	}
	return err == nil, err
}

// redact hides a password in a database URL.
func redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	at := strings.LastIndexByte(rest, '@')
	if at < 0 {
		return dsn
	}
	user, _, hasPassword := strings.Cut(rest[:at], ":")
	if !hasPassword {
		return dsn
	}
	return scheme + "://" + user + ":***" + rest[at:]
}
