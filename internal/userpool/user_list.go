package userpool

import (
	"context"
	"strconv"

	"github.com/incognito-idp/incognito/internal/store"
)

// maxListLimit is the page size of ListUsers, ListGroups, ListUsersInGroup
// and AdminListGroupsForUser when Limit is 0 or omitted, and their maximum.
const maxListLimit = 60

// ListUsersInput is ListUsers' request.
type ListUsersInput struct {
	PoolID *string
	// AttributesToGet limits the attributes returned; nil returns all, an
	// empty list none.
	AttributesToGet []string
	Filter          *string
	Limit           *int64
	PaginationToken *string
}

// ListUsersOutput is a page of users; PaginationToken is "" on the last.
type ListUsersOutput struct {
	Users           []*User
	PaginationToken string
}

// ListUsers lists a pool's users in username-key order, filtered by
// Cognito's filter language.
func (s *Service) ListUsers(ctx context.Context, in ListUsersInput) (*ListUsersOutput, error) {
	var v Validation
	checkString(&v, "userPoolId", in.PoolID, true, rulePoolID)
	for i, name := range in.AttributesToGet {
		checkStringValue(&v, "attributesToGet."+strconv.Itoa(i+1)+".member", name, ruleAttrName)
	}
	checkInt(&v, "limit", in.Limit, 0, maxListLimit)
	checkString(&v, "paginationToken", in.PaginationToken, false, ruleToken)
	checkString(&v, "filter", in.Filter, false, ruleFilter)
	if err := v.Err(); err != nil {
		return nil, err
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return nil, err
	}
	filter, err := ParseFilter(str(in.Filter))
	if err != nil {
		return nil, err
	}
	for _, name := range in.AttributesToGet {
		if _, ok := userSchema(pool, name); !ok {
			return nil, Invalid("One or more requested attributes do not exist.")
		}
	}
	after, err := decodePageToken(in.PaginationToken)
	if err != nil {
		return nil, err
	}
	limit := pageLimit(in.Limit)
	recs, err := s.store.ListUsers(ctx, pool.ID, filter.storeFilter(), store.Page{After: after, Limit: limit + 1})
	if err != nil {
		return nil, err
	}
	users, next, err := s.usersPage(recs, limit)
	if err != nil {
		return nil, err
	}
	if in.AttributesToGet != nil {
		for _, u := range users {
			u.Attributes = selectAttributes(u.Attributes, in.AttributesToGet)
		}
	}
	return &ListUsersOutput{Users: users, PaginationToken: next}, nil
}

// pageLimit is the page size a request's Limit asks for.
func pageLimit(limit *int64) int {
	if limit == nil || *limit <= 0 || *limit > maxListLimit {
		return maxListLimit
	}
	return int(*limit)
}

// usersPage turns up to limit+1 rows into a page of users and the token of
// the next page ("" when there is none).
func (s *Service) usersPage(recs []store.UserRecord, limit int) ([]*User, string, error) {
	next := ""
	if len(recs) > limit {
		recs = recs[:limit]
		next = encodePageToken(recs[limit-1].Key)
	}
	users := make([]*User, 0, len(recs))
	for _, rec := range recs {
		u, err := s.fromRecord(rec)
		if err != nil {
			return nil, "", err
		}
		users = append(users, u)
	}
	return users, next, nil
}

func selectAttributes(attrs map[string]string, names []string) map[string]string {
	out := make(map[string]string, len(names))
	for _, n := range names {
		if v, ok := attrs[n]; ok {
			out[n] = v
		}
	}
	return out
}
