package userpool

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"

	"github.com/incognito-idp/incognito/internal/store"
)

// GroupInput is CreateGroup's and UpdateGroup's request. On update, only
// the members given change.
type GroupInput struct {
	PoolID      *string
	GroupName   *string
	Description *string
	RoleArn     *string
	Precedence  *int64
}

// GroupRef names a group: the pool and the group name.
type GroupRef struct {
	PoolID    *string
	GroupName *string
}

func errGroupNotFound() error { return Errorf(ResourceNotFound, "Group not found.") }

func (in GroupInput) check() error {
	var v Validation
	checkString(&v, "groupName", in.GroupName, true, ruleGroupName)
	checkString(&v, "userPoolId", in.PoolID, true, rulePoolID)
	checkString(&v, "description", in.Description, false, ruleDesc)
	checkString(&v, "roleArn", in.RoleArn, false, ruleRoleArn)
	checkInt(&v, "precedence", in.Precedence, 0, math.MaxInt32)
	return v.Err()
}

func (r GroupRef) check(v *Validation) {
	checkString(v, "groupName", r.GroupName, true, ruleGroupName)
	checkString(v, "userPoolId", r.PoolID, true, rulePoolID)
}

// CreateGroup creates a group; an existing name is GroupExistsException.
func (s *Service) CreateGroup(ctx context.Context, in GroupInput) (*Group, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	g := store.GroupRecord{
		PoolID: pool.ID, Name: *in.GroupName, Description: str(in.Description),
		RoleArn: str(in.RoleArn), Precedence: in.Precedence, CreatedAt: now, UpdatedAt: now,
	}
	err = s.store.CreateGroup(ctx, g)
	switch {
	case errors.Is(err, store.ErrAlreadyExists):
		return nil, Errorf(GroupExists, "A group with the name %s already exists.", g.Name)
	case errors.Is(err, store.ErrNotFound):
		return nil, Errorf(ResourceNotFound, "User pool %s does not exist.", pool.ID)
	case err != nil:
		return nil, err
	}
	return groupFromRecord(g), nil
}

// GetGroup returns a group.
func (s *Service) GetGroup(ctx context.Context, ref GroupRef) (*Group, error) {
	var v Validation
	ref.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	pool, err := s.loadPool(ctx, *ref.PoolID)
	if err != nil {
		return nil, err
	}
	return s.group(ctx, pool.ID, *ref.GroupName)
}

func (s *Service) group(ctx context.Context, poolID, name string) (*Group, error) {
	g, err := s.store.GetGroup(ctx, poolID, name)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errGroupNotFound()
	}
	if err != nil {
		return nil, err
	}
	return groupFromRecord(g), nil
}

// UpdateGroup changes the description, role and precedence given.
func (s *Service) UpdateGroup(ctx context.Context, in GroupInput) (*Group, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return nil, err
	}
	var out store.GroupRecord
	err = s.store.UpdateGroup(ctx, pool.ID, *in.GroupName, func(g store.GroupRecord) (store.GroupRecord, error) {
		if in.Description != nil {
			g.Description = *in.Description
		}
		if in.RoleArn != nil {
			g.RoleArn = *in.RoleArn
		}
		if in.Precedence != nil {
			g.Precedence = in.Precedence
		}
		g.UpdatedAt = s.now()
		out = g
		return g, nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil, errGroupNotFound()
	}
	if err != nil {
		return nil, err
	}
	return groupFromRecord(out), nil
}

// DeleteGroup deletes a group and its memberships.
func (s *Service) DeleteGroup(ctx context.Context, ref GroupRef) error {
	var v Validation
	ref.check(&v)
	if err := v.Err(); err != nil {
		return err
	}
	pool, err := s.loadPool(ctx, *ref.PoolID)
	if err != nil {
		return err
	}
	err = s.store.DeleteGroup(ctx, pool.ID, *ref.GroupName)
	if errors.Is(err, store.ErrNotFound) {
		return errGroupNotFound()
	}
	return err
}

// ListGroups lists a pool's groups by name; next is "" on the last page.
func (s *Service) ListGroups(ctx context.Context, poolID *string, limit *int64, nextToken *string) (groups []*Group, next string, err error) {
	var v Validation
	checkString(&v, "userPoolId", poolID, true, rulePoolID)
	checkInt(&v, "limit", limit, 0, maxListLimit)
	checkString(&v, "nextToken", nextToken, false, rulePageKey)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	pool, err := s.loadPool(ctx, *poolID)
	if err != nil {
		return nil, "", err
	}
	after, err := decodePageToken(nextToken)
	if err != nil {
		return nil, "", err
	}
	n := pageLimit(limit)
	recs, err := s.store.ListGroups(ctx, pool.ID, store.Page{After: after, Limit: n + 1})
	if err != nil {
		return nil, "", err
	}
	groups, next = groupsPage(recs, n)
	return groups, next, nil
}

// GroupsForUser lists every group of a user (by store key), ordered as the
// token claims want them: by Precedence, groups without one last, then by
// name.
func (s *Service) GroupsForUser(ctx context.Context, poolID, userKey string) ([]Group, error) {
	var out []Group
	after := ""
	for {
		recs, err := s.store.ListGroupsForUser(ctx, poolID, userKey, store.Page{After: after, Limit: 1000})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			out = append(out, *groupFromRecord(r))
		}
		if len(recs) < 1000 {
			break
		}
		after = recs[len(recs)-1].Name
	}
	slices.SortStableFunc(out, func(a, b Group) int {
		switch {
		case a.Precedence == nil && b.Precedence != nil:
			return 1
		case a.Precedence != nil && b.Precedence == nil:
			return -1
		case a.Precedence != nil && *a.Precedence != *b.Precedence:
			return cmp.Compare(*a.Precedence, *b.Precedence)
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out, nil
}

func groupFromRecord(g store.GroupRecord) *Group {
	return &Group{PoolID: g.PoolID, Name: g.Name, Description: g.Description, RoleArn: g.RoleArn,
		Precedence: g.Precedence, CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt}
}

// groupsPage turns up to n+1 rows into a page and the next page's token.
func groupsPage(recs []store.GroupRecord, n int) ([]*Group, string) {
	next := ""
	if len(recs) > n {
		recs = recs[:n]
		next = encodePageToken(recs[n-1].Name)
	}
	out := make([]*Group, 0, len(recs))
	for _, r := range recs {
		out = append(out, groupFromRecord(r))
	}
	return out, next
}
