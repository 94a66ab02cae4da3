package identitypool

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
)

// LookupInput is LookupDeveloperIdentity's request.
type LookupInput struct {
	PoolID        *string
	IdentityID    *string
	DeveloperUser *string
	MaxResults    *int64
	NextToken     *string
}

// LookupResult is what LookupDeveloperIdentity answers.
type LookupResult struct {
	IdentityID     string
	DeveloperUsers []string
	NextToken      string
}

// LookupDeveloper is LookupDeveloperIdentity: the identity of a developer
// user, or the developer users of an identity, or both checked together.
func (s *Service) LookupDeveloper(ctx context.Context, in LookupInput) (*LookupResult, error) {
	var v validation
	v.poolID("identityPoolId", in.PoolID)
	if in.IdentityID != nil {
		v.identityID("identityId", in.IdentityID)
	}
	v.optStr("developerUserIdentifier", in.DeveloperUser, 1, 1024, nil, "")
	v.number("maxResults", in.MaxResults, 1, maxQueryLimit)
	v.optStr("nextToken", in.NextToken, 1, 65535, patPaginationKey, rePaginationText)
	if err := v.err(); err != nil {
		return nil, err
	}
	if in.IdentityID == nil && in.DeveloperUser == nil {
		return nil, Errorf(InvalidParameter, "Either IdentityId or DeveloperUserIdentifier must be provided.")
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return nil, err
	}
	var rec store.IdentityRecord
	if in.DeveloperUser != nil {
		rec, err = s.store.GetIdentityByKey(ctx, pool.ID, developerKey(pool.DeveloperProviderName, *in.DeveloperUser))
		if errors.Is(err, store.ErrNotFound) || pool.DeveloperProviderName == "" {
			return nil, Errorf(ResourceNotFound, "Developer user %s not found.", *in.DeveloperUser)
		}
		if err != nil {
			return nil, err
		}
		if in.IdentityID != nil && *in.IdentityID != rec.ID {
			return nil, Errorf(ResourceConflict, "Developer user %s is not linked to identity %s.", *in.DeveloperUser, *in.IdentityID)
		}
	} else {
		rec, err = s.loadIdentity(ctx, *in.IdentityID)
		if err != nil {
			return nil, err
		}
		if rec.PoolID != pool.ID {
			return nil, errIdentityNotFound(*in.IdentityID)
		}
	}
	prefix := developerKey(pool.DeveloperProviderName, "")
	var users []string
	for _, k := range rec.Keys {
		if u, ok := strings.CutPrefix(k, prefix); ok && pool.DeveloperProviderName != "" {
			users = append(users, u)
		}
	}
	slices.Sort(users)
	start := 0
	if in.NextToken != nil {
		n, err := strconv.Atoi(*in.NextToken)
		if err != nil || n < 0 || n > len(users) {
			return nil, Errorf(InvalidParameter, "Invalid NextToken.")
		}
		start = n
	}
	limit := maxQueryLimit
	if in.MaxResults != nil {
		limit = int(*in.MaxResults)
	}
	out := &LookupResult{IdentityID: rec.ID}
	end := min(start+limit, len(users))
	out.DeveloperUsers = users[start:end]
	if end < len(users) {
		out.NextToken = strconv.Itoa(end)
	}
	return out, nil
}
