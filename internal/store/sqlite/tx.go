package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// write runs fn in a transaction on db (the writer, so BEGIN IMMEDIATE) and
// commits when fn returns nil. The deferred rollback also runs when fn
// panics, which matters: a transaction left open would hold the only writer
// connection forever.
func write(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return write(ctx, s.w, fn)
}

// querier is what reads need: the reader pool, or a write transaction.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

type scanner interface{ Scan(dest ...any) error }

// exists answers store.ErrNotFound unless query finds a row.
func exists(ctx context.Context, q querier, query string, args ...any) error {
	var one int
	err := q.QueryRowContext(ctx, query, args...).Scan(&one)
	if err == sql.ErrNoRows {
		return store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	return nil
}

// created maps the result of an INSERT ... ON CONFLICT DO NOTHING.
func created(res sql.Result, err error) error {
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlite: %w", err)
	} else if n == 0 {
		return store.ErrAlreadyExists
	}
	return nil
}

// affected maps the result of an UPDATE or DELETE of one addressed row.
func affected(res sql.Result, err error) error {
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlite: %w", err)
	} else if n == 0 {
		return store.ErrNotFound
	}
	return nil
}

// deleted maps the result of a DELETE that sweeps any number of rows to
// their count.
func deleted(res sql.Result, err error) (int, error) {
	if err != nil {
		return 0, wrap(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, wrap(err)
	}
	return int(n), nil
}

func wrap(err error) error { return fmt.Errorf("sqlite: %w", err) }

func wrapNil(err error) error {
	if err == nil {
		return nil
	}
	return wrap(err)
}

// notFound maps sql.ErrNoRows from a single-row read.
func notFound(err error) error {
	if err == sql.ErrNoRows {
		return store.ErrNotFound
	}
	return fmt.Errorf("sqlite: %w", err)
}

// Timestamps are stored as microseconds since the Unix epoch, the
// precision PostgreSQL keeps too.
func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(v int64) time.Time { return time.UnixMicro(v).UTC() }

// limit turns Page.Limit into SQLite's LIMIT, where -1 is no limit.
func limit(p store.Page) int64 {
	if p.Limit <= 0 {
		return -1
	}
	return int64(p.Limit)
}

func encodeJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// decodeAttributes never returns a nil map, so update functions can assign
// to the attributes of the record they are handed.
func decodeAttributes(s string) (map[string]string, error) {
	m := map[string]string{}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("sqlite: attributes: %w", err)
	}
	if m == nil {
		m = map[string]string{}
	}
	return m, nil
}

// list runs a query returning rows of one kind.
func list[T any](ctx context.Context, q querier, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, wrap(err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, wrap(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err)
	}
	return out, nil
}

// listIn is list for rows under a parent (a pool, group or user): an empty
// result is store.ErrNotFound when the parent itself is missing. Checking
// only when the page is empty keeps the common case to one query.
func listIn[T any](ctx context.Context, q querier, parentSQL string, parentArgs []any,
	scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	out, err := list(ctx, q, scan, query, args...)
	if err != nil || len(out) > 0 {
		return out, err
	}
	if err := exists(ctx, q, parentSQL, parentArgs...); err != nil {
		return nil, err
	}
	return out, nil
}
