package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	groupColumns = "pool_id, name, description, role_arn, precedence, created_at, updated_at"
	// gColumns are groupColumns of the groups table aliased g in a join.
	gColumns     = "g.pool_id, g.name, g.description, g.role_arn, g.precedence, g.created_at, g.updated_at"
	getGroupSQL  = "SELECT " + groupColumns + " FROM groups WHERE pool_id = ? AND name = ?"
	listGroupSQL = "SELECT " + groupColumns + " FROM groups WHERE pool_id = ? AND name > ? ORDER BY name LIMIT ?"
	groupExists  = "SELECT 1 FROM groups WHERE pool_id = ? AND name = ?"
)

func scanGroup(sc scanner) (store.GroupRecord, error) {
	var g store.GroupRecord
	var precedence sql.NullInt64
	var created, updated int64
	err := sc.Scan(&g.PoolID, &g.Name, &g.Description, &g.RoleArn, &precedence, &created, &updated)
	if err != nil {
		return g, err
	}
	if precedence.Valid {
		g.Precedence = &precedence.Int64
	}
	g.CreatedAt, g.UpdatedAt = fromMicros(created), fromMicros(updated)
	return g, nil
}

func nullable(p *int64) sql.NullInt64 {
	if p == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: *p, Valid: true}
}

func (s *Store) CreateGroup(ctx context.Context, g store.GroupRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, poolExists, g.PoolID); err != nil {
			return err
		}
		return created(tx.ExecContext(ctx,
			"INSERT INTO groups ("+groupColumns+") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			g.PoolID, g.Name, g.Description, g.RoleArn, nullable(g.Precedence), micros(g.CreatedAt), micros(g.UpdatedAt)))
	})
}

func (s *Store) GetGroup(ctx context.Context, poolID, name string) (store.GroupRecord, error) {
	g, err := scanGroup(s.r.QueryRowContext(ctx, getGroupSQL, poolID, name))
	if err != nil {
		return store.GroupRecord{}, notFound(err)
	}
	return g, nil
}

func (s *Store) ListGroups(ctx context.Context, poolID string, page store.Page) ([]store.GroupRecord, error) {
	return listIn(ctx, s.r, poolExists, []any{poolID}, scanGroup, listGroupSQL, poolID, page.After, limit(page))
}

// UpdateGroup keeps the group's PoolID and Name whatever update returns.
func (s *Store) UpdateGroup(ctx context.Context, poolID, name string, update func(store.GroupRecord) (store.GroupRecord, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanGroup(tx.QueryRowContext(ctx, getGroupSQL, poolID, name))
		if err != nil {
			return notFound(err)
		}
		g, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.ExecContext(ctx, `UPDATE groups SET description = ?, role_arn = ?, precedence = ?,
			created_at = ?, updated_at = ? WHERE pool_id = ? AND name = ?`,
			g.Description, g.RoleArn, nullable(g.Precedence), micros(g.CreatedAt), micros(g.UpdatedAt), poolID, name))
	})
}

// DeleteGroup relies on ON DELETE CASCADE for the group's memberships.
func (s *Store) DeleteGroup(ctx context.Context, poolID, name string) error {
	return affected(s.w.ExecContext(ctx, "DELETE FROM groups WHERE pool_id = ? AND name = ?", poolID, name))
}
