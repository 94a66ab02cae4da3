package identity

import "context"

type deleteIdentitiesInput struct {
	IdentityIdsToDelete []string `json:"IdentityIdsToDelete"`
}

type unprocessedIdentityID struct {
	IdentityId string `json:"IdentityId"`
	ErrorCode  string `json:"ErrorCode"`
}

type deleteIdentitiesOutput struct {
	UnprocessedIdentityIds []unprocessedIdentityID `json:"UnprocessedIdentityIds"`
}

func (a *API) deleteIdentities(ctx context.Context, in *deleteIdentitiesInput) (*deleteIdentitiesOutput, error) {
	failed, err := a.pools.DeleteIdentities(ctx, in.IdentityIdsToDelete)
	if err != nil {
		return nil, err
	}
	out := &deleteIdentitiesOutput{UnprocessedIdentityIds: []unprocessedIdentityID{}}
	for _, f := range failed {
		out.UnprocessedIdentityIds = append(out.UnprocessedIdentityIds, unprocessedIdentityID{IdentityId: f.IdentityID, ErrorCode: f.ErrorCode})
	}
	return out, nil
}
