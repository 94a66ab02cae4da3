package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type updateUserPoolClientInput struct {
	UserPoolId *string `json:"UserPoolId"`
	ClientId   *string `json:"ClientId"`
	wireClientSettings
}

// updateUserPoolClient is UpdateUserPoolClient.
func (a *API) updateUserPoolClient(ctx context.Context, in *updateUserPoolClientInput) (*userPoolClientOutput, error) {
	c, err := a.pools.UpdateClient(ctx, userpool.UpdateClientInput{
		UserPoolId:     in.UserPoolId,
		ClientId:       in.ClientId,
		ClientSettings: in.wireClientSettings.domain(),
	})
	if err != nil {
		return nil, err
	}
	return &userPoolClientOutput{UserPoolClient: userPoolClientOut(c)}, nil
}
