package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

type getOpenIDTokenForDeveloperIdentityInput struct {
	IdentityPoolId *string           `json:"IdentityPoolId"`
	IdentityId     *string           `json:"IdentityId"`
	Logins         map[string]string `json:"Logins"`
	PrincipalTags  map[string]string `json:"PrincipalTags"`
	TokenDuration  *int64            `json:"TokenDuration"`
}

func (a *API) getOpenIDTokenForDeveloperIdentity(ctx context.Context, in *getOpenIDTokenForDeveloperIdentityInput) (*openIDOutput, error) {
	res, err := a.pools.GetOpenIDTokenForDeveloper(ctx, identitypool.DeveloperTokenInput{
		PoolID: in.IdentityPoolId, IdentityID: in.IdentityId, Logins: in.Logins,
		PrincipalTags: in.PrincipalTags, TokenDuration: in.TokenDuration,
	})
	if err != nil {
		return nil, err
	}
	return &openIDOutput{IdentityId: res.IdentityID, Token: res.Token}, nil
}
