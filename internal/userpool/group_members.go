package userpool

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/store"
)

// memberRequest checks and resolves the pool, user and group of a
// membership request.
func (s *Service) memberRequest(ctx context.Context, ref UserRef, group *string) (*User, error) {
	var v Validation
	checkUserRef(&v, ref)
	checkString(&v, "groupName", group, true, ruleGroupName)
	if err := v.Err(); err != nil {
		return nil, err
	}
	pool, u, err := s.poolAndUser(ctx, ref)
	if err != nil {
		return nil, err
	}
	if _, err := s.group(ctx, pool.ID, *group); err != nil {
		return nil, err
	}
	return u, nil
}

// membershipError words a store error of a membership change: the user or
// the group went away meanwhile.
func (s *Service) membershipError(ctx context.Context, u *User, group string, err error) error {
	if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if _, gerr := s.group(ctx, u.PoolID, group); gerr != nil {
		return gerr
	}
	return errUserNotFound()
}

// AdminAddUserToGroup adds a user to a group; adding a member again is not
// an error.
func (s *Service) AdminAddUserToGroup(ctx context.Context, ref UserRef, group *string) error {
	u, err := s.memberRequest(ctx, ref, group)
	if err != nil {
		return err
	}
	if err := s.store.AddUserToGroup(ctx, u.PoolID, *group, u.Key); err != nil {
		return s.membershipError(ctx, u, *group, err)
	}
	return nil
}

// AdminRemoveUserFromGroup removes a user from a group; removing a
// non-member is not an error.
func (s *Service) AdminRemoveUserFromGroup(ctx context.Context, ref UserRef, group *string) error {
	u, err := s.memberRequest(ctx, ref, group)
	if err != nil {
		return err
	}
	if err := s.store.RemoveUserFromGroup(ctx, u.PoolID, *group, u.Key); err != nil {
		return s.membershipError(ctx, u, *group, err)
	}
	return nil
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
