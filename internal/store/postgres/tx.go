package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/incognito-idp/incognito/internal/store"
)

// inTx runs fn in a READ COMMITTED transaction and commits when it returns
// nil. Errors from fn come back unchanged (update functions rely on that).
func (s *Store) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }() // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", wrapPg(err))
	}
	return nil
}

// querier is what reads need: the pool, or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// Foreign key violations mean a parent (pool, group, user) is missing.
const fkViolation = "23503"

// wrapPg maps a foreign key violation to store.ErrNotFound.
func wrapPg(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == fkViolation {
		return store.ErrNotFound
	}
	return err
}

func wrap(err error) error {
	if err == nil {
		return nil
	}
	if err = wrapPg(err); err == store.ErrNotFound {
		return err
	}
	return fmt.Errorf("postgres: %w", err)
}

// notFound maps pgx.ErrNoRows from a single-row read.
func notFound(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return store.ErrNotFound
	}
	return wrap(err)
}

// created maps the result of an INSERT ... ON CONFLICT DO NOTHING.
func created(tag pgconn.CommandTag, err error) error {
	if err != nil {
		return wrap(err)
	}
	if tag.RowsAffected() == 0 {
		return store.ErrAlreadyExists
	}
	return nil
}

// affected maps the result of an UPDATE or DELETE of one addressed row.
func affected(tag pgconn.CommandTag, err error) error {
	if err != nil {
		return wrap(err)
	}
	if tag.RowsAffected() == 0 {
		return store.ErrNotFound
	}
	return nil
}

// exists answers store.ErrNotFound unless query finds a row.
func exists(ctx context.Context, q querier, query string, args ...any) error {
	var one int
	return notFound(q.QueryRow(ctx, query, args...).Scan(&one))
}

// limit turns Page.Limit into a LIMIT argument: NULL is no limit.
func limit(p store.Page) any {
	if p.Limit <= 0 {
		return nil
	}
	return int64(p.Limit)
}

// utc normalises timestamps read from timestamptz columns, which pgx
// returns in the local time zone.
func utc(ts ...*time.Time) {
	for _, t := range ts {
		*t = t.UTC()
	}
}

// list runs a query returning rows of one kind.
func list[T any](ctx context.Context, q querier, scan func(pgx.Row) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, query, args...)
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
	scan func(pgx.Row) (T, error), query string, args ...any) ([]T, error) {
	out, err := list(ctx, q, scan, query, args...)
	if err != nil || len(out) > 0 {
		return out, err
	}
	if err := exists(ctx, q, parentSQL, parentArgs...); err != nil {
		return nil, err
	}
	return out, nil
}
