package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	// groupsForUserSQL walks group_members_by_user in group-name order; CROSS
	// JOIN keeps the membership table as the outer loop, in both queries.
	groupsForUserSQL = "SELECT " + gColumns + ` FROM group_members AS m
		CROSS JOIN groups AS g ON g.pool_id = m.pool_id AND g.name = m.group_name
		WHERE m.pool_id = ? AND m.user_key = ? AND m.group_name > ?
		ORDER BY m.group_name LIMIT ?`
	// usersInGroupSQL walks the group_members primary key in user-key order.
	usersInGroupSQL = "SELECT " + uColumns + ` FROM group_members AS m
		CROSS JOIN users AS u ON u.pool_id = m.pool_id AND u.user_key = m.user_key
		WHERE m.pool_id = ? AND m.group_name = ? AND m.user_key > ?
		ORDER BY m.user_key LIMIT ?`
)

func (s *Store) AddUserToGroup(ctx context.Context, poolID, group, userKey string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, groupExists, poolID, group); err != nil {
			return err
		}
		if err := exists(ctx, tx, userExists, poolID, userKey); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx,
			"INSERT INTO group_members (pool_id, group_name, user_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
			poolID, group, userKey)
		return wrapNil(err)
	})
}

// RemoveUserFromGroup answers nil when the user was not in the group, and
// store.ErrNotFound when the group or the user does not exist.
func (s *Store) RemoveUserFromGroup(ctx context.Context, poolID, group, userKey string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			"DELETE FROM group_members WHERE pool_id = ? AND group_name = ? AND user_key = ?",
			poolID, group, userKey)
		if err := affected(res, err); err != store.ErrNotFound {
			return err
		}
		if err := exists(ctx, tx, groupExists, poolID, group); err != nil {
			return err
		}
		return exists(ctx, tx, userExists, poolID, userKey)
	})
}

func (s *Store) ListGroupsForUser(ctx context.Context, poolID, userKey string, page store.Page) ([]store.GroupRecord, error) {
	return listIn(ctx, s.r, userExists, []any{poolID, userKey},
		scanGroup, groupsForUserSQL, poolID, userKey, page.After, limit(page))
}

func (s *Store) ListUsersInGroup(ctx context.Context, poolID, group string, page store.Page) ([]store.UserRecord, error) {
	return listIn(ctx, s.r, groupExists, []any{poolID, group},
		scanUser, usersInGroupSQL, poolID, group, page.After, limit(page))
}
