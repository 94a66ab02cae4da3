package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type createUserPoolClientInput struct {
	UserPoolId     *string `json:"UserPoolId"`
	GenerateSecret bool    `json:"GenerateSecret"`
	ClientSecret   *string `json:"ClientSecret"`
	wireClientSettings
}

// createUserPoolClient is CreateUserPoolClient.
func (a *API) createUserPoolClient(ctx context.Context, in *createUserPoolClientInput) (*userPoolClientOutput, error) {
	c, err := a.pools.CreateClient(ctx, userpool.CreateClientInput{
		UserPoolId:     in.UserPoolId,
		GenerateSecret: in.GenerateSecret,
		ClientSecret:   in.ClientSecret,
		ClientSettings: in.wireClientSettings.domain(),
	})
	if err != nil {
		return nil, err
	}
	return &userPoolClientOutput{UserPoolClient: userPoolClientOut(c)}, nil
}
