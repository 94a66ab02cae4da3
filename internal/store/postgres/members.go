package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	// groupsForUserSQL walks group_members_by_user in group-name order.
	groupsForUserSQL = "SELECT " + gColumns + ` FROM group_members AS m
		JOIN groups AS g ON g.pool_id = m.pool_id AND g.name = m.group_name
		WHERE m.pool_id = $1 AND m.user_key = $2 AND m.group_name > $3
		ORDER BY m.group_name LIMIT $4`
	// usersInGroupSQL walks the group_members primary key in user-key order.
	usersInGroupSQL = "SELECT " + uColumns + ` FROM group_members AS m
		JOIN users AS u ON u.pool_id = m.pool_id AND u.user_key = m.user_key
		WHERE m.pool_id = $1 AND m.group_name = $2 AND m.user_key > $3
		ORDER BY m.user_key LIMIT $4`
)

// AddUserToGroup answers store.ErrNotFound for a missing group or user
// through the foreign keys, in one statement.
func (s *Store) AddUserToGroup(ctx context.Context, poolID, group, userKey string) error {
	_, err := s.pool.Exec(ctx,
		"INSERT INTO group_members (pool_id, group_name, user_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
		poolID, group, userKey)
	return wrap(err)
}

// RemoveUserFromGroup answers nil when the user was not in the group, and
// store.ErrNotFound when the group or the user does not exist.
func (s *Store) RemoveUserFromGroup(ctx context.Context, poolID, group, userKey string) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		err := affected(tx.Exec(ctx,
			"DELETE FROM group_members WHERE pool_id = $1 AND group_name = $2 AND user_key = $3",
			poolID, group, userKey))
		if err != store.ErrNotFound {
			return err
		}
		if err := exists(ctx, tx, groupExists, poolID, group); err != nil {
			return err
		}
		return exists(ctx, tx, userExists, poolID, userKey)
	})
}

func (s *Store) ListGroupsForUser(ctx context.Context, poolID, userKey string, page store.Page) ([]store.GroupRecord, error) {
	return listIn(ctx, s.pool, userExists, []any{poolID, userKey},
		scanGroup, groupsForUserSQL, poolID, userKey, page.After, limit(page))
}

func (s *Store) ListUsersInGroup(ctx context.Context, poolID, group string, page store.Page) ([]store.UserRecord, error) {
	return listIn(ctx, s.pool, groupExists, []any{poolID, group},
		scanUser, usersInGroupSQL, poolID, group, page.After, limit(page))
}
