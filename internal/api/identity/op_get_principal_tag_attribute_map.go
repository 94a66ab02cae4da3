package identity

import "context"

type getPrincipalTagAttributeMapInput struct {
	IdentityPoolId       *string `json:"IdentityPoolId"`
	IdentityProviderName *string `json:"IdentityProviderName"`
}

func (a *API) getPrincipalTagAttributeMap(ctx context.Context, in *getPrincipalTagAttributeMapInput) (*principalTagAttributeMap, error) {
	res, err := a.pools.PrincipalTags(ctx, in.IdentityPoolId, in.IdentityProviderName)
	if err != nil {
		return nil, err
	}
	return toWirePrincipalTags(res), nil
}
