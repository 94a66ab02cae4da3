package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

type principalTagAttributeMap struct {
	IdentityPoolId       *string           `json:"IdentityPoolId,omitempty"`
	IdentityProviderName *string           `json:"IdentityProviderName,omitempty"`
	UseDefaults          *bool             `json:"UseDefaults,omitempty"`
	PrincipalTags        map[string]string `json:"PrincipalTags,omitempty"`
}

func (a *API) setPrincipalTagAttributeMap(ctx context.Context, in *principalTagAttributeMap) (*principalTagAttributeMap, error) {
	res, err := a.pools.SetPrincipalTags(ctx, identitypool.PrincipalTagsInput{
		PoolID: in.IdentityPoolId, ProviderName: in.IdentityProviderName, UseDefaults: in.UseDefaults, Tags: in.PrincipalTags,
	})
	if err != nil {
		return nil, err
	}
	return toWirePrincipalTags(res), nil
}

func toWirePrincipalTags(res *identitypool.PrincipalTagsOutput) *principalTagAttributeMap {
	return &principalTagAttributeMap{
		IdentityPoolId: &res.PoolID, IdentityProviderName: &res.ProviderName,
		UseDefaults: &res.UseDefaults, PrincipalTags: res.Tags,
	}
}
