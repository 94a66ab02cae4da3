package userpool

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/store"
)

// changeMembership checks and resolves the pool, user and group of a
// membership request, then applies change (the store's add or remove). A
// user or group that went away meanwhile is reported as missing.
func (s *Service) changeMembership(ctx context.Context, ref UserRef, group *string,
	change func(ctx context.Context, poolID, group, userKey string) error) error {
	var v Validation
	checkUserRef(&v, ref)
	checkString(&v, "groupName", group, true, ruleGroupName)
	if err := v.Err(); err != nil {
		return err
	}
	pool, u, err := s.poolAndUser(ctx, ref)
	if err != nil {
		return err
	}
	if _, err := s.group(ctx, pool.ID, *group); err != nil {
		return err
	}
	err = change(ctx, u.PoolID, *group, u.Key)
	if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if _, gerr := s.group(ctx, u.PoolID, *group); gerr != nil {
		return gerr
	}
	return errUserNotFound()
}

// AdminAddUserToGroup adds a user to a group; adding a member again is not
// an error.
func (s *Service) AdminAddUserToGroup(ctx context.Context, ref UserRef, group *string) error {
	return s.changeMembership(ctx, ref, group, s.store.AddUserToGroup)
}

// AdminRemoveUserFromGroup removes a user from a group; removing a
// non-member is not an error.
func (s *Service) AdminRemoveUserFromGroup(ctx context.Context, ref UserRef, group *string) error {
	return s.changeMembership(ctx, ref, group, s.store.RemoveUserFromGroup)
}

// AdminListGroupsForUser lists a user's groups by name.
func (s *Service) AdminListGroupsForUser(ctx context.Context, ref UserRef, limit *int64, nextToken *string) ([]*Group, string, error) {
	var v Validation
	checkUserRef(&v, ref)
	checkInt(&v, "limit", limit, 0, maxListLimit)
	checkString(&v, "nextToken", nextToken, false, rulePageKey)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	_, u, err := s.poolAndUser(ctx, ref)
	if err != nil {
		return nil, "", err
	}
	after, err := decodePageToken(nextToken)
	if err != nil {
		return nil, "", err
	}
	n := pageLimit(limit)
	recs, err := s.store.ListGroupsForUser(ctx, u.PoolID, u.Key, store.Page{After: after, Limit: n + 1})
	if errors.Is(err, store.ErrNotFound) {
		return nil, "", errUserNotFound()
	}
	if err != nil {
		return nil, "", err
	}
	groups, next := groupsPage(recs, n)
	return groups, next, nil
}

// ListUsersInGroup lists a group's members in username-key order.
func (s *Service) ListUsersInGroup(ctx context.Context, ref GroupRef, limit *int64, nextToken *string) ([]*User, string, error) {
	var v Validation
	checkString(&v, "userPoolId", ref.PoolID, true, rulePoolID)
	checkString(&v, "groupName", ref.GroupName, true, ruleGroupName)
	checkInt(&v, "limit", limit, 0, maxListLimit)
	checkString(&v, "nextToken", nextToken, false, rulePageKey)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	pool, err := s.loadPool(ctx, *ref.PoolID)
	if err != nil {
		return nil, "", err
	}
	after, err := decodePageToken(nextToken)
	if err != nil {
		return nil, "", err
	}
	n := pageLimit(limit)
	recs, err := s.store.ListUsersInGroup(ctx, pool.ID, *ref.GroupName, store.Page{After: after, Limit: n + 1})
	if errors.Is(err, store.ErrNotFound) {
		return nil, "", errGroupNotFound()
	}
	if err != nil {
		return nil, "", err
	}
	return s.usersPage(recs, n)
}
