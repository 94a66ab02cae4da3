package identitypool

import (
	"context"
	"errors"
	"fmt"

	"github.com/incognito-idp/incognito/internal/store"
)

// DescribeIdentity returns an identity's logins and dates.
func (s *Service) DescribeIdentity(ctx context.Context, id *string) (*Identity, error) {
	var v validation
	v.identityID("identityId", id)
	if err := v.err(); err != nil {
		return nil, err
	}
	rec, err := s.loadIdentity(ctx, *id)
	if err != nil {
		return nil, err
	}
	return identityFromRecord(rec), nil
}

// ListIdentitiesInput is ListIdentities' request.
type ListIdentitiesInput struct {
	PoolID       *string
	MaxResults   *int64
	NextToken    *string
	HideDisabled bool
}

// ListIdentities lists a pool's identities in ID order; the next token is
// the last ID returned.
func (s *Service) ListIdentities(ctx context.Context, in ListIdentitiesInput) ([]*Identity, string, error) {
	var v validation
	v.poolID("identityPoolId", in.PoolID)
	if v.required("maxResults", in.MaxResults != nil) {
		v.number("maxResults", in.MaxResults, 1, maxQueryLimit)
	}
	v.optStr("nextToken", in.NextToken, 1, 65535, patPaginationKey, rePaginationText)
	if err := v.err(); err != nil {
		return nil, "", err
	}
	if _, err := s.loadPool(ctx, *in.PoolID); err != nil {
		return nil, "", err
	}
	limit := int(*in.MaxResults)
	after := deref(in.NextToken)
	var out []*Identity
	for len(out) <= limit {
		page, err := s.store.ListIdentities(ctx, *in.PoolID, store.Page{After: after, Limit: limit + 1})
		if errors.Is(err, store.ErrNotFound) {
			return nil, "", errPoolNotFound(*in.PoolID)
		}
		if err != nil {
			return nil, "", err
		}
		for _, r := range page {
			i := identityFromRecord(r)
			if !(in.HideDisabled && i.Disabled) {
				out = append(out, i)
			}
		}
		if len(page) < limit+1 {
			break
		}
		after = page[len(page)-1].ID
	}
	if len(out) > limit {
		return out[:limit], out[limit-1].ID, nil
	}
	return out, "", nil
}

// Unprocessed is an identity DeleteIdentities could not delete.
type Unprocessed struct {
	IdentityID string
	ErrorCode  string // AccessDenied | InternalServerError
}

// DeleteIdentities deletes up to 60 identities. Unknown ones are already
// gone and count as deleted; a failure to delete is reported per identity.
func (s *Service) DeleteIdentities(ctx context.Context, ids []string) ([]Unprocessed, error) {
	var v validation
	if v.required("identityIdsToDelete", ids != nil) {
		v.count("identityIdsToDelete", len(ids), 1, maxQueryLimit, fmt.Sprint(ids))
		for i, id := range ids {
			v.str(fmt.Sprintf("identityIdsToDelete.%d.member", i+1), id, 1, 55, patPoolID, reIDText)
		}
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	out := []Unprocessed{}
	for _, id := range ids {
		err := s.store.DeleteIdentity(ctx, id)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			s.log.Error("deleting identity", "identity", id, "err", err)
			out = append(out, Unprocessed{IdentityID: id, ErrorCode: "InternalServerError"})
		}
	}
	return out, nil
}
