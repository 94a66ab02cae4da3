package userpool

import (
	"context"
	"errors"
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

// ListUsers lists a pool's users filtered by Cognito's filter language, in
// username-key order, or with a prefix filter (^=) in order of the filtered
// value, then username key. Cognito documents no order for ListUsers.
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
	sf := filter.storeFilter()
	after, err := decodeUsersToken(sf, in.PaginationToken)
	if err != nil {
		return nil, err
	}
	limit := pageLimit(in.Limit)
	recs, err := s.store.ListUsers(ctx, pool.ID, sf, store.Page{After: after, Limit: limit + 1})
	if errors.Is(err, store.ErrInvalid) && in.PaginationToken != nil {
		return nil, invalidToken(*in.PaginationToken)
	}
	if err != nil {
		return nil, err
	}
	users, next, err := s.usersPageBy(recs, limit, func(last store.UserRecord) string {
		return encodeUsersToken(sf, last)
	})
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

// usersPage turns up to limit+1 rows in username-key order into a page of
// users and the token of the next page ("" when there is none).
func (s *Service) usersPage(recs []store.UserRecord, limit int) ([]*User, string, error) {
	return s.usersPageBy(recs, limit, func(last store.UserRecord) string { return encodePageToken(last.Key) })
}

// usersPageBy is usersPage with the next page's token made by token from
// the page's last user.
func (s *Service) usersPageBy(recs []store.UserRecord, limit int, token func(last store.UserRecord) string) ([]*User, string, error) {
	next := ""
	if len(recs) > limit {
		recs = recs[:limit]
		next = token(recs[limit-1])
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
