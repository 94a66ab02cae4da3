package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

type mergeDeveloperIdentitiesInput struct {
	SourceUserIdentifier      *string `json:"SourceUserIdentifier"`
	DestinationUserIdentifier *string `json:"DestinationUserIdentifier"`
	DeveloperProviderName     *string `json:"DeveloperProviderName"`
	IdentityPoolId            *string `json:"IdentityPoolId"`
}

func (a *API) mergeDeveloperIdentities(ctx context.Context, in *mergeDeveloperIdentitiesInput) (*identityIDOutput, error) {
	id, err := a.pools.MergeDeveloper(ctx, identitypool.MergeInput{
		Source: in.SourceUserIdentifier, Destination: in.DestinationUserIdentifier,
		ProviderName: in.DeveloperProviderName, PoolID: in.IdentityPoolId,
	})
	if err != nil {
		return nil, err
	}
	return &identityIDOutput{IdentityId: id}, nil
}
