package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

type unlinkDeveloperIdentityInput struct {
	IdentityId              *string `json:"IdentityId"`
	IdentityPoolId          *string `json:"IdentityPoolId"`
	DeveloperProviderName   *string `json:"DeveloperProviderName"`
	DeveloperUserIdentifier *string `json:"DeveloperUserIdentifier"`
}

func (a *API) unlinkDeveloperIdentity(ctx context.Context, in *unlinkDeveloperIdentityInput) (*struct{}, error) {
	return nil, a.pools.UnlinkDeveloper(ctx, identitypool.UnlinkDeveloperInput{
		IdentityID: in.IdentityId, PoolID: in.IdentityPoolId,
		ProviderName: in.DeveloperProviderName, DeveloperUser: in.DeveloperUserIdentifier,
	})
}
