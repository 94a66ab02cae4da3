package preload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
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
	// Workers compute users' SRP verifiers in parallel (default: one per
	// CPU); the store writes what they make, a batch at a time.
	Workers int
	// BatchSize is the number of users per store.CreateUsers transaction
	// (default DefaultBatchSize).
	BatchSize int
	Log       io.Writer // progress; nil discards it
}

// DefaultBatchSize is the users per store.CreateUsers when Store.BatchSize
// is not set: a few thousand make the transaction's fixed cost (an fsync
// on SQLite, a round trip and a commit on PostgreSQL) negligible while
// keeping a batch's rows, a few megabytes, in memory.
const DefaultBatchSize = 2000

// Describe says how users are written.
func (s *Store) Describe() string {
	kind := "SQLite"
	if !strings.HasPrefix(s.DSN, "sqlite:") {
		kind = "PostgreSQL"
	}
	return fmt.Sprintf("Incognito-only: in-process straight into its %s store (%s), CONFIRMED user rows in batches "+
		"of %d per store.CreateUsers transaction, SRP verifiers computed by %d workers, no HTTP",
		kind, redact(s.DSN), s.batchSize(), s.workers())
}

func (s *Store) workers() int {
	if s.Workers > 0 {
		return s.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (s *Store) batchSize() int {
	if s.BatchSize > 0 {
		return s.BatchSize
	}
	return DefaultBatchSize
}

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
// through the userpool service, the others straight into the store in
// batches (see the package documentation); an existing user only gets its
// password set.
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
	made := 0
	if created {
		made = 1
	}
	var done atomic.Int64
	done.Store(1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		tick := time.NewTicker(5 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				fmt.Fprintf(log, "  store pre-load: %d/%d\n", done.Load(), n)
			case <-ctx.Done():
				return
			}
		}
	}()

	// Workers turn indexes into rows (the SRP verifier is most of the
	// cost); this goroutine writes them a batch at a time, while the
	// workers go on with the next batch.
	rows := make(chan store.UserRecord, s.batchSize())
	errc := make(chan error, 1)
	var next atomic.Int64
	next.Store(int64(first + 1))
	var wg sync.WaitGroup
	for range s.workers() {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= first+n {
					return
				}
				rec, err := confirmedUser(w.sealer, w.pool, name(i), w.password, time.Now().UTC())
				if err != nil {
					select {
					case errc <- fmt.Errorf("user %s: %w", name(i), err):
					default:
					}
					cancel()
					return
				}
				select {
				case rows <- rec:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(rows) }()

	batch := make([]store.UserRecord, 0, s.batchSize())
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		k, err := w.batch(ctx, batch)
		made += k
		done.Add(int64(len(batch)))
		batch = batch[:0]
		return err
	}
	var werr error
	for rec := range rows {
		if werr != nil {
			continue // drain, so that the workers can stop
		}
		if batch = append(batch, rec); len(batch) == cap(batch) {
			if werr = flush(); werr != nil {
				cancel()
			}
		}
	}
	if werr == nil {
		werr = flush()
	}
	select {
	case err := <-errc:
		return made, err
	default:
	}
	if werr == nil && ctx.Err() != nil {
		werr = ctx.Err()
	}
	return made, werr
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

// batch writes the rows in one store.CreateUsers and returns how many users
// it created. When some of them exist already (a pre-load run again over
// the same names), the batch is written a user at a time instead.
func (w *writer) batch(ctx context.Context, recs []store.UserRecord) (int, error) {
	err := w.store.CreateUsers(ctx, recs)
	if err == nil {
		return len(recs), nil
	}
	if !errors.Is(err, store.ErrAlreadyExists) {
		return 0, err
	}
	made := 0
	for _, rec := range recs {
		isNew, err := w.direct(ctx, rec)
		if err != nil {
			return made, fmt.Errorf("user %s: %w", rec.Username, err)
		}
		if isNew {
			made++
		}
	}
	return made, nil
}

// direct writes the user's row in one store.CreateUser; a user that is
// there already gets its password set through the service.
func (w *writer) direct(ctx context.Context, rec store.UserRecord) (bool, error) {
	err := w.store.CreateUser(ctx, rec)
	if errors.Is(err, store.ErrAlreadyExists) {
		password := w.password
		return false, w.pools.AdminSetUserPassword(ctx, userpool.Ref(w.pool.ID, rec.Username), &password, true)
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
