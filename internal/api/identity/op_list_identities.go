package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

type listIdentitiesInput struct {
	IdentityPoolId *string `json:"IdentityPoolId"`
	MaxResults     *int64  `json:"MaxResults"`
	NextToken      *string `json:"NextToken"`
	HideDisabled   bool    `json:"HideDisabled"`
}

type listIdentitiesOutput struct {
	IdentityPoolId string                `json:"IdentityPoolId"`
	Identities     []identityDescription `json:"Identities"`
	NextToken      *string               `json:"NextToken,omitempty"`
}

func (a *API) listIdentities(ctx context.Context, in *listIdentitiesInput) (*listIdentitiesOutput, error) {
	ids, next, err := a.pools.ListIdentities(ctx, identitypool.ListIdentitiesInput{
		PoolID: in.IdentityPoolId, MaxResults: in.MaxResults, NextToken: in.NextToken, HideDisabled: in.HideDisabled,
	})
	if err != nil {
		return nil, err
	}
	out := &listIdentitiesOutput{IdentityPoolId: *in.IdentityPoolId, Identities: []identityDescription{}, NextToken: optional(next)}
	for _, i := range ids {
		out.Identities = append(out.Identities, toWireIdentity(i))
	}
	return out, nil
}
