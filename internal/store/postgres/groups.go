package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	groupColumns = "pool_id, name, description, role_arn, precedence, created_at, updated_at"
	// gColumns are groupColumns of the groups table aliased g in a join.
	gColumns     = "g.pool_id, g.name, g.description, g.role_arn, g.precedence, g.created_at, g.updated_at"
	getGroupSQL  = "SELECT " + groupColumns + " FROM groups WHERE pool_id = $1 AND name = $2"
	listGroupSQL = "SELECT " + groupColumns + " FROM groups WHERE pool_id = $1 AND name > $2 ORDER BY name LIMIT $3"
	groupExists  = "SELECT 1 FROM groups WHERE pool_id = $1 AND name = $2"
)

func scanGroup(row pgx.Row) (store.GroupRecord, error) {
	var g store.GroupRecord
	err := row.Scan(&g.PoolID, &g.Name, &g.Description, &g.RoleArn, &g.Precedence, &g.CreatedAt, &g.UpdatedAt)
	utc(&g.CreatedAt, &g.UpdatedAt)
	return g, err
}

// CreateGroup answers store.ErrNotFound for a missing pool through the
// foreign key, in one statement.
func (s *Store) CreateGroup(ctx context.Context, g store.GroupRecord) error {
	return created(s.pool.Exec(ctx,
		"INSERT INTO groups ("+groupColumns+") VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
		g.PoolID, g.Name, g.Description, g.RoleArn, g.Precedence, g.CreatedAt, g.UpdatedAt))
}

func (s *Store) GetGroup(ctx context.Context, poolID, name string) (store.GroupRecord, error) {
	g, err := scanGroup(s.pool.QueryRow(ctx, getGroupSQL, poolID, name))
	if err != nil {
		return store.GroupRecord{}, notFound(err)
	}
	return g, nil
}

func (s *Store) ListGroups(ctx context.Context, poolID string, page store.Page) ([]store.GroupRecord, error) {
	return listIn(ctx, s.pool, poolExists, []any{poolID}, scanGroup, listGroupSQL, poolID, page.After, limit(page))
}

// UpdateGroup keeps the group's PoolID and Name whatever update returns.
func (s *Store) UpdateGroup(ctx context.Context, poolID, name string, update func(store.GroupRecord) (store.GroupRecord, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanGroup(tx.QueryRow(ctx, getGroupSQL+" FOR UPDATE", poolID, name))
		if err != nil {
			return notFound(err)
		}
		g, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.Exec(ctx, `UPDATE groups SET description = $3, role_arn = $4, precedence = $5,
			created_at = $6, updated_at = $7 WHERE pool_id = $1 AND name = $2`,
			poolID, name, g.Description, g.RoleArn, g.Precedence, g.CreatedAt, g.UpdatedAt))
	})
}

// DeleteGroup relies on ON DELETE CASCADE for the group's memberships.
func (s *Store) DeleteGroup(ctx context.Context, poolID, name string) error {
	return affected(s.pool.Exec(ctx, "DELETE FROM groups WHERE pool_id = $1 AND name = $2", poolID, name))
}
