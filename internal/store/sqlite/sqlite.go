package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/incognito-idp/incognito/internal/store"
)

// Store is a store.Store on one SQLite file.
type Store struct {
	w *sql.DB   // exactly one connection: every write transaction queues here
	r *readerDB // query-only connections for reads, statements kept prepared
	// hot holds the writes of every sign-in prepared once on the writer
	// connection (see execHot); it is filled in Open and read-only after.
	hot map[string]*sql.Stmt
}

var _ store.Store = (*Store)(nil)

// Connection settings. busy_timeout only matters when another process has
// the file open: inside this process writes already queue on s.w.
const (
	writerParams = "?_txlock=immediate&_busy_timeout=10000&_journal_mode=WAL&_synchronous=FULL&_foreign_keys=1"
	readerParams = "?_busy_timeout=10000&_foreign_keys=1&_query_only=1"
)

// Open opens the database file at path, creating it (mode 0600) and its
// parent directory when missing, and applies pending migrations.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsRune(path, '?') || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("sqlite: %q is not a plain file path", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	// Create the file ourselves so that it, and the -wal and -shm files
	// SQLite gives the same mode, are readable by the owner only.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}

	s := &Store{}
	if s.w, err = sql.Open("sqlite", path+writerParams); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxLifetime(0)
	s.w.SetConnMaxIdleTime(0)
	if err := s.init(ctx); err != nil {
		s.w.Close()
		return nil, err
	}
	if err := s.prepareHot(ctx); err != nil {
		s.Close()
		return nil, err
	}

	r, err := sql.Open("sqlite", path+readerParams)
	if err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	s.r = newReaderDB(r)
	n := max(4, runtime.NumCPU())
	s.r.SetMaxOpenConns(n)
	s.r.SetMaxIdleConns(n)
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// init checks the writer really runs in WAL mode (some file systems refuse
// it) and migrates the schema.
func (s *Store) init(ctx context.Context) error {
	var mode string
	// The first connection switches a new file to WAL, which needs an
	// exclusive lock. When several processes open a new file at the same
	// moment SQLite can answer SQLITE_BUSY without waiting out
	// busy_timeout, so the first query is retried for a while.
	err := s.w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
	for delay, waited := 5*time.Millisecond, time.Duration(0); isBusy(err) && waited < 10*time.Second; delay = min(2*delay, 200*time.Millisecond) {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		waited += delay
		err = s.w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
	}
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("sqlite: journal_mode is %q, want wal", mode)
	}
	return migrate(ctx, s.w)
}

// isBusy reports SQLite's SQLITE_BUSY (5), with or without an extended code.
func isBusy(err error) bool {
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == 5
}

// Ping answers nil when a read connection can run a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.r.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("sqlite: ping: %w", err)
	}
	return nil
}

// Close closes both connection pools.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	for _, st := range s.hot {
		errs = append(errs, st.Close())
	}
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	return errors.Join(errs...)
}
