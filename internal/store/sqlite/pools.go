package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	poolColumns = "id, name, data, created_at, updated_at"
	getPoolSQL  = "SELECT " + poolColumns + " FROM pools WHERE id = ?"
	listPoolSQL = "SELECT " + poolColumns + " FROM pools WHERE id > ? ORDER BY id LIMIT ?"
	poolExists  = "SELECT 1 FROM pools WHERE id = ?"
)

func scanPool(sc scanner) (store.PoolRecord, error) {
	var p store.PoolRecord
	var created, updated int64
	if err := sc.Scan(&p.ID, &p.Name, &p.Data, &created, &updated); err != nil {
		return p, err
	}
	p.CreatedAt, p.UpdatedAt = fromMicros(created), fromMicros(updated)
	return p, nil
}

func (s *Store) CreatePool(ctx context.Context, p store.PoolRecord) error {
	return created(s.w.ExecContext(ctx,
		"INSERT INTO pools ("+poolColumns+") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
		p.ID, p.Name, p.Data, micros(p.CreatedAt), micros(p.UpdatedAt)))
}

func (s *Store) GetPool(ctx context.Context, id string) (store.PoolRecord, error) {
	p, err := scanPool(s.r.QueryRowContext(ctx, getPoolSQL, id))
	if err != nil {
		return store.PoolRecord{}, notFound(err)
	}
	return p, nil
}

func (s *Store) ListPools(ctx context.Context, page store.Page) ([]store.PoolRecord, error) {
	return list(ctx, s.r, scanPool, listPoolSQL, page.After, limit(page))
}

func (s *Store) UpdatePool(ctx context.Context, id string, update func(store.PoolRecord) (store.PoolRecord, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanPool(tx.QueryRowContext(ctx, getPoolSQL, id))
		if err != nil {
			return notFound(err)
		}
		p, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.ExecContext(ctx,
			"UPDATE pools SET name = ?, data = ?, created_at = ?, updated_at = ? WHERE id = ?",
			p.Name, p.Data, micros(p.CreatedAt), micros(p.UpdatedAt), id))
	})
}

// DeletePool relies on ON DELETE CASCADE for clients, users (and with them
// claims, search rows and memberships) and groups.
func (s *Store) DeletePool(ctx context.Context, id string) error {
	return affected(s.w.ExecContext(ctx, "DELETE FROM pools WHERE id = ?", id))
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
