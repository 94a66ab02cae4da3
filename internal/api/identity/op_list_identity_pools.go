package identity

import "context"

type listIdentityPoolsInput struct {
	MaxResults *int64  `json:"MaxResults"`
	NextToken  *string `json:"NextToken"`
}

type identityPoolShortDescription struct {
	IdentityPoolId   string `json:"IdentityPoolId"`
	IdentityPoolName string `json:"IdentityPoolName"`
}

type listIdentityPoolsOutput struct {
	IdentityPools []identityPoolShortDescription `json:"IdentityPools"`
	NextToken     *string                        `json:"NextToken,omitempty"`
}

func (a *API) listIdentityPools(ctx context.Context, in *listIdentityPoolsInput) (*listIdentityPoolsOutput, error) {
	pools, next, err := a.pools.ListPools(ctx, in.MaxResults, in.NextToken)
	if err != nil {
		return nil, err
	}
	out := &listIdentityPoolsOutput{IdentityPools: []identityPoolShortDescription{}, NextToken: optional(next)}
	for _, p := range pools {
		out.IdentityPools = append(out.IdentityPools, identityPoolShortDescription{IdentityPoolId: p.ID, IdentityPoolName: p.Name})
	}
	return out, nil
}
