package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

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
		get:    "SELECT " + columns + " FROM " + table + " WHERE id = $1",
		list:   "SELECT " + columns + " FROM " + table + " WHERE id > $1 ORDER BY id LIMIT $2",
		insert: "INSERT INTO " + table + " (" + columns + ") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
		update: "UPDATE " + table + " SET name = $2, data = $3, created_at = $4, updated_at = $5 WHERE id = $1",
		delete: "DELETE FROM " + table + " WHERE id = $1",
	}
}

func scanNamed[T namedRecord](row pgx.Row) (T, error) {
	var p store.PoolRecord
	err := row.Scan(&p.ID, &p.Name, &p.Data, &p.CreatedAt, &p.UpdatedAt)
	utc(&p.CreatedAt, &p.UpdatedAt)
	return T(p), err
}

func createNamed[T namedRecord](ctx context.Context, s *Store, q namedSQL, r T) error {
	p := store.PoolRecord(r)
	return created(s.pool.Exec(ctx, q.insert, p.ID, p.Name, p.Data, p.CreatedAt, p.UpdatedAt))
}

func getNamed[T namedRecord](ctx context.Context, s *Store, q namedSQL, id string) (T, error) {
	r, err := scanNamed[T](s.pool.QueryRow(ctx, q.get, id))
	if err != nil {
		var zero T
		return zero, notFound(err)
	}
	return r, nil
}

func listNamed[T namedRecord](ctx context.Context, s *Store, q namedSQL, page store.Page) ([]T, error) {
	return list(ctx, s.pool, scanNamed[T], q.list, page.After, limit(page))
}

// updateNamed keeps the record's ID whatever update returns.
func updateNamed[T namedRecord](ctx context.Context, s *Store, q namedSQL, id string, update func(T) (T, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanNamed[T](tx.QueryRow(ctx, q.get+" FOR UPDATE", id))
		if err != nil {
			return notFound(err)
		}
		r, err := update(old)
		if err != nil {
			return err
		}
		p := store.PoolRecord(r)
		return affected(tx.Exec(ctx, q.update, id, p.Name, p.Data, p.CreatedAt, p.UpdatedAt))
	})
}

func deleteNamed(ctx context.Context, s *Store, q namedSQL, id string) error {
	return affected(s.pool.Exec(ctx, q.delete, id))
}
