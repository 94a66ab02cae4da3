package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
)

// namedRecord is a top-level record kept whole in one row of id, name, an
// opaque data blob and two timestamps: user pools and identity pools. The two
// record types share one shape, so each converts to store.PoolRecord and back
// and one set of functions serves both tables.
type namedRecord interface {
	store.PoolRecord | store.IdentityPoolRecord
}

// namedSQL is the SQL for one table of named records.
type namedSQL struct {
	get, list, insert, update, delete string
}

func namedTable(table string) namedSQL {
	const columns = "id, name, data, created_at, updated_at"
	return namedSQL{
		get:    "SELECT " + columns + " FROM " + table + " WHERE id = ?",
		list:   "SELECT " + columns + " FROM " + table + " WHERE id > ? ORDER BY id LIMIT ?",
		insert: "INSERT INTO " + table + " (" + columns + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
		update: "UPDATE " + table + " SET name = ?, data = ?, created_at = ?, updated_at = ? WHERE id = ?",
		delete: "DELETE FROM " + table + " WHERE id = ?",
	}
}

func scanNamed[T namedRecord](sc scanner) (T, error) {
	var p store.PoolRecord
	var created, updated int64
	if err := sc.Scan(&p.ID, &p.Name, &p.Data, &created, &updated); err != nil {
		return T(p), err
	}
	p.CreatedAt, p.UpdatedAt = fromMicros(created), fromMicros(updated)
	return T(p), nil
}

func createNamed[T namedRecord](ctx context.Context, s *Store, q namedSQL, r T) error {
	p := store.PoolRecord(r)
	return created(s.w.ExecContext(ctx, q.insert,
		p.ID, p.Name, p.Data, micros(p.CreatedAt), micros(p.UpdatedAt)))
}

func getNamed[T namedRecord](ctx context.Context, s *Store, q namedSQL, id string) (T, error) {
	r, err := scanNamed[T](s.r.QueryRowContext(ctx, q.get, id))
	if err != nil {
		var zero T
		return zero, notFound(err)
	}
	return r, nil
}

func listNamed[T namedRecord](ctx context.Context, s *Store, q namedSQL, page store.Page) ([]T, error) {
	return list(ctx, s.r, scanNamed[T], q.list, page.After, limit(page))
}

// updateNamed keeps the record's ID whatever update returns.
func updateNamed[T namedRecord](ctx context.Context, s *Store, q namedSQL, id string, update func(T) (T, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanNamed[T](tx.QueryRowContext(ctx, q.get, id))
		if err != nil {
			return notFound(err)
		}
		r, err := update(old)
		if err != nil {
			return err
		}
		p := store.PoolRecord(r)
		return affected(tx.ExecContext(ctx, q.update,
			p.Name, p.Data, micros(p.CreatedAt), micros(p.UpdatedAt), id))
	})
}

func deleteNamed(ctx context.Context, s *Store, q namedSQL, id string) error {
	return affected(s.w.ExecContext(ctx, q.delete, id))
}
